"""The page-furniture recogniser's shapes: what a line looks like, whatever it says.

Headings and headlines (short, unpunctuated), menu items, section labels in capitals, bare
timestamps, bylines (names and newsroom roles), navigation bars ("Home | World | Politics") and
the author bios that close a page. Part of the one recogniser, :mod:`claims.parsing.furniture`,
which is what callers import.
"""

from __future__ import annotations

import re

from . import furniture_patterns as patterns

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
_MENU_ITEM_BETWEEN_MAX_WORDS = 5
_MENU_ITEM_BETWEEN_MAX_CHARS = 40
_CAPS_LABEL_RE = re.compile(r"[A-Z][A-Z&'\u2019-]*(?: [A-Z&][A-Z&'\u2019-]*){0,3}")


def ends_sentence(text: str) -> bool:
    """Whether the last visible character is terminal punctuation (closing quotes ignored)."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def looks_like_heading(text: str, *, headline: bool = False) -> bool:
    """A short line that is not a sentence: a subheading, or (``headline``) a headline."""
    max_chars = _HEADLINE_MAX_CHARS if headline else _HEADING_MAX_CHARS
    max_words = _HEADLINE_MAX_WORDS if headline else _HEADING_MAX_WORDS
    return not ends_sentence(text) and len(text) <= max_chars and len(text.split()) <= max_words


def is_menu_item(text: str, *, between_items: bool = False) -> bool:
    """One item of a menu pasted as a run of lines: "World", "U.S.", "Podcasts & Shows".

    ``between_items``: the lines on both sides are menu items, so a longer item ("Policy &
    Public Interest", "Health and Wellbeing") is one too.
    """
    max_chars, max_words = _MENU_ITEM_MAX_CHARS, _MENU_ITEM_MAX_WORDS
    if between_items:
        max_chars, max_words = _MENU_ITEM_BETWEEN_MAX_CHARS, _MENU_ITEM_BETWEEN_MAX_WORDS
    if len(text) > max_chars or not text.strip():
        return False
    words = text.split()
    if len(words) > max_words:
        return False
    last = words[-1]
    # "U.S." ends with a full stop but is an abbreviation, not a sentence.
    return not ends_sentence(text) or (last.endswith(".") and "." in last[:-1])


def is_caps_label(text: str) -> bool:
    """A section label in capitals: "NATIONAL NEWS", "LOCAL NEWS", "OPINION"."""
    return bool(_CAPS_LABEL_RE.fullmatch(text)) and sum(c.isalpha() for c in text) >= 2


def is_timestamp(text: str) -> bool:
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


def is_byline(text: str, words: list[str]) -> bool:
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


def is_navigation_bar(text: str) -> bool:
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
