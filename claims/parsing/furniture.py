"""THE page-furniture recogniser, shared by the article parser and the claim extractor.

A page pasted from a news site carries much more than the article: menus, banners, share and
subscribe widgets, related links, photo captions and credits, bylines and timestamps, contributor
lines, adverts, cookie notices, comment counts and copyright footers. The parser uses this module
to drop such lines and paragraphs and to strip furniture glued to prose; the extractor uses it so
that no claim is ever made of furniture. Each kind of furniture is recognised here and nowhere else.

Every function looks at one line or sentence and is safe on hostile input: a line longer than
``MAX_FURNITURE_CHARS`` is never furniture (checked before any pattern runs), and every pattern is
anchored, bounded, or a plain search over such a short line, so no input can make them backtrack
badly. Prose that merely mentions a photo, an agency or a menu ("Reuters reported…", "the photo
shows…") is prose: the patterns match whole widget lines or labels followed by their link, not
words in sentences.

The data tables (labels, patterns, lexicons) are in :mod:`claims.parsing.furniture_patterns`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import furniture_patterns as patterns
from .datelines import Dateline, parse_dateline
from .furniture_patterns import (
    ADVERT,
    BANNER,
    BYLINE,
    CAPTION,
    COMMENTS,
    CONTRIBUTORS,
    COOKIE,
    CREDIT,
    DATE,
    FOOTER,
    KINDS,
    LABEL,
    MAX_FURNITURE_CHARS,
    NAVIGATION,
    NO_COMMENT,
    RELATED,
    SHARE,
    SOURCE,
)
from .markdown import clean_inline, structural_kind

__all__ = [
    "ADVERT",
    "BANNER",
    "BYLINE",
    "CAPTION",
    "COMMENTS",
    "CONTRIBUTORS",
    "COOKIE",
    "CREDIT",
    "DATE",
    "FOOTER",
    "KINDS",
    "LABEL",
    "MAX_FURNITURE_CHARS",
    "NAVIGATION",
    "NO_COMMENT",
    "RELATED",
    "SHARE",
    "SOURCE",
    "Dateline",
    "credit_or_source",
    "enclosing_line",
    "ends_sentence",
    "find_credit",
    "is_author_bio",
    "is_menu_item",
    "line_kind",
    "looks_like_heading",
    "no_comment",
    "parse_dateline",
    "sentence_kind",
    "strip_glued",
]


# Shapes of text.
_TERMINAL = frozenset(".!?:\u2026")  # \u2026 is the ellipsis character
_CLOSERS = "\"'\u201d\u2019\u00bb)]*_ "  # straight and curly closing quotes, brackets, emphasis
# Subheadings are short and unpunctuated; a headline may run longer.
_HEADING_MAX_WORDS = 8
_HEADING_MAX_CHARS = 60
_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 150
_NAVIGATION_BAR_MAX_CHARS = 300
_BAR_SEPARATORS = ("|", "\u2022", "\u00b7", "\u203a", "\u00bb", " > ")
_MENU_ITEM_MAX_WORDS = 3
_MENU_ITEM_MAX_CHARS = 32
_CAPS_LABEL_RE = re.compile(r"[A-Z][A-Z&'\u2019-]*(?: [A-Z&][A-Z&'\u2019-]*){0,3}")

# Extractor-only debris (the parser has already taken these out of an article's body).
_RULE_RE = re.compile(r"[-*_=#~ ]{3,}")
_URL_RE = re.compile(r"<?\b(?:https?://|www\.)\S+>?", re.I)
_SOURCE_LINE_RE = re.compile(r"\W*\[?\s*(?:sources?|via)\s*:", re.I)
_MARKDOWN_RE = re.compile(r"[*_#>`]+")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*")
_LABEL_SMALL_WORDS = frozenset(("of", "the", "and", "de", "for"))
_LABEL_MAX_WORDS = 6
_LABEL_MAX_CHARS = 100  # six words, however long
_SENTENCE_END_RE = re.compile(r"[.!?]\W*$")


# --------------------------------------------------------------------------------------------
# Shapes
# --------------------------------------------------------------------------------------------


def ends_sentence(text: str) -> bool:
    """Whether the last visible character is terminal punctuation (closing quotes ignored)."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def looks_like_heading(text: str, *, headline: bool = False) -> bool:
    """A short line that is not a sentence: a subheading, or (``headline``) a headline."""
    max_chars = _HEADLINE_MAX_CHARS if headline else _HEADING_MAX_CHARS
    max_words = _HEADLINE_MAX_WORDS if headline else _HEADING_MAX_WORDS
    return not ends_sentence(text) and len(text) <= max_chars and len(text.split()) <= max_words


