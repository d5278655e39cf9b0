"""Noise lines that are never claims: captions and credits, source lines, URLs, rules,
an outlet's name on its own line, and the dateline trimmed off a first sentence."""

from __future__ import annotations

import re

from workers.nlp import lookup_alias

from .features import split_words

# Noise lines: captions and credits, source lines, URLs, rules.
_URL_RE = re.compile(r"<?\b(?:https?://|www\.)\S+>?", re.IGNORECASE)
SOURCE_LINE_RE = re.compile(r"^\W*\[?\s*(?:sources?|via)\s*:", re.IGNORECASE)
CREDIT_RE = re.compile(
    r"[\[(]\s*(?:file|photo|image|picture|video|credit|illustration|graphic)\b[^\])]*[\])]"
    r"|[\[(][^\])]{0,60}/\s*(?:reuters|ap|afp|getty(?: images)?|epa|anadolu|xinhua)\s*[\])]"
    r"|^\W*(?:photo|image|picture|credit|file photo)\s*:",
    re.IGNORECASE,
)
_RULE_RE = re.compile(r"^\s*[-*_=#~]{3,}\s*$")
DATELINE_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?)\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)+\s*"
    r"|^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Za-z .]{2,30})?\s*\([^)]{1,30}\)\s*(?:--|—|–|-)+\s*"
)
_MARKDOWN_RE = re.compile(r"[*_#>`]+")


def is_boilerplate(text: str, outlet: str | None = None) -> bool:
    """Captions, credits, source lines, bare URLs, rules and outlet names."""
    stripped = text.strip()
    if not stripped or _RULE_RE.match(stripped):
        return True
    if CREDIT_RE.search(stripped) or SOURCE_LINE_RE.match(stripped):
        return True
    without_urls = _URL_RE.sub("", stripped)
    plain = _MARKDOWN_RE.sub("", without_urls).strip(" \t[]()<>|:-—–.")
    if not re.search(r"[A-Za-z]", plain):
        return True  # only a URL, or punctuation
    if stripped.startswith("#"):
        return True  # a markdown heading (the headline)
    if outlet and plain.casefold() == outlet.strip().casefold():
        return True
    words = split_words(plain)
    entry = lookup_alias(plain)
    if entry is not None and entry.kind == "organization" and len(words) <= 6:
        return True  # "Radio Habana Cuba", "Reuters" alone on a line
    # A short title-case line with no sentence punctuation: a name, a byline, a label.
    return (
        len(words) <= 6
        and not re.search(r"[.!?]\W*$", plain)
        and all(w[:1].isupper() or w.lower() in {"of", "the", "and", "de", "for"} for w in words)
    )
