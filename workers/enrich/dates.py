"""Dates: candidate spans from a spaCy Matcher, resolved one by one with dateparser
against the article's reference date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc
from spacy.util import filter_spans

from workers.nlp import get_date_matcher, get_nlp

from .quantities import looks_like_year


@dataclass(frozen=True)
class DateMention:
    text: str
    value: str  # "YYYY-MM-DD" (day, and week = that week's Monday) | "YYYY-MM" | "YYYY"
    granularity: str  # day | week | month | year
    start: int
    end: int


_DATE_PREPOSITIONS = frozenset(
    {"in", "since", "by", "until", "till", "from", "during", "through", "throughout",
     "before", "after", "of", "end", "on"}
)  # fmt: skip
_DATE_HINT_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mondays?|tuesdays?|"
    r"wednesdays?|thursdays?|fridays?|saturdays?|sundays?|yesterday|today|tomorrow|"
    r"tonight|weeks?|weekend|months?|years?|ago|1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LABEL_GRANULARITY = {"DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}


def find_date_spans(text: str, doc: Doc | None = None) -> list[tuple[int, int, str]]:
    """Candidate date spans as (start, end, granularity), indices into ``text``.

    Uses the spaCy Matcher from ``workers.nlp`` plus an ISO-date regex; no dateparser.
    Leading prepositions ("in January", "on Saturday") are trimmed off the span.
    """
    if not _DATE_HINT_RE.search(text):
        return []  # every Matcher pattern needs one of these words; skip the Matcher
    if doc is None:
        doc = get_nlp().make_doc(text)
    matcher = get_date_matcher()
    spans = []
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        span.label_ = doc.vocab.strings[match_id]
        spans.append(span)
    result: list[tuple[int, int, str]] = []
    iso = [(m.start(), m.end()) for m in _ISO_DATE_RE.finditer(text)]
    for s, e in iso:
        result.append((s, e, "day"))
    for span in filter_spans(spans):
        tokens = list(span)
        while len(tokens) > 1 and tokens[0].lower_ in _DATE_PREPOSITIONS:
            tokens = tokens[1:]
        start_char, end_char = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if any(s < end_char and start_char < e for s, e in iso):
            continue
        granularity = _LABEL_GRANULARITY[span.label_]
        if (
            granularity == "year"
            and len(tokens) == 1
            and not looks_like_year(text, start_char, end_char)
        ):
            continue  # "2000 soldiers"
        if len(tokens) == 1 and tokens[0].text == "May" and span.label_ != "DAY" and len(span) == 1:
            continue  # the modal verb
        if len(tokens) == 1 and _programme_name(doc, tokens[0].i):
            continue  # "BBC Radio 4's Today programme", "USA Today": a title, no day
        result.append((start_char, end_char, granularity))
    result.sort()
    return result


_RELATIVE_DAYS = frozenset({"Today", "Tonight", "Tomorrow", "Yesterday"})
_SENTENCE_OPENERS = frozenset({".", "!", "?", "“", '"', "‘", "(", ":", "—", "–", "-", "--"})


def _programme_name(doc: Doc, k: int) -> bool:
    """A capitalised "Today" inside a sentence names a programme or a paper ("Radio 4's Today
    programme", "USA Today"), not the day; opening a sentence or a quotation it is the day."""
    if doc[k].text not in _RELATIVE_DAYS or k == 0 or doc[k].is_sent_start:
        return False
    before = doc[k - 1]
    return not before.is_space and before.text not in _SENTENCE_OPENERS


# What puts a date ahead of the article: "will vote on Thursday", "takes effect on Jan. 1", "is
# scheduled for March". A verb of saying after it ("will rise, Roe said on Tuesday") or a
# sentence's end brings the narration back to the past.
_AHEAD_RE = re.compile(
    r"\b(?:will|won't|shall|(?:is|are) (?:scheduled|set|due|expected|slated|planned|to)\b"
    r"|takes? effect|goe?s? into effect|comes? into force)\b",
    re.IGNORECASE,
)
_BACK_RE = re.compile(r"\b(?:said|says|told|announced|reported|wrote|added)\b|[.!?]\s", re.I)
_ANCHORED_RE = re.compile(r"\d{4}|\b(?:last|next|this|ago|past|earlier|later)\b", re.I)


def _looks_ahead(text: str, start: int) -> bool:
    """Does the clause before the date at ``start`` speak of what is to come?"""
    before = text[max(0, start - 80) : start]
    marks = list(_AHEAD_RE.finditer(before))
    return bool(marks) and not _BACK_RE.search(before, marks[-1].end())


@lru_cache(maxsize=64)
def _date_parser(reference_date: dt.date, prefer: str = "past"):  # -> DateDataParser
    # Imported lazily: dateparser's import and first parse are the slow part of this
    # module, and only date resolution needs it.  languages=["en"] keeps it from
    # loading every locale.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(reference_date, dt.time()),
            "PREFER_DATES_FROM": prefer,
            "RETURN_TIME_AS_PERIOD": False,
            "STRICT_PARSING": False,
        },
    )


