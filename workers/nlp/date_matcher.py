"""The spaCy Matcher that finds candidate date spans (resolved later by dateparser)."""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import Matcher

from .pipeline import get_nlp

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_NUMBER = r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
_YEAR = r"^(1[89]\d\d|20\d\d)$"
# Unambiguous months plus abbreviations; "May" (the modal verb) is handled separately
# and only counts next to a day, a year or a preposition.
_SAFE_MONTHS = [m for m in MONTHS if m != "May"] + list(MONTH_ABBREVIATIONS)
_ALL_MONTHS = list(MONTHS) + list(MONTH_ABBREVIATIONS)
_MONTH_CONTEXT = [
    "in", "since", "by", "until", "till", "from", "during", "through", "throughout",
    "before", "after", "of", "last", "next", "this", "early", "late", "mid", "end",
]  # fmt: skip
_NUMBER_WORDS_SMALL = [
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "several", "few", "couple",
]  # fmt: skip


def _date_patterns() -> dict[str, list[list[dict]]]:
    day = {"TEXT": {"REGEX": _DAY_NUMBER}}
    year = {"TEXT": {"REGEX": _YEAR}}
    comma = {"ORTH": ",", "OP": "?"}
    month = {"ORTH": {"IN": _ALL_MONTHS}}
    safe_month = {"ORTH": {"IN": _SAFE_MONTHS}}
    # An optional leading preposition makes "since May 4" / "in May 2024" longer than the
    # competing "since May" match, so the longest-span filter keeps the full date (the
    # preposition is trimmed off afterwards).
    context = {"LOWER": {"IN": [*_MONTH_CONTEXT, "on"]}, "OP": "?"}
    return {
        # granularity is decided from the label (see workers.enrichment)
        "DAY": [
            [context, month, day, comma, year],
            [context, month, day],
            [day, month, year],
            [day, month],
            [{"LOWER": "the"}, day, {"LOWER": "of"}, month, comma, year],
            [{"LOWER": "the"}, day, {"LOWER": "of"}, month],
            [{"LOWER": {"IN": ["last", "next", "this"]}}, {"LOWER": {"IN": list(WEEKDAYS)}}],
            [{"LOWER": {"IN": list(WEEKDAYS)}}],
            [{"LOWER": {"IN": ["yesterday", "today", "tomorrow", "tonight"]}}],
            [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": "before"}, {"LOWER": "yesterday"}],
            [
                {"LOWER": {"IN": _NUMBER_WORDS_SMALL}, "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": ["day", "days"]}},
                {"LOWER": "ago"},
            ],
        ],
        "WEEK": [
            [
                {"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
                {"LOWER": {"IN": ["this", "last", "next", "past"]}},
                {"LOWER": {"IN": ["week", "weekend"]}},
            ],
            [
                {"LOWER": {"IN": _NUMBER_WORDS_SMALL}, "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": ["week", "weeks"]}},
                {"LOWER": "ago"},
            ],
        ],
        "MONTH": [
            [context, month, year],
            [context, month, {"ORTH": ","}, year],
            [{"LOWER": {"IN": _MONTH_CONTEXT}}, {"ORTH": "-", "OP": "?"}, month],
            [safe_month],
            [
                {"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
                {"LOWER": {"IN": ["this", "last", "next", "past"]}},
                {"LOWER": "month"},
            ],
            [
                {"LOWER": {"IN": _NUMBER_WORDS_SMALL}, "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": ["month", "months"]}},
                {"LOWER": "ago"},
            ],
        ],
        "YEAR": [
            [year],
            [
                {"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
                {"LOWER": {"IN": ["this", "last", "next", "past"]}},
                {"LOWER": "year"},
            ],
            [
                {"LOWER": {"IN": _NUMBER_WORDS_SMALL}, "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": ["year", "years"]}},
                {"LOWER": "ago"},
            ],
        ],
    }


@lru_cache(maxsize=1)
def get_date_matcher() -> Matcher:
    """Matcher whose match labels are the date granularity: DAY, WEEK, MONTH, YEAR."""
    nlp = get_nlp()
    matcher = Matcher(nlp.vocab)
    for label, patterns in _date_patterns().items():
        matcher.add(label, patterns)
    return matcher
