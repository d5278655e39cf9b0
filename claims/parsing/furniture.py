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

This module is the recogniser's one entry point: callers import it, never its parts. The data
tables (labels, patterns, lexicons) are in :mod:`claims.parsing.furniture_patterns`; what a line
looks like (headings, menu items, bylines, timestamps, bars, bios) in
:mod:`claims.parsing.furniture_shapes`; captions, credits and source lines in
:mod:`claims.parsing.furniture_credits`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import furniture_patterns as patterns
from .datelines import Dateline, parse_dateline
from .furniture_credits import SLASH_CREDIT_MAX, SLASH_CREDIT_RE, credit_or_source, find_credit
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
from .furniture_shapes import (
    ends_sentence,
    is_author_bio,
    is_byline,
    is_caps_label,
    is_menu_item,
    is_navigation_bar,
    is_timestamp,
    looks_like_heading,
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
    "is_about_label",
    "is_author_bio",
    "is_author_label",
    "is_claim_box_label",
    "is_menu_item",
    "is_notice_label",
    "is_rating_label",
    "line_kind",
    "looks_like_heading",
    "no_comment",
    "parse_dateline",
    "sentence_kind",
    "strip_glued",
]


# Extractor-only debris (the parser has already taken these out of an article's body).
_RULE_RE = re.compile(r"[-*_=#~ ]{3,}")
_URL_RE = re.compile(r"<?\b(?:https?://|www\.)\S+>?", re.I)
_MARKDOWN_RE = re.compile(r"[*_#>`]+")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*")
_LABEL_SMALL_WORDS = frozenset(("of", "the", "and", "de", "for"))
_LABEL_MAX_WORDS = 6
_LABEL_MAX_CHARS = 100  # six words, however long
_SENTENCE_END_RE = re.compile(r"[.!?]\W*$")


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
    if is_caps_label(text):
        return BANNER
    if is_timestamp(text):
        return DATE
    if is_byline(text, words):
        return BYLINE
    if len(text) <= SLASH_CREDIT_MAX and SLASH_CREDIT_RE.fullmatch(text):
        return CREDIT
    if is_navigation_bar(text):
        return NAVIGATION
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


def is_claim_box_label(text: str) -> bool:
    """ "Claim", "What was claimed": the label of a fact-check page's summary box, whose next
    line is the claim reviewed rather than the article's prose."""
    return bool(patterns.CLAIM_BOX_LABEL_RE.fullmatch(text.strip()))


def is_rating_label(text: str) -> bool:
    """ "Rating", "Our verdict": the label of a fact-check box's rating."""
    return bool(patterns.RATING_LABEL_RE.fullmatch(text.strip()))


def is_author_label(text: str) -> bool:
    """ "About the author", "Written by Jane Roe": the label of the author's box at the foot of
    a page, under which the short paragraphs are the author's bio."""
    return bool(patterns.AUTHOR_LABEL_RE.match(text.strip()))


def is_about_label(text: str) -> bool:
    """ "About Northgate Health Systems": the label of a press release's boilerplate about its
    issuer, at the foot of the page."""
    return bool(patterns.ABOUT_LABEL_RE.fullmatch(text.strip()))


def is_notice_label(text: str) -> bool:
    """ "Forward-Looking Statements", "Safe Harbor Statement", "Disclaimer": the heading of a
    legal notice, every paragraph under which is the notice."""
    return bool(patterns.NOTICE_LABEL_RE.fullmatch(text.strip()))


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
