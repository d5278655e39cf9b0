"""The page-furniture recogniser's captions, credits and source lines.

A photo credit ends a caption ("… (AP Photo/Jane Roe)", "… Photo: Jane Roe/Reuters") or sits
anywhere in a sentence the extractor is offered; a source line ("Source: Reuters") is furniture
at any length. The credit patterns live here with the functions that use them. Part of the
one recogniser, :mod:`claims.parsing.furniture`, which is what
callers import.
"""

from __future__ import annotations

import re

from .furniture_patterns import CAPTION, MAX_FURNITURE_CHARS, SOURCE

# Photo credits that end a caption. Bracketed forms may carry any of these labels; an unlabelled
# "[Name/Agency]" is accepted too because that slash form is only ever a credit.
CREDIT_LABEL = (
    r"(?:file(?: photo)?|photo(?:graph)?s?|photo credit|image|picture|credit|illustration"
    r"|video|graphic)"
)
AGENCY = (
    r"(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|PA|Getty Images|Getty|Xinhua|Anadolu|Bloomberg|AAP"
    r"|ANSA|dpa|DPA|Shutterstock|Alamy|NurPhoto|Sipa|ZUMA)"
)
CREDIT_PATTERNS = (
    # "[File: Henry Romero/Reuters]", "(Photo: Jane Doe/AP)"
    re.compile(rf" *\[ *(?P<credit>{CREDIT_LABEL} *: *[^\[\]\n]{{1,150}}?) *\]$", re.I),
    re.compile(r" *\[ *(?P<credit>[^\[\]\n/]{2,80}/ *[A-Z][^\[\]\n]{0,80}?) *\]$"),
    re.compile(rf" *\( *(?P<credit>{CREDIT_LABEL} *: *[^()\n]{{1,150}}?) *\)$", re.I),
    # "(AP Photo/Rafael Montes)", "(Photo by Sam Ortiz / Millbrook Ledger)"
    re.compile(rf" *\( *(?P<credit>(?:{AGENCY} )?Photo(?:/| by )[^()\n]{{1,120}}?) *\)$"),
    re.compile(
        rf" *\( *(?P<credit>{CREDIT_LABEL}s? (?:by|courtesy of) [^()\n]{{1,120}}?) *\)$", re.I
    ),
    # "(Jane Roe/Example News)": a photographer's name and the outlet, in brackets at the end.
    re.compile(
        r" *\( *(?P<credit>[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3} ?/ ?"
        r"[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*){0,3}) *\)$"
    ),
    # Unbracketed "Photo: Name/Agency" (Guardian style). Case-sensitive labels and a required
    # slash keep prose such as "...he opened the file: report/2024" from being taken for a credit.
    re.compile(
        r"(?:^|(?<= ))(?P<credit>(?:Photo(?:graph)?|Picture|Image|Photo credit) *: *"
        r"[^\n:]{1,80}?/[^\n/]{1,60})$"
    ),
    # "Credit: Alamy", "Photo: Getty Images" at the end of a caption (tabloid style).
    re.compile(
        rf"(?:^|(?<= ))(?P<credit>(?:Credit|Photo|Picture|Image) *: *(?:{AGENCY}"
        r"|[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*){0,3}))$"
    ),
    # "REUTERS/Kai Brenner/File Photo Purchase Licensing Rights, opens new tab"
    re.compile(
        r"(?:^|(?<=[ .]))(?P<credit>REUTERS/[A-Z][^\n/]{0,60}?(?:/[^\n/]{1,40}){0,3}?)"
        r"(?: Purchase Licensing Rights(?:, opens new tab)?)?$"
    ),
)  # fmt: skip
CREDIT_TAIL = 400  # credits are short; only the end of a paragraph is searched for one
# A credit line on its own: "Maya Lindgren/NPR", "Tony Karumba/AFP/Getty Images".
CREDIT_WORD = r"(?:[A-Z][\w.'\u2019-]*|via|and|for|of|&)"
SLASH_CREDIT_RE = re.compile(
    rf"[A-Z][\w.'\u2019-]*(?: {CREDIT_WORD}){{0,4}}"
    rf"(?: ?/ ?[A-Z][\w.'\u2019-]*(?: {CREDIT_WORD}){{0,4}}){{1,3}}"
)
SLASH_CREDIT_MAX = 80
# A credit anywhere in a sentence (for the extractor: such a sentence is a caption).
CREDIT_INSIDE_RE = re.compile(
    rf"[\[(] *(?:(?:{AGENCY}) )?{CREDIT_LABEL} *(?::|/| by )[^\[\]()\n]{{1,150}}[\])]"
    rf"|[\[(][^\[\]()\n]{{0,60}}/ *{AGENCY} *[\])]",
    re.I,
)
_SOURCE_LINE_RE = re.compile(r"\W*\[?\s*(?:sources?|via)\s*:", re.I)


def find_credit(text: str) -> tuple[str, str] | None:
    """Split ``text`` into (caption, credit) if it ends with a photo credit."""
    offset = max(0, len(text) - CREDIT_TAIL)
    tail = text[offset:]
    # Cheap guard first: this runs for every line of the paste, and almost no line is a credit.
    if tail[-1:] not in ")]" and ("/" not in tail[-80:] and ":" not in tail[-80:]):
        return None
    for pattern in CREDIT_PATTERNS:
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
        CREDIT_INSIDE_RE.search(stripped) or find_credit(stripped) is not None
    ):
        return CAPTION
    return None
