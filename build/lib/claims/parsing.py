"""Turn pasted article text into a clean, structured article.

Fact-checkers paste articles straight from web pages, so the text arrives wrapped in page
furniture: a markdown headline, horizontal rules, photo captions with credits, a bold standfirst,
a wire-style dateline, "[ SOURCE: … ]" notes, the page URL and the outlet's name. Claim extraction
and de-duplication must only ever see the article's prose, so this module separates the two.

It is deliberately pure (standard library only, no Django) so that it can be tested without a
database and reused by workers. Everything here is deterministic and linear in the input size:
every regular expression is anchored or bounded so that hostile pastes cannot make it backtrack.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "ArticleTextError",
    "Dateline",
    "ParsedArticle",
    "content_hash",
    "normalise_text",
    "parse_article",
]


class ArticleTextError(ValueError):
    """Input that cannot be an article; message is user-facing."""


@dataclass(frozen=True)
class Dateline:
    """The wire-style dateline that opens the first body paragraph, e.g. "LONDON, March 3 (AP) —".

    ``place`` keeps the spelling and case printed in the article ("WASHINGTON" stays upper case,
    because title-casing would mangle names such as "McALLEN"). ``year`` is only set when the
    dateline itself prints one ("Paris, 12 June 2024 -"); it is an addition to the agreed API and
    defaults to ``None`` so that four-argument construction keeps working.
    """

    place: str
    month: int | None
    day: int | None
    agency: str
    year: int | None = None

    def resolve(self, year: int) -> datetime.date | None:
        """Return the dateline's date in ``year`` (the year printed in the dateline wins).

        Returns ``None`` when the dateline has no day and month or when they do not form a real
        date in that year (e.g. 29 February in a non-leap year): a wrong date is worse than none.
        """
        if self.month is None or self.day is None:
            return None
        try:
            return datetime.date(self.year or year, self.month, self.day)
        except ValueError:
            return None


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


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------------------------

_RULE_RE = re.compile(r"^(?:(?:- *){3,}|(?:\* *){3,}|(?:_ *){3,})$")
_SETEXT_RE = re.compile(r"^={3,}$")
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
_SOURCE_LINE_RE = re.compile(r"^[\[(] *sources? *: *(?P<source>[^\[\]()\n]*?) *[\])]$", re.I)
_SOURCE_TAIL_RE = re.compile(r" *\[ *sources? *: *(?P<source>[^\[\]\n]{1,200}?) *\]$", re.I)
_BLOCKQUOTE_RE = re.compile(r"^(?:> ?)+")
_BULLET_RE = re.compile(r"^[-*+•] +(?=\S)")
_BOLD_BLOCK_RE = re.compile(r"^(?P<mark>\*\*|__)(?P<inner>(?:(?!\*\*|__).)+)(?P=mark)$")

# Photo credits that end a caption. Bracketed forms may carry any of these labels; an unlabelled
# "[Name/Agency]" is accepted too because that slash form is only ever a credit.
_CREDIT_LABEL = (
    r"(?:file(?: photo)?|photo(?:graph)?s?|photo credit|image|picture|credit|illustration"
    r"|video|graphic)"
)
_CREDIT_BRACKET_RE = re.compile(
    rf" *\[ *(?P<credit>{_CREDIT_LABEL} *: *[^\[\]\n]{{1,150}}?) *\]$", re.I
)
_CREDIT_BRACKET_SLASH_RE = re.compile(
    r" *\[ *(?P<credit>[^\[\]\n/]{2,80}/ *[A-Z][^\[\]\n]{0,80}?) *\]$"
)
_CREDIT_PAREN_RE = re.compile(
    rf" *\( *(?P<credit>{_CREDIT_LABEL} *: *[^()\n]{{1,150}}?) *\)$", re.I
)
# Unbracketed "Photo: Name/Agency" (Guardian style). Case-sensitive labels and a required slash
# keep prose such as "...he opened the file: report/2024" from being mistaken for a credit.
_CREDIT_PLAIN_RE = re.compile(
    r"(?:^|(?<= ))(?P<credit>(?:Photo(?:graph)?|Picture|Image|Photo credit) *: *"
    r"[^\n:]{1,80}?/[^\n/]{1,60})$"
)
_CREDIT_PATTERNS = (
    _CREDIT_BRACKET_RE,
    _CREDIT_BRACKET_SLASH_RE,
    _CREDIT_PAREN_RE,
    _CREDIT_PLAIN_RE,
)
_CREDIT_TAIL = 400  # credits are short; only the end of a paragraph is searched for one

# Inline markdown inside prose.
_INLINE_IMAGE_RE = re.compile(rf"!\[[^\[\]\n]*\]\((?:{_LINK_TARGET})?\)")
_INLINE_LINK_RE = re.compile(rf"\[(?P<text>[^\[\]\n]+)\]\({_LINK_TARGET}\)")
_AUTOLINK_RE = re.compile(r"<(?P<url>https?://[^\s<>]+)>", re.I)
_STRONG_RE = re.compile(r"\*\*(?=\S)(?P<text>(?:(?!\*\*).)+?)(?<=\S)\*\*")
_STRONG_UNDERSCORE_RE = re.compile(r"(?<!\w)__(?=\S)(?P<text>(?:(?!__).)+?)(?<=\S)__(?!\w)")
_EM_RE = re.compile(r"(?<![\w*\\])\*(?=\S)(?P<text>[^*\n]+?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE_RE = re.compile(r"(?<![\w\\])_(?=\S)(?P<text>[^_\n]+?)(?<=\S)_(?!\w)")
_ESCAPE_RE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!<>])")

# A paragraph "ends a sentence" when its last visible character is terminal punctuation,
# possibly followed by closing quotes or brackets ('...for sale."', "(...).", curly quotes too).
_TERMINAL = frozenset(".!?:\u2026")  # \u2026 is the ellipsis character
_CLOSERS = "\"'\u201d\u2019\u00bb)]*_ "  # straight and curly closing quotes, brackets, emphasis
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
# Subheadings are short and unpunctuated; longer unpunctuated paragraphs are broken sentences.
_HEADING_MAX_WORDS = 8
_HEADING_MAX_CHARS = 60
# The first paragraph of a plain-text paste is often the headline, which runs longer than a
# subheading; gluing it onto the standfirst would corrupt both.
_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 150


def _clean_inline(text: str) -> str:
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


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _looks_like_heading(text: str, *, headline: bool = False) -> bool:
    max_chars = _HEADLINE_MAX_CHARS if headline else _HEADING_MAX_CHARS
    max_words = _HEADLINE_MAX_WORDS if headline else _HEADING_MAX_WORDS
    return not _ends_sentence(text) and len(text) <= max_chars and len(text.split()) <= max_words


def _continues(previous: str, following: str, *, headline: bool = False) -> bool:
    """Whether ``following`` carries on the sentence that ``previous`` left unfinished.

    ``headline`` says that ``previous`` opens the paste and may be a headline.
    """
    if _ends_sentence(previous):
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
    # A short unpunctuated line followed by a capitalised one is a subheading, not a broken
    # sentence; anything longer cannot be a heading and must have been cut in two.
    return not _looks_like_heading(previous, headline=headline)


def _find_credit(text: str) -> tuple[str, str] | None:
    """Split ``text`` into (caption, credit) if it ends with a photo credit."""
    offset = max(0, len(text) - _CREDIT_TAIL)
    tail = text[offset:]
    # Cheap guard first: this runs for every line of the paste, and almost no line is a credit.
    if tail[-1:] not in ")]" and ("/" not in tail[-64:] or ":" not in tail):
        return None
    for pattern in _CREDIT_PATTERNS:
        match = pattern.search(tail)
        if match:
            credit = " ".join(match.group("credit").split())
            return text[: offset + match.start()].rstrip(), credit
    return None


# --------------------------------------------------------------------------------------------
# Datelines
# --------------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?P<month1>{_MONTH}) +(?P<day1>{_DAY})(?:,? +(?P<year1>\d{{4}}))?"
    rf"|(?P<day2>{_DAY}) +(?P<month2>{_MONTH})(?:,? +(?P<year2>\d{{4}}))?)"
)
_PLACE_WORD = r"[^\W\d_][\w.'\u2019-]*"  # letters, dots, hyphens, straight/curly apostrophes
_PLACE = rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,4}}"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE}(?:, {_PLACE}){{0,2}}?)"
    rf"(?:, ?{_DATE})?"
    r"(?: ?\((?P<agency>[^()\n]{1,40})\))?"
    r"(?P<sep> ?(?:--?|[\u2013\u2014]) ?)",  # hyphen(s), en dash or em dash
    re.I,
)
_DATELINE_SCAN = 200  # a dateline is short; never run the pattern over a whole paragraph
# Lower-case particles allowed inside place names ("Rio de Janeiro", "Stoke-on-Trent").
_PLACE_PARTICLES = frozenset(
    (
        *("de", "del", "la", "las", "los", "el", "da", "do", "dos", "das", "di", "du", "des"),
        *("le", "les", "of", "the", "upon", "on", "am", "an", "der", "den", "y", "al", "en"),
        *("sur", "aan"),
    )
)


def _parse_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """Recognise a dateline at the start of ``paragraph``; return it and the remaining text."""
    match = _DATELINE_RE.match(paragraph[:_DATELINE_SCAN])
    if not match:
        return None
    place = match.group("place")
    agency = (match.group("agency") or "").strip()
    month_name = match.group("month1") or match.group("month2")
    rest = paragraph[match.end() :].lstrip()

    words = place.replace(",", " ").split()
    if not all(w[0].isupper() or w in _PLACE_PARTICLES for w in words):
        return None
    # Prose can start "Trump - ..." or "Mexico-based ...": only accept the shapes wire services
    # use, i.e. an agency, a date, or a place printed in capitals ("WASHINGTON —").
    city = place.split(",", 1)[0]
    letters = [c for c in city if c.isalpha()]
    shouting = len(letters) >= 3 and all(c.isupper() for c in letters)
    if not (agency or month_name or shouting):
        return None
    # "Mexico-based" has no space around its hyphen; a dateline separator always has one
    # (or follows the agency's closing bracket, as in "(RHC)--").
    if not agency and match.group("sep") == match.group("sep").strip():
        return None
    if rest[:1].islower():
        return None

    month = day = year = None
    if month_name:
        month = _MONTHS[month_name.rstrip(".").casefold()]
        day = int((match.group("day1") or match.group("day2")).rstrip("stndrh"))
        year_text = match.group("year1") or match.group("year2")
        year = int(year_text) if year_text else None
    return Dateline(place=place, month=month, day=day, agency=agency, year=year), rest


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


@dataclass
class _Unit:
    """One paragraph-like piece of the paste and what it was recognised as."""

    kind: str  # prose, bold, caption, heading, rule, url, link, image, source
    text: str
    credit: str = ""


def _check_input(text: str) -> None:
    if not isinstance(text, str):
        raise TypeError(f"parse_article() expects str, not {type(text).__name__}")
    if "\x00" in text:
        raise ArticleTextError("This looks like a binary file, not article text.")
    # \r is a line ending, not noise: Windows pastes are full of it.
    controls = len(_CONTROL_RE.findall(text)) - text.count("\r")
    if controls * 100 > len(text):
        raise ArticleTextError("This looks like a binary file, not article text.")


def _structural_kind(line: str) -> _Unit | None:
    """Classify a line that is page furniture on its own, whatever surrounds it."""
    if _RULE_RE.match(line):
        return _Unit("rule", "")
    if line.startswith("#"):
        heading = _HEADING_RE.match(line)
        if heading:
            return _Unit("heading", _clean_inline(heading.group("text") or ""))
    url = _URL_LINE_RE.match(line)
    if url:
        # A bare URL typed at the end of a sentence may carry its full stop; URLs almost never
        # really end in one.
        return _Unit("url", url.group("angle") or url.group("bare").rstrip(".,;:!?"))
    if _IMAGE_LINE_RE.match(line):
        return _Unit("image", "")
    link = _LINK_LINE_RE.match(line)
    if link:
        # "[https://…](https://…)" is the page URL; any other lone link is navigation
        # ("Read more", "Related: …") and is dropped.
        if _URL_LINE_RE.match(link.group("text")):
            return _Unit("url", link.group("href"))
        return _Unit("link", "")
    source = _SOURCE_LINE_RE.match(line)
    if source:
        return _Unit("source", source.group("source"))
    return None


class _OpenParagraph:
    """Lines of one paragraph being collected, with just enough state to decide merges.

    Only the last few hundred characters are kept for decisions, so that a paste of thousands
    of wrapped lines is still processed in linear time.
    """

    def __init__(self, *, first: bool) -> None:
        self.first = first  # nothing precedes it in the paste: it may be a plain headline
        self.lines: list[str] = []
        self.tail = ""
        self.open_marks = 0  # parity bits for "**" (1) and "__" (2)

    def add(self, line: str) -> None:
        self.lines.append(line)
        joined = f"{self.tail} {line}" if self.tail else line
        self.tail = joined[-_CREDIT_TAIL:]
        self.open_marks ^= (line.count("**") % 2) | (line.count("__") % 2) << 1

    def is_bold_block(self) -> bool:
        first, last = self.lines[0], self.lines[-1]
        return any(first.startswith(m) and last.endswith(m) for m in ("**", "__"))

    def accepts(self, line: str) -> bool:
        """Whether ``line`` continues this paragraph (a soft line break, not a new paragraph)."""
        if self.open_marks:
            return True  # inside an unclosed bold run: the standfirst was wrapped
        if self.is_bold_block() or _BOLD_BLOCK_RE.match(line):
            return False
        if _find_credit(self.tail):
            return False
        return _continues(self.tail, line, headline=self.first and len(self.lines) == 1)


def _split_units(text: str) -> list[_Unit]:
    """Split normalised text into units, joining soft-wrapped lines of one paragraph."""
    units: list[_Unit] = []
    current = _OpenParagraph(first=True)

    def close() -> None:
        nonlocal current
        if current.lines:
            units.append(_Unit("text", " ".join(current.lines)))
            current = _OpenParagraph(first=False)

    for raw_line in text.split("\n"):
        line = _BLOCKQUOTE_RE.sub("", raw_line.strip()).strip()
        if not line:
            close()
            continue
        if _SETEXT_RE.match(line):
            if current.lines:  # "Title\n=====" is a markdown headline
                heading = " ".join(current.lines)
                current = _OpenParagraph(first=False)
                units.append(_Unit("heading", _clean_inline(heading)))
            continue
        structural = _structural_kind(line)
        if structural:
            close()
            units.append(structural)
            current.first = False
            continue
        bullet = _BULLET_RE.match(line)
        if bullet:
            close()
            line = line[bullet.end() :]
        elif current.lines and not current.accepts(line):
            close()
        current.add(line)
    close()

    for unit in units:
        if unit.kind == "text":
            _classify_text(unit)
    return units


def _classify_text(unit: _Unit) -> None:
    """Decide whether a text unit is a caption, a bold block or prose (in place)."""
    caption = _find_credit(unit.text)
    if caption:
        unit.kind = "caption"
        unit.text = _clean_inline(caption[0])
        unit.credit = caption[1]
        return
    bold = _BOLD_BLOCK_RE.match(unit.text)
    if bold:
        unit.kind = "bold"
        unit.text = _clean_inline(bold.group("inner"))
        return
    unit.kind = "prose"
    unit.text = _clean_inline(unit.text)


def parse_article(text: str) -> ParsedArticle:
    """Parse pasted article text into a :class:`ParsedArticle`.

    Raises :class:`ArticleTextError` (with a message fit to show the user) for empty text,
    binary-looking text and text that contains nothing but page furniture.
    """
    _check_input(text)
    text = normalise_text(text)
    # Checked after normalising so that a paste of nothing but NBSPs or zero-width characters
    # counts as empty too.
    if not text.strip():
        raise ArticleTextError("The article text is empty.")
    units = _split_units(text)

    # A "[ SOURCE: … ]" note glued to the end of the last paragraph is furniture too.
    expanded: list[_Unit] = []
    for unit in units:
        expanded.append(unit)
        if unit.kind == "prose":
            source = _SOURCE_TAIL_RE.search(unit.text[-300:])
            if source:
                unit.text = unit.text[: len(unit.text) - len(source.group())].rstrip()
                expanded.append(_Unit("source", source.group("source")))
    units = [u for u in expanded if u.text or u.credit or u.kind in ("rule", "image", "link")]

    prose_at = [i for i, u in enumerate(units) if u.kind == "prose"]
    if not prose_at:
        raise ArticleTextError(
            "No article text found: the paste holds only a headline, captions, links or other "
            "page furniture. Paste the article's paragraphs as well."
        )
    first_body = prose_at[0]
    # Bold blocks after the body starts are prose unless they look like a subheading or (after
    # the last paragraph) the outlet's name; long bold paragraphs are just emphasised text.
    for i, unit in enumerate(units):
        if unit.kind == "bold" and i > first_body and not _looks_like_heading(unit.text):
            unit.kind = "prose"
    last_body = max(i for i, u in enumerate(units) if u.kind == "prose")

    title = standfirst = caption = credit = url = outlet = ""
    sources: list[str] = []
    # Each paragraph is a list of pieces joined at the end (repeated string concatenation would
    # be quadratic); ``tails`` keeps the end of each paragraph for the continuation test.
    pieces: list[list[str]] = []
    tails: list[str] = []
    # Headings, rules and subheadings end a section: never join a broken sentence across them.
    section_break = False
    for i, unit in enumerate(units):
        kind = unit.kind
        if kind == "prose":
            # Only a paragraph that opens the paste can be an unmarked headline.
            headline = first_body == 0 and len(pieces) == 1 and len(pieces[0]) == 1
            if pieces and not section_break and _continues(tails[-1], unit.text, headline=headline):
                pieces[-1].append(unit.text)
                tails[-1] = f"{tails[-1]} {unit.text}"[-_CREDIT_TAIL:]
            else:
                pieces.append([unit.text])
                tails.append(unit.text[-_CREDIT_TAIL:])
            section_break = False
        elif kind == "heading":
            if i < first_body and not title:
                title = unit.text
            section_break = True
        elif kind == "rule":
            section_break = True
        elif kind == "bold":
            if i < first_body:
                standfirst = f"{standfirst}\n\n{unit.text}" if standfirst else unit.text
            elif i > last_body:
                outlet = unit.text  # the last short bold line names the outlet
            else:
                section_break = True  # a bold subheading inside the body
        elif kind == "caption":
            if not caption and not credit:
                caption, credit = unit.text, unit.credit
        elif kind == "url":
            url = unit.text  # the last one wins: pasted pages put the canonical link at the foot
        elif kind == "source":
            sources.append(unit.text)
        # "image" and "link" units are dropped.

    paragraphs = [" ".join(p) for p in pieces]
    dateline = None
    parsed = _parse_dateline(paragraphs[0])
    if parsed:
        dateline, rest = parsed
        if rest:
            paragraphs[0] = rest
        else:
            paragraphs.pop(0)
            if not paragraphs:
                raise ArticleTextError(
                    "No article text found after the dateline. Paste the article's paragraphs."
                )

    return ParsedArticle(
        title=title,
        photo_caption=caption,
        photo_credit=credit,
        standfirst=standfirst,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
        body="\n\n".join(paragraphs),
        source_note="; ".join(sources),
        url=url,
        outlet_name=outlet,
    )