def _parse_text_for(span_text: str) -> str:
    """What dateparser is given for a candidate span: qualifiers it cannot read are
    dropped ("earlier this week" -> "this week", "mid-April" -> "April")."""
    text = span_text.replace("’", "'")
    text = re.sub(r"^(earlier|later)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(early|late|mid)\s*-?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^past\s+", "last ", text, flags=re.IGNORECASE)
    text = re.sub(r"^the\s+(\d+\w*)\s+of\s+", r"\1 ", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(an?)\s+(day|week|month|year)s?\s+ago\b", r"1 \2 ago", text)
    return text


_WEEKDAY_INDEX = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}


def resolve_dates(
    text: str,
    reference_date: dt.date,
    *,
    offset: int = 0,
    spans: Iterable[tuple[int, int, str]] | None = None,
) -> list[DateMention]:
    """Resolve candidate spans with dateparser relative to ``reference_date``.

    Conventions (documented choices):

    * week granularity -> value is the ISO date of that week's **Monday** (ISO 8601
      weeks run Monday-Sunday), so "earlier this week" on Sunday 2025-05-04 is
      "2025-04-28";
    * a bare weekday equal to the reference date's weekday means the reference date
      itself (an article dated Sunday that says "on Sunday" means today), whereas
      dateparser with PREFER_DATES_FROM="past" would pick the previous week;
    * a date that names no year and no direction ("Jan. 1", "Thursday", "March") is the last
      one before the reference date, unless its clause looks ahead ("will vote on Thursday",
      "takes effect on Jan. 1"): then it is the next one;
    * spans dateparser cannot read are dropped rather than guessed.
    """
    if spans is None:
        spans = find_date_spans(text)
    mentions: list[DateMention] = []
    for start, end, granularity in spans:
        span_text = text[start:end]
        lowered = span_text.lower()
        ahead = not _ANCHORED_RE.search(span_text) and _looks_ahead(text, start)
        parser = _date_parser(reference_date, "future" if ahead else "past")
        if lowered in _WEEKDAY_INDEX and _WEEKDAY_INDEX[lowered] == reference_date.weekday():
            resolved: dt.date | None = reference_date
        else:
            data = parser.get_date_data(_parse_text_for(span_text))
            resolved = data.date_obj.date() if data and data.date_obj else None
        if resolved is None:
            continue
        if granularity == "day":
            value = resolved.isoformat()
        elif granularity == "week":
            value = (resolved - dt.timedelta(days=resolved.weekday())).isoformat()
        elif granularity == "month":
            value = f"{resolved.year:04d}-{resolved.month:02d}"
        else:
            value = f"{resolved.year:04d}"
        mentions.append(DateMention(span_text, value, granularity, offset + start, offset + end))
    return mentions
