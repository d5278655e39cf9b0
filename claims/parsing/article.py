"""parse_article: a pasted page in, the article's prose and its furniture out.

After :mod:`claims.parsing.paragraphs` has cut the paste into units, this module reads the page's
layout: runs of menu items and lists of related links are furniture; broken sentences are joined;
the headline is the first headline-like line before the prose (or the markdown heading), not a
section label or the site menu; what sits between the headline and the byline is the standfirst;
subheadings between paragraphs, the headline repeated at the top of the body, and the headings,
link lists and author bios after the last paragraph are not the article's prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import furniture
from .datelines import Dateline, parse_dateline
from .markdown import SOURCE_TAIL_RE
from .paragraphs import TAIL, Unit, continues, is_hard_wrapped, split_units
from .text import ArticleTextError, check_input, normalise_text


@dataclass(frozen=True)
class ParsedArticle:
    """An article split into its prose and its page furniture. Missing parts are ``""``/``None``."""

    title: str
    photo_caption: str
    photo_credit: str
    standfirst: str
    dateline: Dateline | None
    paragraphs: tuple[str, ...]
    body: str
    source_note: str
    url: str
    outlet_name: str


@dataclass
class _Paragraph:
    """Prose units joined into one paragraph, with the indices of its first and last unit."""

    pieces: list[str]
    tail: str
    start: int
    end: int
    bullet: bool

    @property
    def text(self) -> str:
        return " ".join(self.pieces)


_FURNITURE = frozenset(furniture.KINDS) | {"url", "image", "link"}
# Furniture that may sit inside a sentence broken across paragraphs (an ad, a caption, a link)
# and so does not end a section; every other kind does.
_NOT_A_BREAK = frozenset(
    {
        "url",
        "image",
        "link",
        furniture.SOURCE,
        furniture.CAPTION,
        furniture.CREDIT,
        furniture.ADVERT,
    }
)
_MIN_MENU_RUN = 3  # three short lines in a row make a menu
_LIST_LABEL_MAX_WORDS = 5  # "Related article", "More on this story": a label over a list
_TITLE_MIN_WORDS = 4  # a shorter line before the headline is a label ("World", "Wales")
_STANDFIRST_MIN_WORDS = 6
_STANDFIRST_MAX_WORDS = 60
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d")
# A pull quote is a sentence or two, set apart within a few paragraphs of where it is quoted.
_PULL_QUOTE_MIN_WORDS = 4
_PULL_QUOTE_MAX_WORDS = 40
_PULL_QUOTE_REACH = 8
_AUTHOR_BOX_MAX_WORDS = 60  # an author's bio is a line or two


def parse_article(text: str) -> ParsedArticle:
    """Parse pasted article text into a :class:`ParsedArticle`.

    Raises :class:`ArticleTextError` (with a message fit to show the user) for empty text,
    binary-looking text and text that contains nothing but page furniture.
    """
    check_input(text)
    text = normalise_text(text)
    # Checked after normalising so that a paste of nothing but NBSPs or zero-width characters
    # counts as empty too.
    if not text.strip():
        raise ArticleTextError("The article text is empty.")
    wrapped = is_hard_wrapped(text)
    units = split_units(text, wrapped=wrapped)
    _mark_menus(units)
    _mark_link_lists(units)
    _mark_boxes(units)
    units = _split_source_tails(units)
    units = _before_end_mark(units)
    units = [u for u in units if u.text or u.credit or u.kind in ("rule", "image", "link")]
    if not any(u.kind == "prose" for u in units):
        raise ArticleTextError(
            "No article text found: the paste holds only a headline, captions, links or other "
            "page furniture. Paste the article's paragraphs as well."
        )
    return _layout(units, _join(units, wrapped=wrapped))


def _mark_menus(units: list[Unit]) -> None:
    """Runs of short lines ("World", "U.S.", "Politics"…) are a menu, whatever they say; a
    longer line between two items ("Policy & Public Interest") is one of them."""
    items = [u.kind == "prose" and furniture.is_menu_item(u.text) for u in units]
    for i in range(1, len(units) - 1):
        if not items[i] and items[i - 1] and items[i + 1] and units[i].kind == "prose":
            items[i] = furniture.is_menu_item(units[i].text, between_items=True)
    run: list[Unit] = []
    for unit, is_item in zip([*units, Unit("end", "")], [*items, False], strict=True):
        if is_item:
            run.append(unit)
        elif unit.kind not in _FURNITURE:
            if len(run) >= _MIN_MENU_RUN:
                for item in run:
                    item.kind = furniture.NAVIGATION
            run = []


def _mark_link_lists(units: list[Unit]) -> None:
    """The headlines listed under "Related article", "More on this story", "Key events"… are
    links, not prose. Only after the page's first prose: a label above the headline is a menu."""
    seen_prose = in_list = False
    for unit in units:
        if unit.kind == "prose":
            if in_list and _is_heading_text(unit.text):
                unit.kind = furniture.RELATED
                continue
            seen_prose, in_list = True, False
        elif unit.kind == furniture.RELATED:
            in_list = in_list or (seen_prose and len(unit.text.split()) <= _LIST_LABEL_MAX_WORDS)
        elif unit.kind not in _FURNITURE:
            in_list = False


