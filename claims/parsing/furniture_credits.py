"""The page-furniture recogniser's captions, credits and source lines.

A photo credit ends a caption ("… (AP Photo/Jane Roe)", "… Photo: Jane Roe/Reuters") or sits
anywhere in a sentence the extractor is offered; a source line ("Source: Reuters") is furniture
at any length. Part of the one recogniser, :mod:`claims.parsing.furniture`, which is what
callers import.
"""

from __future__ import annotations

import re

from . import furniture_patterns as patterns
from .furniture_patterns import CAPTION, MAX_FURNITURE_CHARS, SOURCE

_SOURCE_LINE_RE = re.compile(r"\W*\[?\s*(?:sources?|via)\s*:", re.I)


def find_credit(text: str) -> tuple[str, str] | None:
    """Split ``text`` into (caption, credit) if it ends with a photo credit."""
    offset = max(0, len(text) - patterns.CREDIT_TAIL)
    tail = text[offset:]
    # Cheap guard first: this runs for every line of the paste, and almost no line is a credit.
    if tail[-1:] not in ")]" and ("/" not in tail[-80:] and ":" not in tail[-80:]):
        return None
    for pattern in patterns.CREDIT_PATTERNS:
        match = pattern.search(tail)
        if match:
            credit = " ".join(match.group("credit").split())
            return text[: offset + match.start()].rstrip(), credit
    return None


def credit_or_source(text: str) -> str | None:
    """``CAPTION`` for a sentence holding a photo credit (anywhere: "Protesters marched (AP
    Photo/Jane Roe) through…"), ``SOURCE`` for a source line ("Source: Reuters"), else ``None``:
    the furniture that even a long sentence can be, so the cheap question to ask first."""
    stripped = text.strip()
    if _SOURCE_LINE_RE.match(stripped):
        return SOURCE
    if len(stripped) <= MAX_FURNITURE_CHARS and (
        patterns.CREDIT_INSIDE_RE.search(stripped) or find_credit(stripped) is not None
    ):
        return CAPTION
    return None