def is_menu_item(text: str) -> bool:
    """One item of a menu pasted as a run of lines: "World", "U.S.", "Podcasts & Shows"."""
    if len(text) > _MENU_ITEM_MAX_CHARS or not text.strip():
        return False
    words = text.split()
    if len(words) > _MENU_ITEM_MAX_WORDS:
        return False
    last = words[-1]
    # "U.S." ends with a full stop but is an abbreviation, not a sentence.
    return not ends_sentence(text) or (last.endswith(".") and "." in last[:-1])


# --------------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------------


def line_kind(line: str) -> str | None:
    """The kind of furniture ``line`` is on its own (markdown already removed), or ``None``.

    Looks only at the line itself; what depends on position (menus as runs of short lines,
    subheadings between paragraphs, the headline repeated at the top, author bios at the foot)
    is for the caller to judge with :func:`is_menu_item`, :func:`looks_like_heading` and
    :func:`is_author_bio`.
    """
    text = line.strip()
    if not text or len(text) > MAX_FURNITURE_CHARS:
        return None
    return _line_kind(text)


@lru_cache(maxsize=1024)  # pages repeat their widgets; the extractor asks once per sentence
def _line_kind(text: str) -> str | None:
    if len(text) <= patterns.WHOLE_LINE_MAX_CHARS:
        whole = patterns.WHOLE_LINE_RE.fullmatch(text)
        if whole and whole.lastgroup:
            return patterns.WHOLE_LINE_KINDS[int(whole.lastgroup[1:])]
    credit = find_credit(text)
    if credit is not None:
        return CAPTION if credit[0] else CREDIT
    if patterns.RELATED_RE.fullmatch(text) or patterns.POINTER_RE.fullmatch(text):
        return RELATED
    words = text.split()
    if len(words) <= patterns.PUBLISHED_MAX_WORDS and patterns.PUBLISHED_RE.match(text):
        return BYLINE
    if patterns.COOKIE_NOTICE_RE.match(text):
        return COOKIE
    if len(words) <= patterns.MAX_WIDGET_WORDS:
        widget = patterns.WIDGET_PREFIX_RE.match(text)
        if widget and widget.lastgroup:
            return patterns.WIDGET_PREFIXES[int(widget.lastgroup[1:])][0]
    if len(words) <= patterns.ANYWHERE_MAX_WORDS:
        lowered = text.casefold()
        for kind, triggers, pattern in patterns.ANYWHERE_RES:
            if any(t in lowered for t in triggers) and pattern.search(text):
                return kind
    if _is_caps_label(text):
        return BANNER
    if _is_timestamp(text):
        return DATE
    if _is_byline(text, words):
        return BYLINE
    if len(text) <= patterns.SLASH_CREDIT_MAX and patterns.SLASH_CREDIT_RE.fullmatch(text):
        return CREDIT
    if _is_navigation_bar(text):
        return NAVIGATION
    return None


def _is_caps_label(text: str) -> bool:
    """A section label in capitals: "NATIONAL NEWS", "LOCAL NEWS", "OPINION"."""
    return bool(_CAPS_LABEL_RE.fullmatch(text)) and sum(c.isalpha() for c in text) >= 2


