"""Quantities: numbers with value, unit and bound, read with regular expressions."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .currencies import CURRENCY_PREFIX, CURRENCY_PREFIX_RE, CURRENCY_SUFFIX, CURRENCY_SUFFIX_RE

# A figure a claim can state: larger magnitudes (or a run of digits that does not fit a float)
# are not quantities but digit strings, and would poison every reader of the stored value.
MAX_QUANTITY = 1e15


def in_sane_range(value: float) -> bool:
    """A finite value no larger in magnitude than ``MAX_QUANTITY``."""
    return math.isfinite(value) and abs(value) <= MAX_QUANTITY


@dataclass(frozen=True)
class QuantityMention:
    text: str
    value: float
    unit: str  # "percent", "people", "years", ISO currency code, a counted noun, or ""
    bound: str  # exact | lower | upper | approx
    start: int
    end: int


_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
    # South Asian scales: "Rs 4,500 crore" is 45 billion rupees
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
_W_UNIT = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_W_TENS = "|".join(_TENS_WORDS)
_W_SMALL = rf"(?:(?:{_W_TENS})(?:[- ](?:{_W_UNIT}))?|(?:{_W_UNIT}))"
_W_NUMBER = rf"{_W_SMALL}(?:[- ]hundred(?:[- ](?:and[- ])?{_W_SMALL})?)?"
_BIG_SCALE = r"(?:thousand|million|billion|trillion)"

_NUMBER_RE = re.compile(
    rf"""
    (?P<ratio>\b(?:one|two|three|four|five|six|seven|eight|nine|[1-9])\s+(?:in|out\s+of)\s+
        (?:two|three|four|five|six|seven|eight|nine|ten|\d{{1,3}})\b
        (?!\s+(?:days|weeks|months|years|hours|minutes|games|matches|races|seasons)\b))
    | (?P<digits>(?<![\w.])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?
        |(?<![\w.,])\d{{1,3}}(?:[\u00a0\u202f\ ]\d{{3}})+(?![\d,.])
        |(?<![\w.,])\d+(?:\.\d+)?)
        (?P<attached>bn|mn|mln|tn|m|k|b)?(?![\w])
    | \b(?P<half>half[- ]a[- ](?:dozen|{_BIG_SCALE}))\b
    | \b(?P<article>an?)\s+(?P<article_scale>dozen|hundred|{_BIG_SCALE})\b
    | \b(?P<plural>dozens|hundreds|thousands|millions|billions|tens\ of\ thousands
        |hundreds\ of\ thousands)\s+of\b
    | \b(?P<fraction>(?:a|one|two|three)[- ](?:half|third|quarter|fifth|tenth)s?|half)\b
    | \b(?P<words>(?:{_W_NUMBER}))\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SCALE_AFTER_RE = re.compile(
    rf"\s*(?:-\s*)?({_BIG_SCALE}|bn|mn|mln|tn|lakhs?|lacs?|crores?)\b", re.IGNORECASE
)
_PERCENT_RE = re.compile(
    r"\s*(%|per\s?cent\b|percent\b|percentage\s+points?\b|pct\b)", re.IGNORECASE
)
_TIME_UNIT_RE = re.compile(
    r"\s+(decades?|centur(?:y|ies)|years?|months?|weeks?|days?|hours?|minutes?)\b",
    re.IGNORECASE,
)
# A unit joined to its number by a hyphen ("a 40-year-old man", "a 12-month low", "a 5-mile
# stretch"), and temperatures ("45°C", "113 degrees Fahrenheit").
_HYPHEN_UNIT_RE = re.compile(
    r"-(year|month|week|day|hour|minute|mile|kilometre|kilometer|foot|metre|meter|acre)s?\b",
    re.IGNORECASE,
)
_DEGREES_RE = re.compile(
    r"\s*°\s*([CF])\b|\s+degrees(?:\s+(C|F)(?:ahrenheit|elsius)?\b)?", re.IGNORECASE
)
_TIME_UNIT = {
    "decade": ("years", 10.0), "century": ("years", 100.0), "centurie": ("years", 100.0),
    "year": ("years", 1.0), "month": ("months", 1.0), "week": ("weeks", 1.0),
    "day": ("days", 1.0), "hour": ("hours", 1.0), "minute": ("minutes", 1.0),
}  # fmt: skip
_NOUN_AFTER_RE = re.compile(r"\s+(?:(?:[A-Z][a-z]+|more|new|other|additional)\s+)?([a-z][a-z-]+)\b")
# A plural noun after the first word taken for a unit: that word only qualified it ("40 new
# diagnostic centres", "12 police officers").
_HEAD_NOUN_AFTER_RE = re.compile(r"\s+([a-z][a-z-]*[a-rt-z]s)\b")
_OF_NOUN_RE = re.compile(r"\s*([a-z][a-z-]+)\b")
# Words that can follow a number without being its unit.
_NOT_UNITS = frozenset(
    {
        "in", "of", "to", "the", "a", "an", "and", "or", "per", "for", "from", "by", "on",
        "at", "with", "than", "over", "is", "are", "was", "were", "has", "have", "had",
        "will", "would", "that", "this", "which", "who", "since", "as", "after", "before",
        "across", "into", "between", "among", "more", "less", "fewer", "under", "out",
        "up", "down", "last", "next", "ago", "each", "apiece", "so", "but", "if",
        "when", "while", "because", "said", "say", "says", "am", "pm", "it", "they",
        "he", "she", "we", "you", "i", "be", "been", "being", "do", "did", "not", "no",
        # verbs a count is the subject of ("three remain missing", "two face charges")
        "remain", "survive", "face", "need", "stay", "die", "live",
    }
)  # fmt: skip
_BOUND_RE = re.compile(
    r"(?:^|[\s(])(?P<bound>more\s+than|well\s+over|just\s+over|over|at\s+least|upwards\s+of|"
    r"in\s+excess\s+of|exceeding|no\s+fewer\s+than|no\s+less\s+than|greater\s+than|above|"
    r"a\s+minimum\s+of|up\s+to|less\s+than|fewer\s+than|just\s+under|under|at\s+most|"
    r"no\s+more\s+than|below|as\s+many\s+as|as\s+much\s+as|a\s+maximum\s+of|nearly|almost|"
    r"about|around|roughly|some|approximately|approx\.|an\s+estimated|estimated|"
    r"close\s+to|circa|ca\.|~)\s*$",
    re.IGNORECASE,
)
_BOUND_KIND = {
    "more than": "lower", "well over": "lower", "just over": "lower", "over": "lower",
    "at least": "lower", "upwards of": "lower", "in excess of": "lower",
    "exceeding": "lower", "no fewer than": "lower", "no less than": "lower",
    "greater than": "lower", "above": "lower", "a minimum of": "lower",
    "up to": "upper", "less than": "upper", "fewer than": "upper", "just under": "upper",
    "under": "upper", "at most": "upper", "no more than": "upper", "below": "upper",
    "as many as": "upper", "as much as": "upper", "a maximum of": "upper",
}  # fmt: skip  # everything else in _BOUND_RE is "approx"
_CASUALTY_RE = re.compile(
    r"\b(killed|killing|kills|died|dead|deaths|murdered|injured|wounded|displaced|"
    r"arrested|deported|detained|evacuated|infected|hospitali[sz]ed|missing)\b[^.;]{0,20}$",
    re.IGNORECASE,
)
_CASUALTY_AFTER_RE = re.compile(
    r"\s+(?:(?:were|have been|had been|are|was)\s+)?(killed|died|dead|murdered|injured|"
    r"wounded|displaced|missing)\b",
    re.IGNORECASE,
)
_REFERENTIAL_BEFORE = re.compile(
    r"\b(the|our|their|his|her|its|these|those|both|all|my|your|whose)\s+$", re.IGNORECASE
)
_NAME_NUMBER_BEFORE = re.compile(
    r"\b(Section|Article|Title|No\.|Number|Chapter|Resolution|Proposition|Prop\.|Flight|"
    r"Route|Highway|Interstate|Room|Apollo|Covid|COVID|Windows|iPhone|Level|Phase|Grade|"
    r"Act|Amendment|Rule|Page|Vol\.|Volume|Item|Radio|Channel|Formula|Category|Stage|Tier|"
    r"Gate|Terminal|Platform)\s*$"
)


