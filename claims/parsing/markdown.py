"""Markdown in pastes: structural lines (headings, rules, links, images, URLs, source notes) and
inline markup to strip from prose.

Rich-text pastes and reader tools turn a page into markdown-ish text: a ``#`` headline, ``---``
rules, ``[text](href)`` links, ``![](image)`` images, ``**bold**`` standfirsts. Every expression is
anchored or bounded (brackets are excluded from link text and targets) so that hostile input
cannot make it backtrack.
"""

from __future__ import annotations

import re

from .furniture_patterns import END_MARK_RE

RULE_RE = re.compile(r"^(?:(?:- *){3,}|(?:\* *){3,}|(?:_ *){3,})$")
SETEXT_RE = re.compile(r"^={3,}$")
_HEADING_RE = re.compile(r"^#{1,6}(?: +(?P<text>.*?))?(?: +#+)? *$")
_URL_LINE_RE = re.compile(r"^(?:<(?P<angle>https?://[^\s<>]+)>|(?P<bare>https?://\S+))$", re.I)
# Markdown link targets. Brackets are excluded from text and targets (one level of balanced
# parentheses is allowed, as in Wikipedia URLs) so that every attempt stops at the next bracket:
# otherwise a run of unclosed "[a](" makes the search quadratic.
_LINK_HREF = r"(?:[^()\[\]\s]|\([^()\[\]\s]*\))+"
_LINK_TITLE = r'(?: +"[^"\n]{0,300}")?'  # optional [text](href "title")
_LINK_TARGET = _LINK_HREF + _LINK_TITLE
_LINK_LINE_RE = re.compile(rf"^\[(?P<text>[^\[\]\n]*)\]\((?P<href>{_LINK_HREF}){_LINK_TITLE}\)$")
_IMAGE_LINE_RE = re.compile(rf"^!\[[^\[\]\n]*\]\((?:{_LINK_TARGET})?\)$")
# A line of nothing but links (a menu, share buttons, a footer), possibly a list item.
_LIST_MARK = r"(?:[-*+\u2022] +|\d{1,3}[.)] +)"
_LINKS_ONLY_RE = re.compile(
    rf"^{_LIST_MARK}?(?:!?\[[^\[\]\n]*\]\((?:{_LINK_TARGET})?\)[ |\u00b7\u2022,/-]*)+$"
)
_SOURCE_LINE_RE = re.compile(r"^[\[(] *sources? *: *(?P<source>[^\[\]()\n]*?) *[\])]$", re.I)
SOURCE_TAIL_RE = re.compile(r" *\[ *sources? *: *(?P<source>[^\[\]\n]{1,200}?) *\]$", re.I)
BLOCKQUOTE_RE = re.compile(r"^(?:> ?)+")
BULLET_RE = re.compile(r"^[-*+\u2022] +(?=\S)")
BOLD_BLOCK_RE = re.compile(r"^(?P<mark>\*\*|__)(?P<inner>(?:(?!\*\*|__).)+)(?P=mark)$")

# Inline markdown inside prose.
_INLINE_IMAGE_RE = re.compile(rf"!\[[^\[\]\n]*\]\((?:{_LINK_TARGET})?\)")
_INLINE_LINK_RE = re.compile(rf"\[(?P<text>[^\[\]\n]+)\]\({_LINK_TARGET}\)")
_AUTOLINK_RE = re.compile(r"<(?P<url>https?://[^\s<>]+)>", re.I)
_STRONG_RE = re.compile(r"\*\*(?=\S)(?P<text>(?:(?!\*\*).)+?)(?<=\S)\*\*")
_STRONG_UNDERSCORE_RE = re.compile(r"(?<!\w)__(?=\S)(?P<text>(?:(?!__).)+?)(?<=\S)__(?!\w)")
_EM_RE = re.compile(r"(?<![\w*\\])\*(?=\S)(?P<text>[^*\n]+?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE_RE = re.compile(r"(?<![\w\\])_(?=\S)(?P<text>[^_\n]+?)(?<=\S)_(?!\w)")
_ESCAPE_RE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!<>])")


def clean_inline(text: str) -> str:
    """Strip inline markdown (emphasis, links, images, escapes) and tidy spaces."""
    if "![" in text:
        text = _INLINE_IMAGE_RE.sub("", text)
    if "](" in text:
        text = _INLINE_LINK_RE.sub(r"\g<text>", text)
    if "<" in text:
        text = _AUTOLINK_RE.sub(r"\g<url>", text)
    if "*" in text:
        text = _STRONG_RE.sub(r"\g<text>", text)
        text = _EM_RE.sub(r"\g<text>", text)
    if "_" in text:
        text = _STRONG_UNDERSCORE_RE.sub(r"\g<text>", text)
        text = _EM_UNDERSCORE_RE.sub(r"\g<text>", text)
    if "\\" in text:
        text = _ESCAPE_RE.sub(r"\g<char>", text)
    return " ".join(text.split())


def structural_kind(line: str) -> tuple[str, str] | None:
    """(kind, text) for a line that is page structure whatever surrounds it, else ``None``.

    Kinds: ``rule``, ``heading`` (its text), ``url`` (the URL), ``image``, ``link`` (a lone link,
    a list item that is only a link, or a line of links: navigation, dropped) and ``source`` (the
    source named by a "[ SOURCE: … ]" or "(Source: …)" line).
    """
    if RULE_RE.match(line):
        return "rule", ""
    if END_MARK_RE.fullmatch(line):
        return "end", ""  # "###", "-30-": the end of a press release
    if line.startswith("#"):
        heading = _HEADING_RE.match(line)
        if heading:
            return "heading", clean_inline(heading.group("text") or "")
    url = _URL_LINE_RE.match(line)
    if url:
        # A bare URL typed at the end of a sentence may carry its full stop; URLs almost never
        # really end in one.
        return "url", url.group("angle") or url.group("bare").rstrip(".,;:!?")
    if _IMAGE_LINE_RE.match(line):
        return "image", ""
    link = _LINK_LINE_RE.match(line)
    if link:
        # "[https://…](https://…)" is the page URL; any other lone link is navigation
        # ("Read more", "Related: …") and is dropped.
        if _URL_LINE_RE.match(link.group("text")):
            return "url", link.group("href")
        return "link", ""
    if "](" in line and _LINKS_ONLY_RE.match(line):
        return "link", ""
    source = _SOURCE_LINE_RE.match(line)
    if source:
        return "source", source.group("source")
    return None
