"""Normalising pasted text, hashing it, and rejecting input that is not article text."""

from __future__ import annotations

import hashlib
import re
import unicodedata


class ArticleTextError(ValueError):
    """Input that cannot be an article; message is user-facing."""


# Invisible characters that pasted web pages are full of. They break searching and hashing and
# carry no meaning in prose. The soft hyphen is included: it is only a hyphenation hint.
_INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
# ZWNJ/ZWJ are different: between two non-ASCII characters they shape Persian and Indic words
# and join emoji sequences, so removing them there would change the text. Elsewhere (next to
# ASCII or at a line edge) they are paste debris like the characters above.
_JOINER_RE = re.compile("[\u200c\u200d]")
# Every horizontal space that is not a plain space: tab, NBSP, narrow NBSP, en/em/thin spaces...
_SPACES_RE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_MULTI_SPACE_RE = re.compile(" {2,}")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")


def _drop_stray_joiner(match: re.Match[str]) -> str:
    text = match.string
    i = match.start()
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before.isascii() or after.isascii():
        return ""
    return match.group()


# Unicode category Cc (C0, DEL, C1) minus newline and tab; a character class is far faster
# than asking unicodedata about every character of a large paste.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    """Return ``text`` in the canonical form the rest of the service stores and compares.

    NFC; ``\\r\\n``/``\\r`` (and Unicode line/paragraph separators) become ``\\n``; zero-width
    characters and the BOM are removed; every kind of non-breaking or typographic space becomes
    a plain space; runs of spaces collapse to one; trailing spaces go; more than one blank line
    collapses to one and blank lines at either end are dropped. Curly quotes, dashes and all other
    characters are kept exactly as they are: they are part of what the outlet published.
    Stray control characters (other than newline and tab) are removed as well: they are invisible
    paste debris, and :func:`parse_article` has already rejected text that has many of them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE_RE.sub("", text)
    text = _JOINER_RE.sub(_drop_stray_joiner, text)
    text = _CONTROL_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    lines = [_MULTI_SPACE_RE.sub(" ", line).rstrip() for line in text.split("\n")]
    text = _MANY_NEWLINES_RE.sub("\n\n", "\n".join(lines)).strip("\n")
    # NFC last: removing invisible characters can leave a base letter next to a combining mark
    # that only now composes.
    return unicodedata.normalize("NFC", text)


def content_hash(body: str) -> str:
    """SHA-256 hex digest of ``body`` with whitespace collapsed and case folded.

    Two pastes of the same article that differ only in spacing, line endings, paragraph breaks,
    invisible characters or letter case hash the same, so the ingest service can de-duplicate.
    """
    text = " ".join(normalise_text(body).split()).casefold()
    # casefold() can decompose characters; renormalise so the digest is stable.
    text = unicodedata.normalize("NFC", text)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def check_input(text: str) -> None:
    """Raise for input that cannot be article text (not a string, or binary-looking)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_article() expects str, not {type(text).__name__}")
    if "\x00" in text:
        raise ArticleTextError("This looks like a binary file, not article text.")
    # \r is a line ending, not noise: Windows pastes are full of it.
    controls = len(_CONTROL_RE.findall(text)) - text.count("\r")
    if controls * 100 > len(text):
        raise ArticleTextError("This looks like a binary file, not article text.")
