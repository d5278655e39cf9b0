"""Pure enrichment of a claim: entities, quantities and dates; plus fuzzy similarity.

Nothing here touches a database or the network.  Entities come from the shared blank
spaCy pipeline (EntityRuler over the gazetteer in ``workers.nlp``) plus a conservative
capitalised-name fallback; quantities from regular expressions; dates from a spaCy
Matcher that finds *candidate spans* which are then resolved one by one with dateparser
against the article's reference date.

All spans are ``offset + index into text`` so a caller can pass the claim's start
offset in the article body and get body offsets back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from spacy.tokens import Doc
from spacy.util import filter_spans

from workers.nlp import DEMONYMS, get_date_matcher, get_nlp, lookup_alias

__all__ = [
    "DateMention",
    "Enrichment",
    "EntityMention",
    "QuantityMention",
    "canonical_entity",
    "enrich",
    "find_date_spans",
    "find_entities",
    "find_quantities",
    "rank_similar",
    "resolve_dates",
    "similarity",
]


@dataclass(frozen=True)
class EntityMention:
    text: str
    kind: str  # person | organization | place | group
    canonical: str
    start: int
    end: int
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class QuantityMention:
    text: str
    value: float
    unit: str  # "percent", "people", "years", ISO currency code, a counted noun, or ""
    bound: str  # exact | lower | upper | approx
    start: int
    end: int


@dataclass(frozen=True)
class DateMention:
    text: str
    value: str  # "YYYY-MM-DD" (day, and week = that week's Monday) | "YYYY-MM" | "YYYY"
    granularity: str  # day | week | month | year
    start: int
    end: int


@dataclass(frozen=True)
class Enrichment:
    entities: tuple[EntityMention, ...]
    quantities: tuple[QuantityMention, ...]
    dates: tuple[DateMention, ...]


# ======================================================================================
# Entities
# ======================================================================================


def canonical_entity(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) for a known alias, else None.

    >>> canonical_entity("President Trump")
    ('Donald Trump', 'person')
    >>> canonical_entity("the United States")
    ('United States', 'place')
    """
    entry = lookup_alias(name)
    if entry is None:
        return None
    return entry.canonical, entry.kind


# Capitalised words that are never names on their own (sentence openers, calendar words,
# titles, demonyms).  The gazetteer handles every name we know; this only limits what
# the fallback invents.
NOT_NAME_WORDS = frozenset(
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
        "Its", "Their", "Our", "My", "Your", "This", "That", "These", "Those", "There",
        "But", "And", "Or", "However", "Meanwhile", "In", "On", "At", "As", "After",
        "Before", "When", "While", "Since", "If", "So", "Yet", "Still", "Also", "Like",
        "Earlier", "Later", "Last", "Next", "Some", "Many", "Most", "No", "Not", "For",
        "From", "To", "With", "By", "Of", "Speaking", "Citing", "According", "Despite",
        "Although", "Because", "Thank", "Thanks", "Please", "Yes", "Well", "Now",
        "Today", "Yesterday", "Tomorrow", "Here", "What", "Why", "How", "Who", "Where",
        "Which", "Mr.", "Mrs.", "Ms.", "Dr.", "President", "Prime", "Minister",
        "Senator", "Governor", "Secretary", "Officials", "Police", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Photo", "File", "Source", "SOURCE", "Image", "Credit",
        "Let", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would", "Can",
        "Could", "Should", "Every", "All", "Each", "Both", "Such", "Even", "Just", "Only",
        "Then", "Than", "Once", "Again", "Instead", "Indeed", "Already", "Among",
    }
)  # fmt: skip
_ORG_WORDS = frozenset(
    {
        "Council", "Department", "Ministry", "Agency", "Party", "Bank", "Company",
        "Inc.", "Corp.", "Ltd.", "University", "Court", "Commission", "Committee",
        "News", "Times", "Journal", "Post", "Army", "Navy", "Force", "Police",
        "Organization", "Organisation", "Union", "Association", "Institute", "Office",
        "Administration", "Government", "Congress", "Senate", "Parliament", "Group",
        "Foundation", "Service", "Bureau", "Board", "Network", "Press", "Radio", "TV",
        "Corporation", "Federation", "Guard", "Cartel", "Fund", "Authority", "Centre",
        "Center", "Club", "School", "Hospital", "Church", "Tribune", "Herald",
    }
)  # fmt: skip
_PLACE_WORDS = frozenset(
    {
        "City", "County", "State", "Province", "River", "Island", "Islands", "Valley",
        "Mountains", "Sea", "Ocean", "Gulf", "Bay", "Lake", "Republic", "Kingdom",
        "Fort", "Port", "Street", "Avenue", "Square",
    }
)  # fmt: skip
_NAME_CONNECTORS = frozenset({"of", "for", "de", "del", "la", "van", "von", "bin", "al"})
_LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "to", "into", "across", "near", "outside", "inside", "toward"}
)