def _words_to_number(words: str) -> float | None:
    """Parse an English written number ("twenty-five", "two hundred and six")."""
    total = 0.0
    current = 0.0
    seen = False
    for part in re.split(r"[\s-]+", words.lower()):
        if part == "and" or not part:
            continue
        if part in _UNITS_WORDS:
            current += _UNITS_WORDS[part]
        elif part in _TENS_WORDS:
            current += _TENS_WORDS[part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part in {"thousand", "million", "billion", "trillion"}:
            total += (current or 1) * _SCALES[part]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


# Patterns matched at a position (``pattern.match(text, end)``), never on a slice ``text[end:]``:
# a slice per number made a text with many numbers quadratic.
_CLOCK_OR_ORDINAL_AFTER_RE = re.compile(r":\d|\s*[ap]\.?m\.?\b|\s*(st|nd|rd|th)\b")
_OR_MORE_RE = re.compile(r"\s*(or more|or so)\b")
# Thousands grouped with dots ("450.000", "1.000.000"): not an English decimal, and never to be
# read as 450 ("2.125 percent" is one, and stays).
_DOT_GROUPED_RE = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?![\d.,]\d)|\d{1,3}\.000(?![\d.,]\d)")


def looks_like_year(text: str, start: int, end: int) -> bool:
    """A bare four-digit number that reads as a year ("in 2024", "2024 election") rather
    than a count ("2000 soldiers", "$2024")."""
    token = text[start:end]
    if not re.fullmatch(r"(1[89]\d\d|20\d\d)", token):
        return False
    before = text[max(0, start - 20) : start]
    if CURRENCY_PREFIX_RE.search(before) or _BOUND_RE.search(before):
        return False
    after = text[end : end + 30]
    if _PERCENT_RE.match(after):
        return False
    following = re.match(r"\s+([a-z]+)", after)
    if following and following.group(1).endswith("s") and following.group(1) not in _NOT_UNITS:
        # "2000 soldiers" (but "in 2024 prices ...", "the 2023 floods" are still years: a
        # count of thousands is written with its comma, "the 2,023 floods")
        return bool(
            re.search(
                r"\b(in|since|by|until|from|during|of|before|after|the)\s+$", before, re.IGNORECASE
            )
        )
    return True