def _mark_boxes(units: list[Unit]) -> None:
    """The claim in a fact-check page's summary box ("Claim / The state closed 40% of … /
    Rating / False") is the claim reviewed, not the article's prose; the paragraphs under a
    legal notice's heading ("Forward-Looking Statements", "Disclaimer") are the notice, up to
    the next heading."""
    notice = False
    for i, unit in enumerate(units):
        if unit.kind != "prose":
            notice = unit.kind == furniture.FOOTER and furniture.is_notice_label(unit.text)
        elif notice and not _is_heading_text(unit.text):
            unit.kind = furniture.FOOTER
        else:
            notice = False
            if (
                0 < i < len(units) - 1
                and _is_box_label(units[i - 1], furniture.is_claim_box_label)
                and _is_box_label(units[i + 1], furniture.is_rating_label)
            ):
                unit.kind = furniture.LABEL


def _is_box_label(unit: Unit, label: Callable[[str], bool]) -> bool:
    return unit.kind == furniture.BANNER and label(unit.text)


def _split_source_tails(units: list[Unit]) -> list[Unit]:
    """A "[ SOURCE: … ]" note glued to the end of a paragraph is furniture too."""
    expanded: list[Unit] = []
    for unit in units:
        expanded.append(unit)
        if unit.kind == "prose":
            source = SOURCE_TAIL_RE.search(unit.text[-300:])
            if source:
                unit.text = unit.text[: len(unit.text) - len(source.group())].rstrip()
                expanded.append(Unit("source", source.group("source")))
    return expanded


def _join(units: list[Unit], *, wrapped: bool) -> list[_Paragraph]:
    """Prose units as paragraphs, a sentence broken across two of them joined again."""
    prose_at = [i for i, u in enumerate(units) if u.kind == "prose"]
    first_prose, last_prose = prose_at[0], prose_at[-1]
    # Bold blocks after the body starts are prose unless they look like a subheading or (after
    # the last paragraph) the outlet's name; long bold paragraphs are just emphasised text.
    for i, unit in enumerate(units):
        if unit.kind == "bold" and i > first_prose and not furniture.looks_like_heading(unit.text):
            unit.kind = "prose"
    # Only a paragraph that nothing but furniture precedes can be an unmarked headline.
    opener = all(u.kind in _FURNITURE for u in units[:first_prose])
    paragraphs: list[_Paragraph] = []
    # Headings, rules, subheadings and most furniture end a section: never join across them.
    section_break = False
    for i, unit in enumerate(units):
        if unit.kind == "prose":
            previous = paragraphs[-1] if paragraphs else None
            headline = opener and len(paragraphs) == 1 and len(paragraphs[0].pieces) == 1
            if (
                previous is not None
                and not section_break
                and continues(previous.tail, unit.text, headline=headline, wrapped=wrapped)
            ):
                previous.pieces.append(unit.text)
                previous.tail = f"{previous.tail} {unit.text}"[-TAIL:]
                previous.end = i
            else:
                paragraphs.append(_Paragraph([unit.text], unit.text[-TAIL:], i, i, unit.bullet))
            section_break = False
        elif (
            unit.kind in ("heading", "rule")
            or (unit.kind == "bold" and first_prose < i < last_prose)
            or (unit.kind in _FURNITURE and unit.kind not in _NOT_A_BREAK)
        ):
            section_break = True
    return paragraphs


