"""From normalised text to units: paragraphs of prose and the pieces of furniture around them.

Lines are joined into paragraphs where a sentence was only wrapped or cut by a paragraph break;
every line that is page furniture on its own (markdown structure, or anything
:mod:`claims.parsing.furniture` recognises) becomes a unit of that kind and is never glued to
prose. Decisions look only at the end of the paragraph being built, so that a paste of thousands
of lines is processed in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import furniture
from .datelines import parse_dateline
from .markdown import (
    BLOCKQUOTE_RE,
    BOLD_BLOCK_RE,
    BULLET_RE,
    SETEXT_RE,
    clean_inline,
    structural_kind,
)

_OPENERS = "\"'\u201c\u2018*_ "
_DASHES = "-\u2013\u2014"  # hyphen, en dash, em dash
# Words that cannot end a sentence: a paragraph ending in one was cut mid-sentence.
_CONTINUATION_WORDS = frozenset(
    (
        *("a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "your"),
        *("my", "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto", "over"),
        *("under", "about", "after", "before", "between", "through", "against", "among", "as"),
        *("and", "or", "but", "nor", "than", "that", "which", "who", "whom", "whose", "whether"),
        *("if", "because", "while", "although", "though"),
    )
)
TAIL = 400  # only the end of a paragraph is ever examined
# Hard-wrapped text (an e-mail, a terminal) never has long lines; a browser paste always has.
_WRAP_WIDTH = 100
# A caption pasted on the line above its credit is short.
_CAPTION_MAX_WORDS = 40
# A paragraph reporting what someone said is the article's, even on the line above a credit:
# a caption shows, it does not report ("Ofgem said the rise …\nPhotograph: Jo Roe/PA").
_REPORTED_RE = re.compile(r"\b(?:said|says|told|according to|announced|estimated)\b", re.I)
# Caption and credit labels that are not part of the caption's text.
_CAPTION_LABEL_RE = re.compile(r"(?:image|media|video|photo) (?:caption|source),? *", re.I)


@dataclass
class Unit:
    """One paragraph-like piece of the paste and what it was recognised as.

    ``kind`` is ``prose``, ``bold``, ``caption``, ``heading``, ``rule``, ``url``, ``link``,
    ``image``, ``source`` or one of the furniture kinds of :mod:`claims.parsing.furniture`.
    """

    kind: str
    text: str
    credit: str = ""
    bullet: bool = False  # a list item: never a subheading


def is_hard_wrapped(text: str) -> bool:
    """Whether ``text`` looks hard-wrapped (no long line outside links), so that a line break in
    the middle of a sentence may be a wrap even when nothing else says the sentence goes on."""
    return all(
        len(line) <= _WRAP_WIDTH or "](" in line or "://" in line for line in text.split("\n")
    )


def continues(previous: str, following: str, *, headline: bool = False, wrapped: bool) -> bool:
    """Whether ``following`` carries on the sentence that ``previous`` left unfinished.

    ``headline`` says that ``previous`` opens the paste and may be a headline; ``wrapped`` that
    the paste is hard-wrapped (see :func:`is_hard_wrapped`).
    """
    if furniture.ends_sentence(previous):
        return False
    first = following.lstrip(_OPENERS)[:1]
    if first and (first.islower() or first.isdigit() or first in f",;:)\u2026{_DASHES}"):
        return True
    last = previous.rstrip("*_ ")
    if last[-1:] in f",;{_DASHES}":
        return True
    last_word = last.rsplit(" ", 1)[-1].casefold()
    if last_word in _CONTINUATION_WORDS:
        return True
    if not wrapped or parse_dateline(following):
        return False
    # A short unpunctuated line followed by a capitalised one is a subheading, not a broken
    # sentence; anything longer cannot be a heading and must have been cut in two.
    return not furniture.looks_like_heading(previous, headline=headline)


class _OpenParagraph:
    """Lines of one paragraph being collected, with just enough state to decide merges."""

    def __init__(self, *, first: bool) -> None:
        self.first = first  # no prose or heading precedes it: it may be a plain headline
        self.lines: list[str] = []
        self.tail = ""
        self.open_marks = 0  # parity bits for "**" (1) and "__" (2)
        self.bullet = False
        self.words = 0

    def add(self, line: str) -> None:
        self.lines.append(line)
        joined = f"{self.tail} {line}" if self.tail else line
        self.tail = joined[-TAIL:]
        self.open_marks ^= (line.count("**") % 2) | (line.count("__") % 2) << 1
        self.words += len(line.split())

    def is_bold_block(self) -> bool:
        first, last = self.lines[0], self.lines[-1]
        return any(first.startswith(m) and last.endswith(m) for m in ("**", "__"))

    def accepts(self, line: str, *, wrapped: bool) -> bool:
        """Whether ``line`` continues this paragraph (a soft line break, not a new paragraph)."""
        if self.open_marks:
            return True  # inside an unclosed bold run: the standfirst was wrapped
        if self.is_bold_block() or BOLD_BLOCK_RE.match(line):
            return False
        if furniture.find_credit(self.tail):
            return False
        headline = self.first and len(self.lines) == 1
        return continues(self.tail, line, headline=headline, wrapped=wrapped)


def split_units(text: str, *, wrapped: bool) -> list[Unit]:
    """Split normalised text into units, joining soft-wrapped lines of one paragraph."""
    units: list[Unit] = []
    current = _OpenParagraph(first=True)

    def close() -> None:
        nonlocal current
        if current.lines:
            units.append(_text_unit(" ".join(current.lines), bullet=current.bullet))
            current = _OpenParagraph(first=False)

    for raw_line in text.split("\n"):
        line = BLOCKQUOTE_RE.sub("", raw_line.strip()).strip()
        if not line:
            close()
            continue
        if SETEXT_RE.match(line):
            if current.lines:  # "Title\n=====" is a markdown headline
                heading = " ".join(current.lines)
                current = _OpenParagraph(first=False)
                units.append(Unit("heading", clean_inline(heading)))
            continue
        structural = structural_kind(line)
        if structural:
            close()
            units.append(Unit(*structural))
            current.first = False
            continue
        bullet = BULLET_RE.match(line)
        if bullet:
            line = line[bullet.end() :]
        cleaned = clean_inline(line)
        kind = furniture.line_kind(cleaned)
        if kind is not None:
            unit = _furniture_unit(kind, cleaned)
            # A short paragraph just above a credit, with no blank line between, is its caption.
            if (
                current.lines
                and current.words <= _CAPTION_MAX_WORDS
                and not _REPORTED_RE.search(" ".join(current.lines))
            ):
                if unit.kind == furniture.CREDIT:
                    # A caption on the line above its credit ("…in April.\nJane Roe/AFP").
                    caption = clean_inline(" ".join(current.lines))
                    unit = Unit(furniture.CAPTION, caption, credit=unit.credit)
                    current = _OpenParagraph(first=current.first)
                elif unit.credit and current.accepts(line, wrapped=wrapped):
                    # A caption wrapped onto the line of its credit.
                    current.add(line)
                    unit = _text_unit(" ".join(current.lines), bullet=False)
                    current = _OpenParagraph(first=current.first)
            close()
            units.append(unit)
            continue
        if bullet:
            close()
            current.bullet = True
        elif current.lines and not current.accepts(line, wrapped=wrapped):
            close()
        current.add(line)
    close()
    return units


def _furniture_unit(kind: str, text: str) -> Unit:
    if kind in (furniture.CAPTION, furniture.CREDIT):
        parts = furniture.find_credit(text)
        if parts:
            return Unit(furniture.CAPTION if parts[0] else furniture.CREDIT, *parts)
        label = _CAPTION_LABEL_RE.match(text)
        text = text[label.end() :] if label else text
        if kind == furniture.CREDIT:
            return Unit(kind, "", credit=text)
        return Unit(kind, "" if furniture.line_kind(text) == kind else text)
    return Unit(kind, text)


def _text_unit(text: str, *, bullet: bool) -> Unit:
    """A caption, a bold block or prose."""
    caption = furniture.find_credit(text)
    if caption:
        return Unit(furniture.CAPTION, clean_inline(caption[0]), credit=caption[1])
    bold = BOLD_BLOCK_RE.match(text)
    if bold:
        return Unit("bold", clean_inline(bold.group("inner")))
    return Unit("prose", clean_inline(text), bullet=bullet)
