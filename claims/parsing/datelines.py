"""Wire-style datelines ("LONDON, March 3 (AP) —") at the start of an article's body."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass


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
    # The agency in brackets, or set between hyphens ("--(BUSINESS WIRE)--"), or between
    # slashes as press-release distributors print it ("May 6, 2025 /PRNewswire/ --").
    r"(?: ?(?:--)?\((?P<agency>[^()\n]{1,40})\)| /(?P<distributor>[A-Za-z][\w .&-]{0,38}[\w.])/)?"
    # Hyphen(s), en dash or em dash; or nothing but a space after "(PTI)" (Indian wires).
    r"(?P<sep> ?(?:--?|[\u2013\u2014]) ?| (?=[A-Z\"\u201c]))",
    re.I,
)
# "(Reuters) - …": the agency alone, when the story's place is not printed.
_AGENCY_ONLY_RE = re.compile(
    r"^\((?P<agency>[A-Z][^()\n]{0,39})\)(?P<sep> ?(?:--?|[\u2013\u2014]) ?)"
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


def parse_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """Recognise a dateline at the start of ``paragraph``; return it and the remaining text.

    Forms: "LONDON, March 3 (AP) —", "WASHINGTON (Reuters) -", "GENEVA, May 6 (Reuters) -",
    "Mexico City, May 4 (RHC)--", "MEXICO CITY —", "Paris, 12 June 2024 –", "(Reuters) -",
    "New Delhi, May 6 (PTI) The …", "CHICAGO, May 6, 2025 /PRNewswire/ --",
    "CHICAGO--(BUSINESS WIRE)--".
    """
    head = paragraph[:_DATELINE_SCAN]
    agency_only = _AGENCY_ONLY_RE.match(head)
    if agency_only:
        rest = paragraph[agency_only.end() :].lstrip()
        if not rest or rest[:1].islower():
            return None
        return Dateline(place="", month=None, day=None, agency=agency_only.group("agency")), rest
    match = _DATELINE_RE.match(head)
    if not match:
        return None
    place = match.group("place").rstrip("-")  # "CHICAGO--(BUSINESS WIRE)--"
    agency = (match.group("agency") or match.group("distributor") or "").strip()
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
    if not match.group("sep").strip() and not (agency and month_name):
        return None  # without a dash, only "New Delhi, May 6 (PTI) The …" is a dateline
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