def _layout(units: list[Unit], paragraphs: list[_Paragraph]) -> ParsedArticle:
    """Title, standfirst, body and the furniture fields, from the page's layout."""
    # The body starts at the first paragraph that is not headline-like; those before it are the
    # headline, a standfirst and labels.
    headline_like = [_is_heading(p) for p in paragraphs]
    start = headline_like.index(False) if False in headline_like else None
    if start is None:
        start = 0  # nothing but short lines: all of it is the body
    body_unit = paragraphs[start].start
    leading = paragraphs[:start]

    # A headline-like line above the site's menu is a ticker or a promotion ("Breaking News /
    # Naira firms as reserves climb / Home / News / …"): the headline comes after the menus.
    # A menu, not a lone widget ("Log in to save this story" may sit under the headline).
    # A menu under the byline (a share bar, a gallery's counter) is below the headline.
    navigation = [u.kind == furniture.NAVIGATION for u in units[: body_unit + 1]]
    headed = next((i for i in range(body_unit) if units[i].kind == "prose"), body_unit)
    signed = next((i for i in range(headed, body_unit) if _is_byline(units[i])), body_unit)
    menu_at = [i for i in range(1, signed) if navigation[i] and navigation[i - 1]]
    if menu_at:
        leading = [p for p in leading if p.start > menu_at[-1]] or leading
    title = next((u.text for u in units[:body_unit] if u.kind == "heading"), "")
    if not title and leading:
        long_enough = [p for p in leading if len(p.text.split()) >= _TITLE_MIN_WORDS]
        title = (long_enough or leading)[0].text
    standfirst = [u.text for u in units[:body_unit] if u.kind == "bold"]
    standfirst += [
        p.text for p in leading if p.text != title and len(p.text.split()) >= _STANDFIRST_MIN_WORDS
    ]

    # The headline repeated at the top of the body.
    while start < len(paragraphs) - 1 and title and _same(paragraphs[start].text, title):
        start += 1
    body = paragraphs[start:]
    # What stands before the byline is the headline ("Can the pact survive?") or a summary
    # ("Title / Standfirst. / By Jane Roe / …"), not the article's first paragraph.
    following = next((i for i, p in enumerate(body) if i and not _is_heading(p)), None)
    if (
        following is not None
        and len(body[0].text.split()) <= _STANDFIRST_MAX_WORDS
        and any(_is_byline(u) for u in units[body[0].end + 1 : body[following].start])
    ):
        first = body[0].text
        if not title and _is_question_headline(first):
            title = first
        else:
            standfirst.append(first)
        body = body[following:]  # the author's name and other labels go with the byline
    # Subheadings between paragraphs (list items are kept: they are prose without a full stop).
    body = [body[0]] + [p for p in body[1:] if p.bullet or not furniture.looks_like_heading(p.text)]
    # Headings, link lists and author bios after the last paragraph.
    while len(body) > 1 and (_is_heading(body[-1]) or furniture.is_author_bio(body[-1].text)):
        body.pop()
    body = _without_author_box(units, body)
    body = _without_pull_quotes(body)

    last_body_unit = body[-1].end
    texts = [furniture.strip_glued(p.text) for p in body]
    texts = [t for t in texts if t]
    if not texts:
        raise ArticleTextError(
            "No article text found: the paste holds only page furniture. Paste the article's "
            "paragraphs as well."
        )
    dateline = None
    parsed = parse_dateline(texts[0])
    if parsed:
        dateline, rest = parsed
        if rest:
            texts[0] = rest
        else:
            texts.pop(0)
            if not texts:
                raise ArticleTextError(
                    "No article text found after the dateline. Paste the article's paragraphs."
                )

    caption = credit = url = outlet = ""
    sources: list[str] = []
    for i, unit in enumerate(units):
        if unit.kind in (furniture.CAPTION, furniture.CREDIT) and not caption:
            caption = unit.text
            credit = unit.credit or credit
        elif unit.kind == "url":
            url = unit.text  # the last one wins: pasted pages put the canonical link at the foot
        elif unit.kind == "source":
            sources.append(unit.text)
        elif unit.kind == "bold" and i > last_body_unit:
            outlet = unit.text  # the last short bold line names the outlet

    return ParsedArticle(
        title=title,
        photo_caption=caption,
        photo_credit=credit,
        standfirst="\n\n".join(standfirst),
        dateline=dateline,
        paragraphs=tuple(texts),
        body="\n\n".join(texts),
        source_note="; ".join(sources),
        url=url,
        outlet_name=outlet,
    )


