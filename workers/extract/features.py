"""Lexical features of a sentence shared by the rule scorer and the claim typer.

Words, past-tense events, comparatives, superlatives, causal and policy wording: each
detector is one small function or regular expression, used by ``scoring`` (as a weighted
feature) and by ``claim_types`` (as a type), so each rule lives in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workers.enrichment import QuantityMention, find_date_spans, find_quantities

IRREGULAR_PAST = frozenset(
    {
        "was", "were", "had", "did", "went", "came", "took", "gave", "made", "said",
        "told", "got", "paid", "left", "lost", "won", "brought", "bought", "built", "cut",
        "put", "sent", "spent", "fell", "rose", "grew", "knew", "thought", "became",
        "began", "ran", "saw", "held", "kept", "led", "met", "sold", "shut", "stood",
        "wrote", "hit", "struck", "broke", "chose", "drove", "fought", "found", "froze",
        "hid", "laid", "lent", "meant", "overtook", "quit", "sank", "shot", "slid",
        "spoke", "stole", "swore", "threw", "understood", "withdrew", "bore",
        "forgave", "gotten", "given", "taken", "done", "gone", "seen", "known", "shown",
        "grown", "thrown", "written", "spoken", "broken", "chosen", "driven", "fallen",
        "risen", "stolen", "sworn", "torn", "withdrawn", "begun", "been", "heard",
        "sought", "taught", "caught", "felt", "dealt", "fled", "fed", "set", "let",
    }
)  # fmt: skip
# Words ending in -ed that are not past-tense verbs (or are too generic to count).
NOT_PAST = frozenset(
    {
        "need", "needed", "indeed", "speed", "seed", "bed", "red", "feed", "hundred",
        "united", "interested", "concerned", "supposed", "tired", "married", "used",
        "based", "so-called", "called", "named", "armed", "advanced", "detailed",
        "limited", "unnamed", "shed", "bred", "breed", "greed", "proceed",
        "exceed", "succeed", "deed", "weed", "freed", "led", "wed", "sled", "bleed",
        "embed", "infrared", "sacred", "naked", "wicked", "beloved", "learned",
        "biased", "alleged", "crooked", "rugged", "ragged", "skilled", "talented",
        "educated", "sophisticated", "complicated", "dedicated", "experienced",
        "qualified", "organized", "organised", "coordinated", "unprecedented", "ed",
        "med", "fed", "ted", "ned",
    }
)  # fmt: skip

_SUPERLATIVE_WORDS = frozenset(
    {
        "largest", "biggest", "greatest", "highest", "lowest", "smallest", "worst",
        "best", "fastest", "slowest", "strongest", "weakest", "deadliest", "richest",
        "poorest", "longest", "shortest", "youngest", "oldest", "wealthiest", "safest",
        "hottest", "coldest", "warmest", "heaviest", "cheapest", "toughest", "busiest",
        "widest", "deepest", "costliest", "bloodiest", "steepest", "tallest",
        "harshest", "fewest", "most-ever", "first-ever", "all-time", "unprecedented",
        "record-breaking", "record-high", "record-low",
    }
)  # fmt: skip
_MOST_NOT_SUPERLATIVE = frozenset(
    {
        "of", "notably", "likely", "recently", "importantly", "often", "people",
        "americans", "mexicans", "countries", "cases", "times", "part", "days", "years",
        "things", "states", "recent", "probably", "certainly", "commonly", "frequently",
        "prominently", "especially", "significantly", "and", "or", "the", "in", "to",
        "are", "is", "were", "was", "will", "have", "has", "had", "can", "would", "do",
        "did", "say", "said", "think", "want", "wanted", "need", "needed", "agree",
    }
)  # fmt: skip

_SUPERLATIVE_PHRASE_RE = re.compile(
    r"\b(in (?:[A-Z][\w.]*\s+)?history|of all time|all[- ]time|record (?:high|low|number|"
    r"levels?|amounts?)|never before|first[- ]ever|ever recorded|for the first time)\b",
)
_COMPARATIVE_RE = re.compile(
    r"\b(\w+er\s+than|more\s+\w+\s+than|less\s+\w+\s+than|fewer\s+\w+\s+than|"
    r"compared\s+(?:with|to)|twice\s+as|(?:three|four|ten)\s+times\s+as|"
    r"doubled|tripled|quadrupled|halved)\b",
    re.IGNORECASE,
)
_NOT_COMPARATIVE = re.compile(
    r"\b(rather|other|whether|together|never|ever|either|neither|order|border|"
    r"under|after|over|later|earlier|further|number|member)\s+than\b",
    re.IGNORECASE,
)
CAUSAL_RE = re.compile(
    r"\b(because(?: of)?|due to|caused|causes|causing|led to|leads to|leading to|"
    r"as a result(?: of)?|resulted in|results in|result of|blamed? (?:\w+ )?(?:for|on)|"
    r"contribut(?:ed|es|ing) to|responsible for|linked to|attributed to|thanks to|"
    r"triggered|fuell?ed|driven by|drove|so that)\b",
    re.IGNORECASE,
)
POLICY_RE = re.compile(
    r"\b(tariffs?|laws?|legislation|bills?|ban(?:s|ned|ning)?|executive order|"
    r"(?:issued|signed|an|the|new) (?:\w+ )?order|decrees?|regulations?|sanctions?|"
    r"polic(?:y|ies)|mandates?|tax(?:es)?|subsid(?:y|ies)|budget|funding|"
    r"designated|authori[sz]ed to|enforce|impose[ds]?|imposing|ratified|"
    r"military zones?|zones?|deportations?|visas?|quotas?|treaty|agreement|reform)\b",
    re.IGNORECASE,
)
NOT_POLICY = re.compile(r"\bin order to\b", re.IGNORECASE)


def split_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*", text)


def has_past_event(words: list[str]) -> bool:
    """A past-tense or present-perfect action ("rejected", "has also tied", "took")."""
    for i, word in enumerate(words):
        lowered = word.lower()
        if lowered in IRREGULAR_PAST and lowered not in {"was", "were", "had", "been"}:
            return True
        if len(lowered) > 3 and lowered.endswith("ed") and lowered not in NOT_PAST:
            # "the armed forces" / "a detailed plan": -ed right after an article is an
            # adjective, not an event.
            if i > 0 and words[i - 1].lower() in {"the", "a", "an", "its", "their", "his"}:
                continue
            return True
    return False


def has_comparative(text: str) -> bool:
    """ "higher than", "compared with", "doubled" — but not "rather than", "other than"."""
    return bool(_COMPARATIVE_RE.search(_NOT_COMPARATIVE.sub(" ", text)))


def has_superlative(text: str, words: list[str], *, descriptors: bool = True) -> bool:
    """ "largest … in history", "record high", "the most secure"; with ``descriptors`` False,
    a superlative that only names a group ("the poorest households") does not count. The
    scorer's rule signal counts it (the model was trained so); the claim's type does not."""
    if _SUPERLATIVE_PHRASE_RE.search(text):
        return True
    for i, word in enumerate(words):
        lowered = word.lower()
        if lowered in _SUPERLATIVE_WORDS and (descriptors or not _descriptor(words, i)):
            return True
        if lowered in {"most", "least"} and i + 1 < len(words):
            nxt = words[i + 1]
            low = nxt.lower()
            if (
                i > 0
                and words[i - 1].lower() in {"the", "its", "their", "his", "her", "our"}
                and low not in _MOST_NOT_SUPERLATIVE
                and nxt[:1].islower()
                and (not low.endswith("s") or low.endswith(("ous", "ss")))
            ):
                return True
    return False


# What gives a superlative the scope that makes it a claim: "the poorest households in the
# region", "the highest rates since 2008", "the biggest losses ever recorded".
_SUPERLATIVE_SCOPE = frozenset({"in", "of", "since", "ever", "yet", "on", "among", "anywhere"})
_PLURAL_PEOPLE = frozenset({"people", "children", "men", "women", "families"})


def _descriptor(words: list[str], i: int) -> bool:
    """A superlative that only names a group: "the poorest households", "the largest
    companies", "the richest people" pick out whom a sentence is about and rank nothing; with a
    scope after the group ("the poorest households in the region") it ranks them."""
    if i + 1 >= len(words):
        return False
    noun = words[i + 1].lower()
    plural = noun in _PLURAL_PEOPLE or (
        noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and noun.isalpha()
    )
    if not plural or not words[i + 1][:1].islower():
        return False
    return not any(w.lower() in _SUPERLATIVE_SCOPE for w in words[i + 2 : i + 5])


@lru_cache(maxsize=4)
def dates_and_quantities(
    text: str,
) -> tuple[tuple[tuple[int, int, str], ...], tuple[QuantityMention, ...]]:
    """Candidate date spans and the quantities outside them. The scorer and then the claim
    typer ask for the same clause, and the date matcher is the dearest step of either: a
    cache of a few entries serves the second call (and never a whole article's worth)."""
    date_spans = find_date_spans(text)
    quantities = find_quantities(text, date_spans=[(s, e) for s, e, _ in date_spans])
    return tuple(date_spans), tuple(quantities)


# News forms a debate-trained scorer undervalues (CT24 has few of them): a forecast made by a
# third party ("Economists expect rent growth to slow", "It expects most customers to be
# reconnected by Wednesday", "The remaining provinces are expected to finish …") and an
# official act ("passed a bill", "has issued a rare red warning", "declared a national
# disaster"). ``news_form`` names the one a clause makes; the extractor keeps such a clause
# below the threshold (``extraction.NEWS_FORM_REASON``).
_NOT_A_SOURCE = (
    r"(?!(?:i|we|you|nobody|none|anyone|anybody|who|what|which|and|or|but|to|not|do|does|"
    r"don't|doesn't|didn't|would|should|could|might)\b)"
)
_FIRST_OR_SECOND_PERSON_RE = re.compile(
    r"\b(?:i|i'[a-z]+|we|we'[a-z]+|you|you'[a-z]+|me|us|our|my)\b", re.IGNORECASE
)
_FORECAST_RE = re.compile(
    rf"\b{_NOT_A_SOURCE}[a-z]+\s+(?:also\s+|now\s+|still\s+)?"
    r"(?:expects?|forecasts?|predicts?|projects?|anticipates?)\s+"
    r"[^.;:?!]{0,80}?\b(?:to|will|would)\s+[a-z]+"
    rf"|\b{_NOT_A_SOURCE}[a-z]+\s+(?:is|are)\s+(?:also\s+|now\s+|still\s+)?"
    r"(?:expected|forecast|projected|predicted|likely|set)\s+to\s+[a-z]+",
    re.IGNORECASE,
)
_OFFICIAL_ACT_RE = re.compile(
    r"\b(?:passed|signed|approved|issued|declared|ordered|imposed|enacted|vetoed|ratified)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:bill|law|warning|alert|emergency|disaster|order|ban|curfew|"
    r"evacuations?|sanctions|decree|tariffs?|moratorium|lockdown)s?\b",
    re.IGNORECASE,
)


def news_form(text: str) -> str | None:
    """ "forecast by a third party", "official act", or None."""
    if _OFFICIAL_ACT_RE.search(text):
        return "official act"
    if _FORECAST_RE.search(text) and not _FIRST_OR_SECOND_PERSON_RE.search(text):
        return "forecast by a third party"
    return None