def _guess_kind(tokens: list[str], prev_word: str) -> str:
    """Heuristic kind for a capitalised name the gazetteer does not know.

    Organisation/place keywords win; a single word after a locative preposition is a
    place ("in Brazil"); anything else is assumed to be a person.  This is deliberately
    simple: known entities come from the gazetteer, and the fallback only exists so an
    unknown claimant ("Dr. Fauci said") is not lost.
    """
    if any(t in _ORG_WORDS for t in tokens) or (len(tokens) == 1 and tokens[0].isupper()):
        return "organization"
    if any(t in _PLACE_WORDS for t in tokens):
        return "place"
    if len(tokens) == 1 and prev_word.lower() in _LOCATIVE_PREPOSITIONS:
        return "place"
    return "person"


def _is_name_token(text: str) -> bool:
    if text in NOT_NAME_WORDS or text.lower() in DEMONYMS:
        return False
    stripped = text.replace(".", "").replace("-", "").replace("’", "").replace("'", "")
    if not stripped.isalpha():
        return False
    return text[0].isupper()


def _fallback_names(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Runs of capitalised tokens not covered by the EntityRuler: (start_tok, end_tok, kind)."""
    found: list[tuple[int, int, str]] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if i in taken or not _is_name_token(tok.text):
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken:
            if _is_name_token(doc[j].text) or doc[j].text in {"Jr.", "Sr."}:
                j += 1
            elif (
                doc[j].lower_ in _NAME_CONNECTORS
                and j + 1 < n
                and j + 1 not in taken
                and _is_name_token(doc[j + 1].text)
            ):
                j += 2
            else:
                break
        sentence_initial = (
            i == 0
            or doc[i].is_sent_start is True
            or doc[i - 1].is_space
            or doc[i - 1].text in {".", "!", "?", "“", '"', "‘", "(", "[", ":", "—", "-", "--"}
        )
        adjacent_to_known = (i - 1) in taken or j in taken
        # A lone capitalised word opening a sentence is usually just a capitalised word.
        if not adjacent_to_known and not (sentence_initial and j - i == 1):
            prev_word = doc[i - 1].text if i > 0 else ""
            found.append((i, j, _guess_kind([t.text for t in doc[i:j]], prev_word)))
        i = j
    return found


def find_entities(doc: Doc, *, offset: int = 0) -> list[EntityMention]:
    """Entity mentions in an already-processed doc (gazetteer first, then fallback)."""
    mentions: list[EntityMention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        entry = lookup_alias(ent.ent_id_) if ent.ent_id_ else None
        canonical = ent.ent_id_ or ent.text
        aliases = entry.aliases if entry else ()
        mentions.append(
            EntityMention(
                ent.text,
                ent.label_.lower(),
                canonical,
                offset + ent.start_char,
                offset + ent.end_char,
                aliases,
            )
        )
        taken.update(range(ent.start, ent.end))
    for start, end, kind in _fallback_names(doc, taken):
        span = doc[start:end]
        mentions.append(
            EntityMention(
                span.text, kind, span.text, offset + span.start_char, offset + span.end_char, ()
            )
        )
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


# ======================================================================================
# Quantities
# ======================================================================================

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
}  # fmt: skip
_W_UNIT = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_W_TENS = "|".join(_TENS_WORDS)
_W_SMALL = rf"(?:(?:{_W_TENS})(?:[- ](?:{_W_UNIT}))?|(?:{_W_UNIT}))"
_W_NUMBER = rf"{_W_SMALL}(?:[- ]hundred(?:[- ](?:and[- ])?{_W_SMALL})?)?"
_BIG_SCALE = r"(?:thousand|million|billion|trillion)"

_NUMBER_RE = re.compile(
    rf"""
    (?P<digits>(?<![\w.])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)
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
_SCALE_AFTER_RE = re.compile(rf"\s*(?:-\s*)?({_BIG_SCALE}|bn|mn|mln|tn)\b", re.IGNORECASE)
_CURRENCY_PREFIX_RE = re.compile(
    r"(US\$|U\.S\.\s?\$|C\$|CA\$|A\$|AU\$|MX\$|\$|€|£|¥|USD|EUR|GBP|MXN|CAD)\s?$"
)
_CURRENCY_PREFIX = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "$": "USD", "USD": "USD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "A$": "AUD", "AU$": "AUD", "MX$": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "MXN": "MXN",
}  # fmt: skip
# Currency words after the number.  "pesos" defaults to MXN: this desk covers Mexico
# most; other pesos (ARS, COP, ...) need an explicit code.  Bare "pounds" is a weight
# unless it is "pounds sterling" or the number had a £ sign.
_CURRENCY_SUFFIX_RE = re.compile(
    r"\s+(?:(?:US|U\.S\.|American)\s+)?(dollars|euros|pounds\s+sterling|pesos|yuan|yen|"
    r"rubles|roubles|rupees|USD|EUR|GBP|MXN|CAD)\b",
    re.IGNORECASE,
)
_CURRENCY_SUFFIX = {
    "dollars": "USD", "euros": "EUR", "pounds sterling": "GBP", "pesos": "MXN",
    "yuan": "CNY", "yen": "JPY", "rubles": "RUB", "roubles": "RUB", "rupees": "INR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "mxn": "MXN", "cad": "CAD",
}  # fmt: skip
_PERCENT_RE = re.compile(
    r"\s*(%|per\s?cent\b|percent\b|percentage\s+points?\b|pct\b)", re.IGNORECASE
)
_TIME_UNIT_RE = re.compile(
    r"\s+(decades?|centur(?:y|ies)|years?|months?|weeks?|days?|hours?|minutes?)\b",
    re.IGNORECASE,
)
_TIME_UNIT = {
    "decade": ("years", 10.0), "century": ("years", 100.0), "centurie": ("years", 100.0),
    "year": ("years", 1.0), "month": ("months", 1.0), "week": ("weeks", 1.0),
    "day": ("days", 1.0), "hour": ("hours", 1.0), "minute": ("minutes", 1.0),
}  # fmt: skip
_NOUN_AFTER_RE = re.compile(r"\s+(?:(?:[A-Z][a-z]+|more|new|other|additional)\s+)?([a-z][a-z-]+)\b")
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
    r"Act|Amendment|Rule|Page|Vol\.|Volume|Item)\s*$"
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