def find_quantities(
    text: str, *, offset: int = 0, date_spans: Iterable[tuple[int, int]] = ()
) -> list[QuantityMention]:
    """Numbers with value, unit and bound.  ``date_spans`` (indices into ``text``) are
    skipped so "April 16th" or "May 4" never become quantities.

    Not quantities: ordinals ("second", "16th"), years, clock times, numbers that are
    part of names ("Section 230", "COVID-19"), and referential small numbers after a
    determiner ("the two countries", "our two leaders").
    """
    spans = list(date_spans)
    found: list[QuantityMention] = []
    for match in _NUMBER_RE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in spans):
            continue
        value: float | None
        bound = "exact"
        unit = ""
        has_scale = False
        if match.group("digits"):
            digits = match.group("digits")
            if looks_like_year(text, start, start + len(digits)) and not match.group("attached"):
                continue
            if _DOT_GROUPED_RE.match(text, start):
                continue
            prev = text[start - 1 : start]
            if prev == "-" and start >= 2 and text[start - 2].isalpha():
                continue  # COVID-19, F-16
            if prev in {"-", "–", "/"} and re.search(r"\b(?:19|20)\d\d[-–/]$", text[:start]):
                continue  # the second year of "the 2008-09 recession", "2023/24"
            if prev == ":" or _CLOCK_OR_ORDINAL_AFTER_RE.match(text, end):
                continue  # clock times and ordinals
            if _NAME_NUMBER_BEFORE.search(text[max(0, start - 15) : start]):
                continue
            value = float(re.sub(r"[,\s\u00a0\u202f]", "", digits))
            attached = match.group("attached")
            if attached:
                value *= _SCALES[attached.lower()]
                has_scale = True
        elif match.group("half"):
            scale_word = re.split(r"[- ]", match.group("half"))[-1].lower()
            value = 0.5 * (12 if scale_word == "dozen" else _SCALES[scale_word])
            has_scale = scale_word != "dozen"
        elif match.group("article"):
            scale_word = match.group("article_scale").lower()
            value = 12.0 if scale_word == "dozen" else _SCALES[scale_word]
            has_scale = scale_word != "dozen"
        elif match.group("fraction"):
            fraction = match.group("fraction").lower()
            after = text[end : end + 4]
            before = text[max(0, start - 12) : start].lower()
            if fraction == "half" and not (
                after.startswith(" of")
                or re.search(r"\b(by|than|nearly|almost|about|over)\s+$", before)
            ):
                continue  # "half" alone is rarely a figure ("the second half")
            parts = re.split(r"[- ]", fraction)
            numerator = 1 if parts[0] in {"a", "one", "half"} else _UNITS_WORDS[parts[0]]
            denominator = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}[
                parts[-1].rstrip("s")
            ]
            value = round(numerator / denominator, 4)
            unit = "fraction"
            has_scale = True
        elif match.group("plural"):
            # "hundreds of X": a plural means at least two of the unit.
            plural = match.group("plural").lower()
            base = {"dozens": 12, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6}.get(
                plural, 1e9
            )
            if plural.startswith("tens of"):
                base = 1e4
            elif plural.startswith("hundreds of thousands"):
                base = 1e5
            value = 2 * base
            bound = "lower"
            has_scale = True
        elif match.group("ratio"):
            # "one in five voters", "3 out of 10 homes": a share, not a count of the noun.
            parts = re.split(r"\s+(?:in|out\s+of)\s+", match.group("ratio").lower())
            share, whole = (_words_to_number(p) or float(p) for p in parts)
            value = round(share / whole, 4)
            unit = "fraction"
            has_scale = True
        else:
            words = match.group("words")
            lowered = words.lower()
            if _REFERENTIAL_BEFORE.search(text[max(0, start - 8) : start]):
                continue  # "the two countries"
            value = _words_to_number(words)
            if value is None:
                continue
            needs_unit = lowered == "one"
            if needs_unit and not (
                _SCALE_AFTER_RE.match(text, end)
                or _PERCENT_RE.match(text, end)
                or _TIME_UNIT_RE.match(text, end)
            ):
                continue  # bare "one" is almost always a pronoun ("one of the ...")
        if text[end : end + 1] == "+":
            bound = "lower"  # "500+ arrests"
            end += 1
        # --- scale words after the number ("1.5 billion") ---------------------------
        if not has_scale and not match.group("plural"):
            scale = _SCALE_AFTER_RE.match(text, end)
            if scale:
                value *= _SCALES[scale.group(1).lower()]
                end = scale.end()
        # --- currency ---------------------------------------------------------------
        prefix = CURRENCY_PREFIX_RE.search(text[max(0, start - 6) : start])
        if prefix:
            unit = CURRENCY_PREFIX[prefix.group(1)]
            start -= len(prefix.group(0))
        if match.group("plural"):
            noun = _OF_NOUN_RE.match(text, end)
            if noun and noun.group(1).lower() not in _NOT_UNITS:
                unit = CURRENCY_SUFFIX.get(noun.group(1).lower(), noun.group(1).lower())
                end = noun.end()
        if not unit:
            suffix = CURRENCY_SUFFIX_RE.match(text, end)
            percent = _PERCENT_RE.match(text, end)
            time_unit = _TIME_UNIT_RE.match(text, end)
            if suffix:
                unit = CURRENCY_SUFFIX[re.sub(r"\s+", " ", suffix.group(1).lower())]
                end = suffix.end()
            elif percent:
                unit = "percentage points" if "point" in percent.group(1).lower() else "percent"
                end = percent.end()
            elif time_unit:
                word = time_unit.group(1).lower().rstrip("s")
                unit, factor = _TIME_UNIT[word]
                value *= factor
                end = time_unit.end()
            elif hyphened := _HYPHEN_UNIT_RE.match(text, end):
                unit = f"{hyphened.group(1).lower()}s"  # "a 40-year-old", "a 12-month low"
                end = hyphened.end()
            elif degrees := _DEGREES_RE.match(text, end):
                unit = f"degrees {(degrees.group(1) or degrees.group(2) or '').upper()}".strip()
                end = degrees.end()
            else:
                noun = _NOUN_AFTER_RE.match(text, end)
                # "-ed" words after a number are verbs ("450,000 died"), not units.
                if noun and noun.group(1) not in _NOT_UNITS and not noun.group(1).endswith("ed"):
                    unit = noun.group(1)
                    end = noun.end()
                    head = _HEAD_NOUN_AFTER_RE.match(text, end)
                    if head and not unit.endswith("s") and head.group(1) not in STOP_WORDS:
                        unit, end = head.group(1), head.end()  # "40 new diagnostic centres"
        elif unit and not match.group("plural"):
            # "$5 million dollars" is rare but harmless; "£20 pounds" likewise.
            suffix = CURRENCY_SUFFIX_RE.match(text, end)
            if suffix:
                end = suffix.end()
        # --- bound -----------------------------------------------------------------
        left = text[max(0, start - 25) : start]
        bound_match = _BOUND_RE.search(left)
        if bound_match:
            phrase = re.sub(r"\s+", " ", bound_match.group("bound").lower())
            bound = _BOUND_KIND.get(phrase, "approx")
            start -= len(left) - bound_match.start("bound")
        elif tail := _OR_MORE_RE.match(text, end):
            bound = "approx" if tail.group(1) == "or so" else "lower"
            end = tail.end()
        # --- casualties: "killed more than 450,000 in Mexico", "450,000 died" --------
        if not unit and (
            _CASUALTY_RE.search(text[max(0, start - 40) : start])
            or _CASUALTY_AFTER_RE.match(text, end)
        ):
            unit = "people"
        if not in_sane_range(value):
            continue  # "999…(400 digits) dollars": a digit string, not a figure
        found.append(
            QuantityMention(
                text[start:end], float(value), unit, bound, offset + start, offset + end
            )
        )
    return found
