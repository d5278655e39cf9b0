"""Short forms of long texts for titles and lists (pure: no Django).

`ellipsize()` is the one way the desk shortens a claim (or an article's title) for display: at a
word boundary, with an ellipsis, never in the middle of a word or a figure ("450,000" is never
shown as "450,0…"). Django's `Truncator.chars` and `truncatechars` cut anywhere.
"""

from __future__ import annotations

ELLIPSIS = "…"
# Punctuation left dangling at the end of a cut ("urged Trump to stop, …").
_TRAILING = " ,;:-–—([{“‘\"'"


def ellipsize(text: str, limit: int) -> str:
    """`text` on one line in at most `limit` characters: whole when it fits, else cut at the last
    word boundary that leaves room for the ellipsis. A single word longer than the limit (a URL)
    is the only thing ever cut inside a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    room = limit - len(ELLIPSIS)
    cut = text[: room + 1]  # one more: a space right after the room means a whole last word
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:room]
    cut = cut.rstrip(_TRAILING)
    return (cut or text[:room]) + ELLIPSIS