def looks_like_year(text: str, start: int, end: int) -> bool:
    """A bare four-digit number that reads as a year ("in 2024", "2024 election") rather
    than a count ("2000 soldiers", "$2024")."""
    token = text[start:end]
    if not re.fullmatch(r"(1[89]\d\d|20\d\d)", token):
        return False
    before = text[max(0, start - 20) : start]
    if _CURRENCY_PREFIX_RE.search(before) or _BOUND_RE.search(before):
        return False
    after = text[end : end + 30]
    if _PERCENT_RE.match(after):
        return False
    following = re.match(r"\s+([a-z]+)", after)
    if following and following.group(1).endswith("s") and following.group(1) not in _NOT_UNITS:
        # "2000 soldiers" (but "in 2024 prices ..." after a preposition is still a year)
        return bool(re.search(r"\b(in|since|by|until|from|during|of|before|after)\s+$", before))
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
            prev = text[start - 1 : start]
            if prev == "-" and start >= 2 and text[start - 2].isalpha():
                continue  # COVID-19, F-16
            if prev == ":" or re.match(r":\d|\s*[ap]\.?m\.?\b|\s*(st|nd|rd|th)\b", text[end:]):
                continue  # clock times and ordinals
            if _NAME_NUMBER_BEFORE.search(text[max(0, start - 15) : start]):
                continue
            value = float(digits.replace(",", ""))
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
        else:
            words = match.group("words")
            lowered = words.lower()
            if _REFERENTIAL_BEFORE.search(text[max(0, start - 8) : start]):
                continue  # "the two countries"
            value = _words_to_number(words)
            if value is None:
                continue
            after = text[end:]
            needs_unit = lowered == "one"
            if needs_unit and not (
                _SCALE_AFTER_RE.match(after)
                or _PERCENT_RE.match(after)
                or _TIME_UNIT_RE.match(after)
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
        prefix = _CURRENCY_PREFIX_RE.search(text[max(0, start - 6) : start])
        if prefix:
            unit = _CURRENCY_PREFIX[prefix.group(1)]
            start -= len(prefix.group(0))
        if match.group("plural"):
            noun = _OF_NOUN_RE.match(text, end)
            if noun and noun.group(1).lower() not in _NOT_UNITS:
                unit = _CURRENCY_SUFFIX.get(noun.group(1).lower(), noun.group(1).lower())
                end = noun.end()
        if not unit:
            suffix = _CURRENCY_SUFFIX_RE.match(text, end)
            percent = _PERCENT_RE.match(text, end)
            time_unit = _TIME_UNIT_RE.match(text, end)
            if suffix:
                unit = _CURRENCY_SUFFIX[re.sub(r"\s+", " ", suffix.group(1).lower())]
                end = suffix.end()
            elif percent:
                unit = "percentage points" if "point" in percent.group(1).lower() else "percent"
                end = percent.end()
            elif time_unit:
                word = time_unit.group(1).lower().rstrip("s")
                unit, factor = _TIME_UNIT[word]
                value *= factor
                end = time_unit.end()
            else:
                noun = _NOUN_AFTER_RE.match(text, end)
                # "-ed" words after a number are verbs ("450,000 died"), not units.
                if noun and noun.group(1) not in _NOT_UNITS and not noun.group(1).endswith("ed"):
                    unit = noun.group(1)
                    end = noun.end()
        elif unit and not match.group("plural"):
            # "$5 million dollars" is rare but harmless; "£20 pounds" likewise.
            suffix = _CURRENCY_SUFFIX_RE.match(text, end)
            if suffix:
                end = suffix.end()
        # --- bound -----------------------------------------------------------------
        left = text[max(0, start - 25) : start]
        bound_match = _BOUND_RE.search(left)
        if bound_match:
            phrase = re.sub(r"\s+", " ", bound_match.group("bound").lower())
            bound = _BOUND_KIND.get(phrase, "approx")
            start -= len(left) - bound_match.start("bound")
        elif tail := re.match(r"\s*(or more|or so)\b", text[end:]):
            bound = "approx" if tail.group(1) == "or so" else "lower"
            end += tail.end()
        # --- casualties: "killed more than 450,000 in Mexico", "450,000 died" --------
        if not unit and (
            _CASUALTY_RE.search(text[max(0, start - 40) : start])
            or _CASUALTY_AFTER_RE.match(text, end)
        ):
            unit = "people"
        found.append(
            QuantityMention(
                text[start:end], float(value), unit, bound, offset + start, offset + end
            )
        )
    return found


# ======================================================================================
# Dates
# ======================================================================================

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
        result.append((start_char, end_char, granularity))
    result.sort()
    return result


@lru_cache(maxsize=64)
def _date_parser(reference_date: dt.date):  # -> dateparser.date.DateDataParser
    # Imported lazily: dateparser's import and first parse are the slow part of this
    # module, and only date resolution needs it.  languages=["en"] keeps it from
    # loading every locale.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(reference_date, dt.time()),
            "PREFER_DATES_FROM": "past",
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
    * spans dateparser cannot read are dropped rather than guessed.
    """
    if spans is None:
        spans = find_date_spans(text)
    parser = _date_parser(reference_date)
    mentions: list[DateMention] = []
    for start, end, granularity in spans:
        span_text = text[start:end]
        lowered = span_text.lower()
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


# ======================================================================================
# Public entry point
# ======================================================================================


def enrich(text: str, *, reference_date: dt.date, offset: int = 0) -> Enrichment:
    """Entities, quantities and dates in ``text``; spans are ``offset + index``."""
    doc = get_nlp()(text)
    date_spans = find_date_spans(text, doc)
    return Enrichment(
        entities=tuple(find_entities(doc, offset=offset)),
        quantities=tuple(
            find_quantities(text, offset=offset, date_spans=[(s, e) for s, e, _ in date_spans])
        ),
        dates=tuple(resolve_dates(text, reference_date, offset=offset, spans=date_spans)),
    )


# ======================================================================================
# Similarity
# ======================================================================================

# Weights of the blended similarity.  token_set_ratio ignores word order and
# duplicated words, so a reworded claim scores high; on its own it also gives 100 when
# one text's words are a subset of the other's ("Trump" vs "Trump imposed tariffs"),
# so plain ratio (edit distance over the whole string) is blended in to pull those down.
TOKEN_SET_WEIGHT = 0.7
RATIO_WEIGHT = 0.3


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two claim texts (deterministic).

    Both texts are normalised with rapidfuzz's ``default_process`` (lower-case,
    non-alphanumerics to spaces, trimmed), then scored as
    ``0.7 * token_set_ratio + 0.3 * ratio``, divided by 100.  Two empty texts score 0.
    """
    pa, pb = default_process(a), default_process(b)
    if not pa or not pb:
        return 0.0
    score = TOKEN_SET_WEIGHT * fuzz.token_set_ratio(pa, pb) + RATIO_WEIGHT * fuzz.ratio(pa, pb)
    return round(score / 100.0, 6)


def rank_similar(
    text: str, candidates: Iterable[tuple[int, str]], *, threshold: float
) -> list[tuple[int, float]]:
    """Re-rank (id, text) candidates by ``similarity`` to ``text``.

    Returns (id, score) pairs with score >= threshold, best first; ties are broken by
    ascending id so the order is deterministic.
    """
    query = default_process(text)
    if not query:
        return []
    ranked: list[tuple[int, float]] = []
    for cid, candidate in candidates:
        processed = default_process(candidate)
        if not processed:
            continue
        score = (
            TOKEN_SET_WEIGHT * fuzz.token_set_ratio(query, processed)
            + RATIO_WEIGHT * fuzz.ratio(query, processed)
        ) / 100.0
        score = round(score, 6)
        if score >= threshold:
            ranked.append((cid, score))
    ranked.sort(key=lambda pair: (-pair[1], pair[0]))
    return ranked