def _before_end_mark(units: list[Unit]) -> list[Unit]:
    """What follows a press release's end mark ("###", "-30-") is footer, not the release."""
    end = next((k for k, u in enumerate(units) if u.kind == "end"), None)
    if end is None or not any(u.kind == "prose" for u in units[:end]):
        return units
    units[end].kind = "rule"
    for unit in units[end + 1 :]:
        if unit.kind in ("prose", "bold", "heading"):
            unit.kind = furniture.FOOTER
    return units


def _without_author_box(units: list[Unit], body: list[_Paragraph]) -> list[_Paragraph]:
    """``body`` without the author's box at its foot: the short paragraphs under "About the
    author" or "Written by Jane Roe" ("Transit planner. Writing about buses.")."""
    k = len(body) - 1
    while k >= 1 and len(body[k].text.split()) <= _AUTHOR_BOX_MAX_WORDS:
        between = units[body[k - 1].end + 1 : body[k].start]
        if any(
            (u.kind != "prose" and furniture.is_author_label(u.text))
            or furniture.is_about_label(u.text)
            for u in between
        ):
            return body[:k]
        k -= 1
    return body


def _without_pull_quotes(body: list[_Paragraph]) -> list[_Paragraph]:
    """``body`` without its pull quotes: a short paragraph whose words are all in a nearby
    paragraph (the page sets a line of the article apart in large type; pasted, it repeats).
    Of two identical paragraphs the first stays. Nearby, so that the check stays linear."""
    keys = [_key(p.text) for p in body]
    kept = []
    for i, paragraph in enumerate(body):
        words = len(paragraph.text.split())
        repeated = _PULL_QUOTE_MIN_WORDS <= words <= _PULL_QUOTE_MAX_WORDS and any(
            keys[i] in keys[j] and (len(keys[j]) > len(keys[i]) or j < i)
            for j in range(max(0, i - _PULL_QUOTE_REACH), min(len(body), i + _PULL_QUOTE_REACH + 1))
            if j != i
        )
        if not repeated:
            kept.append(paragraph)
    return kept or body


def _is_heading(paragraph: _Paragraph) -> bool:
    return _is_heading_text(paragraph.text)


def _is_heading_text(text: str) -> bool:
    return furniture.looks_like_heading(text, headline=True)


def _is_byline(unit: Unit) -> bool:
    """A byline, or a publication date: a date with its year ("May 06, 2025"), not the bare time
    that stamps each entry of a live blog."""
    return unit.kind == furniture.BYLINE or (
        unit.kind == furniture.DATE and _YEAR_RE.search(unit.text) is not None
    )


def _is_question_headline(text: str) -> bool:
    """A headline that ends with a question or exclamation mark: "Can the pact survive?"."""
    stripped = text.rstrip("\"'\u201d\u2019")
    return stripped[-1:] in ("?", "!") and _is_heading_text(stripped[:-1])


def _key(value: str) -> str:
    """The text's letters and digits, case aside: what stays when a page repeats a line."""
    return "".join(c for c in value.casefold() if c.isalnum())


def _same(text: str, title: str) -> bool:
    """Whether a paragraph repeats the headline (case, spacing and punctuation aside)."""
    return _key(text) == _key(title)