def _is_timestamp(text: str) -> bool:
    """A line of nothing but a date, a time or an age: "Tue 6 May 2025 07.00 BST", "2h ago"."""
    if len(text) > patterns.DATE_MAX_CHARS:
        return False
    digits = False
    for token in patterns.DATE_TOKEN_RE.findall(text):
        if token.isdigit():
            digits = True
        elif token.isalpha():
            if token.casefold() not in patterns.DATE_WORDS:
                return False
        elif token not in patterns.DATE_PUNCT:
            return False
    return digits or text.casefold().endswith(("ago", "yesterday"))


def _is_byline(text: str, words: list[str]) -> bool:
    """ "By Jane Roe and John Doe", "By KERRY WALSH, Transport Reporter", "Jane Roe, Staff Writer",
    "Housing correspondent": names, connectors and newsroom roles, and nothing that ends a
    sentence ("By Tuesday, the council had…" has lower-case words and is prose)."""
    if len(words) > patterns.BYLINE_MAX_WORDS or (ends_sentence(text) and not text.endswith(".")):
        return False
    by = patterns.BY_RE.fullmatch(text)
    names = by.group("names").split() if by else words
    roles = 0
    for raw in names:
        word = raw.strip(",;|\u00b7\u2022()")
        if not word:
            continue
        lowered = word.casefold()
        if lowered in patterns.ROLE_WORDS:
            roles += 1
        elif not (word[0].isupper() or lowered in patterns.NAME_CONNECTORS):
            return False
    if text.endswith(".") and not names[-1][:-1].replace(".", "").isupper():
        return False  # a sentence, unless the full stop closes an initial ("Jane Q.")
    if by:
        return True
    # Without "By", a role must be there, and last or after a separator, so that a title-case
    # headline such as "Editor Quits After Scandal" is not taken for a byline.
    last = words[-1].strip(",;|").casefold()
    return (
        roles > 0
        and len(words) <= 6
        and (last in patterns.ROLE_WORDS or any(s in text for s in ",|"))
    )


def _is_navigation_bar(text: str) -> bool:
    """ "Home | World | Politics", "Terms of Use | Privacy Policy": short items between bars."""
    if len(text) > _NAVIGATION_BAR_MAX_CHARS:
        return False
    for separator in _BAR_SEPARATORS:
        if text.count(separator) >= 2:
            items = [item.strip() for item in text.split(separator)]
            return all(
                item and len(item.split()) <= 4 and not ends_sentence(item) for item in items
            )
    return False


def is_author_bio(text: str) -> bool:
    """An author's bio, as pages print at the foot of an article: "Vega covers public health for
    The Associated Press.", "Ruth Adeyemi is a former teacher and a senior fellow at …".

    Only meaningful at the end of a page (a sentence such as "Ortega is a former reporter" in the
    middle of an article is prose): the caller decides where to ask.
    """
    stripped = text.strip().strip("*_")
    return len(stripped.split()) <= patterns.BIO_MAX_WORDS and bool(patterns.BIO_RE.match(stripped))


# --------------------------------------------------------------------------------------------
# Captions and credits
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Prose
# --------------------------------------------------------------------------------------------


def strip_glued(paragraph: str) -> str:
    """``paragraph`` without the furniture glued to its prose.

    Removes "opens new tab" link debris anywhere, a banner prefix ("BREAKING: …") and whole
    sentences of furniture at the end ("… Have your say in the comments below."). The rest of the
    paragraph is returned unchanged.
    """
    if "new tab" in paragraph or "new window" in paragraph:
        paragraph = patterns.NEW_TAB_RE.sub("", paragraph)
    banner = patterns.BANNER_PREFIX_RE.match(paragraph)
    if banner:
        paragraph = paragraph[banner.end() :]
    for _ in range(3):  # a paragraph ends with at most a few furniture sentences
        offset = max(0, len(paragraph) - patterns.GLUED_TAIL)
        ends = [m.end() for m in patterns.SENTENCE_END_RE.finditer(paragraph, offset)]
        if not ends:
            break
        cut = ends[-1]
        if line_kind(paragraph[cut:]) is None:
            break
        paragraph = paragraph[:cut].rstrip()
    return paragraph


