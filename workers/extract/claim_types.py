"""Claim typing: one type per candidate by a fixed precedence."""

from __future__ import annotations

import re

from .features import (
    CAUSAL_RE,
    NOT_POLICY,
    POLICY_RE,
    dates_and_quantities,
    has_comparative,
    has_past_event,
    has_superlative,
    split_words,
)

_PREDICTION_RE = re.compile(
    r"\b(will|won't|shall|is expected to|are expected to|is set to|are set to|"
    r"is likely to|are likely to|is projected to|are projected to|forecasts?|"
    r"predicts?|projected|going to|is poised to|by (?:20\d\d|the end of))\b",
    re.IGNORECASE,
)


def classify_claim(text: str, attribution: str = "author") -> str:
    """One claim type per candidate, by fixed precedence (first match wins):

    1. ``statistic``   — a quantity (count, percent, money, duration): "more than 450,000".
    2. ``superlative`` — "largest … in history", "most secure", "record high".
    3. ``quote``       — attribution is ``direct_quote`` (the sentence *is* a quotation
       with a speaker).  Statistics and superlatives inside a quote keep their more
       specific type; the attribution field still says it was quoted.
    4. ``comparison``  — "higher than", "compared with", "doubled" (a trend verb on its
       own, "tension rose", is not a comparison).
    5. ``prediction``  — "will", "is expected to", "forecast" outside quotation marks.
    6. ``causal``      — explicit cause/effect: "because", "led to", "caused".
    7. ``policy``      — a government *measure*: tariffs, laws, bans, orders, decrees,
       sanctions, designated (military) zones.  Issuing an order or designating a zone
       is typed ``policy`` rather than ``event``: the checkable content is the measure.
    8. ``event``       — something happened: a past-tense or present-perfect action
       (offers, rejections, calls, reports).
    9. ``other``.
    """
    words = split_words(text)
    if dates_and_quantities(text)[1]:
        return "statistic"
    if has_superlative(text, words, descriptors=False):
        return "superlative"
    if attribution == "direct_quote":
        return "quote"
    if has_comparative(text):
        return "comparison"
    if _PREDICTION_RE.search(_strip_quoted(text)):
        return "prediction"
    if CAUSAL_RE.search(text):
        return "causal"
    if POLICY_RE.search(text) and not NOT_POLICY.search(text):
        return "policy"
    if has_past_event(words) or re.search(r"\b(has|have|had)\s+\w+", text):
        return "event"
    return "other"


def _strip_quoted(text: str) -> str:
    """The text with quoted passages blanked out (the speaker's words, not the claim's)."""
    return re.sub(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’(?!\w)", " ", text)