def no_comment(sentence: str) -> bool:
    """ "X did not immediately respond to a request for comment", "Y declined to comment": a
    sentence about who did not speak, not a claim."""
    if len(sentence) > MAX_FURNITURE_CHARS or len(sentence.split()) > patterns.NO_COMMENT_MAX_WORDS:
        return False
    lowered = sentence.casefold()
    return any(t in lowered for t in patterns.NO_COMMENT_TRIGGERS) and bool(
        patterns.NO_COMMENT_RE.search(sentence)
    )


def _is_label(plain: str) -> bool:
    words = _WORD_RE.findall(plain)
    return (
        len(words) <= _LABEL_MAX_WORDS
        and not _SENTENCE_END_RE.search(plain)
        and all(w[:1].isupper() or w.lower() in _LABEL_SMALL_WORDS for w in words)
    )


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


def enclosing_line(text: str, start: int, end: int) -> str:
    """The line of ``text`` around ``text[start:end]``; ``""`` when it is too long to be
    furniture (so that a huge one-line paste is not copied for each of its sentences)."""
    low = max(0, start - MAX_FURNITURE_CHARS)
    line_start = text.rfind("\n", low, start) + 1
    if line_start == 0 and low > 0:
        return ""
    line_end = text.find("\n", end, end + MAX_FURNITURE_CHARS + 1)
    if line_end == -1:
        if len(text) - end > MAX_FURNITURE_CHARS:
            return ""
        line_end = len(text)
    return text[line_start:line_end] if line_end - line_start <= MAX_FURNITURE_CHARS else ""


def sentence_kind(text: str, *, line: str = "", outlet: str | None = None) -> str | None:
    """Why the extractor must not make a claim of the sentence ``text``, or ``None``.

    Everything :func:`line_kind` recognises, a photo credit anywhere in the sentence, markdown
    debris (rules, headings, links, images, bare URLs, source lines) the parser would have
    removed, the outlet's name or another short title-case label on its own, and "no comment"
    boilerplate. Furniture that only its place on the page gives away (a run of menu items, a
    caption above its credit, a subheading, the headline repeated, an author bio at the foot) is
    the parser's to remove: the extractor sees the article's body.

    ``line`` is the whole line the sentence stands on (see :func:`enclosing_line`): a line that
    is furniture ("… All rights reserved. Registered in England.", a caption ending in its
    credit) is furniture in every sentence.
    """
    stripped = text.strip()
    if not stripped or _RULE_RE.fullmatch(stripped) or stripped.startswith("#"):
        return LABEL
    if line and line.strip() != stripped:
        kind = line_kind(clean_inline(line))
        if kind is not None:
            return kind
    if patterns.NEW_TAB_RE.fullmatch(stripped):
        return NAVIGATION
    credited = credit_or_source(stripped)
    if credited is not None:
        return credited
    structural = structural_kind(stripped)
    if structural is not None:
        return SOURCE if structural[0] == "source" else NAVIGATION
    unmarked = clean_inline(stripped)
    if "://" in unmarked or "www." in unmarked:
        unmarked = _URL_RE.sub("", unmarked)
    unmarked = _MARKDOWN_RE.sub("", unmarked).strip()
    plain = unmarked.strip(" \t[]()<>|:-\u2014\u2013.")
    if not any(c.isalpha() for c in plain):
        return LABEL  # only a URL, or punctuation
    kind = line_kind(unmarked)
    if kind is not None:
        return kind
    if outlet and plain.casefold() == outlet.strip().casefold():
        return LABEL
    if len(plain) <= _LABEL_MAX_CHARS and _is_label(plain):
        return LABEL  # a name, a byline, a section: a short title-case line, not a sentence
    if no_comment(stripped):
        return NO_COMMENT
    return None
