"""Check-worthiness: the ``Scorer`` protocol, the rule signals and the rule-based scorer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from claims.parsing import furniture
from workers.enrichment import find_entities
from workers.nlp import entity_doc

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


@dataclass(frozen=True)
class Score:
    value: float  # 0..1
    reasons: tuple[str, ...]  # what pushed the score, for editors (see each scorer)


class Scorer(Protocol):
    """``score`` gives check-worthiness in 0..1 with its reasons; a scorer may carry its own
    default ``threshold`` (extract_claims uses 0.5 when it has none)."""

    def score(self, text: str) -> Score: ...


_QUESTION_RE = re.compile(r"\?\s*[”\"’']?\s*$")
_OPINION_RE = re.compile(
    r"\b(i think|i believe|i feel|we believe|we think|in my (?:opinion|view)|i hope|"
    r"we hope|probably|maybe|perhaps|might|i guess|i suppose|seems? to|it is what it is|"
    r"let me|i mean|you know)\b",
    re.IGNORECASE,
)
_INTENT_RE = re.compile(
    r"\b(i will|we will|i'll|we'll|i'm going to|we're going to|we are going to|"
    r"i am going to|i want|we want|we need to|we must|we should|i would|we would|"
    r"let's|let us|i'd|we'd|i'm|i am)\b",
    re.IGNORECASE,
)
_COURTESY_RE = re.compile(
    r"^\W*(thank you|thanks|welcome|good (?:morning|afternoon|evening|night)|"
    r"ladies and gentlemen|please|hello|hi\b|congratulations|excuse me|sorry|"
    r"okay|ok\b|yes\b|no\b|well\b|look\b|listen\b|all right|alright)",
    re.IGNORECASE,
)
_IMPERATIVE_RE = re.compile(
    r"^\W*(look|take|tell|listen|go|let|give|wait|imagine|think|remember|come|"
    r"don't|do not|stop|vote|check|ask)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_RE = re.compile(
    r"\b(?<!was )(?<!were )(?<!been )(?<!is )(?<!are )(said|says|told|reported|added|"
    r"claimed|claims|announced|wrote|stated|noted|insisted|warned|declared|alleged|"
    r"confirmed|tweeted|testified|according to|found that|showed that|concluded)\b",
    re.IGNORECASE,
)


# The rule-based scorer: check-worthiness = clip(SCORE_BIAS + sum of the weights of the
# features that fire, 0, 1), compared with the threshold (0.5 by default).
#
# Weights were set by hand from what fact-checkers pick (numbers, named events,
# comparisons, attributed statements) and skip (questions, courtesies, opinions,
# promises), then sanity-checked on the CT24 check-worthiness data (political debate
# sentences; not in this repository).  At threshold 0.5: F1 on the "Yes" class 0.69 on
# CT24 dev-test (all-"Yes" baseline 0.51), 0.78 on dev (0.37), 0.58 on train (0.39).
# A coordinate search fitted to the train split raised train F1 by 0.01 but lowered
# dev and dev-test, so the hand weights stay.  Those figures were looked at while the
# weights were set, so they are optimistic.  The default scorer is now the trained model
# (``model``); this table stays selectable (FACTCHECK_CHECKWORTHINESS_SCORER=rules) and its
# features feed the model through ``rule_signals``.  Keep it small and readable.
SCORE_BIAS = 0.25
FEATURE_WEIGHTS: dict[str, float] = {
    "number with unit": 0.35,  # "more than 450,000 people", "5%", "$1.5 billion"
    "bare number": 0.25,  # a quantity without a unit
    "date reference": 0.10,  # "on Friday", "April 16th", "in 2024"
    "named entity": 0.10,  # a gazetteer entity or a capitalised name
    "superlative": 0.25,  # "largest ... in history", "most secure"
    "comparative": 0.15,  # "higher than", "compared with", "doubled"
    "attributed statement": 0.15,  # "X said", "according to X"
    "past event": 0.15,  # past tense / present perfect action
    "causal claim": 0.10,  # "because", "led to", "contributed to"
    "policy measure": 0.10,  # tariffs, laws, orders, zones
    "question": -0.50,  # questions are not claims
    "opinion or hedge": -0.20,  # "I think", "maybe", "might"
    "first-person intent": -0.15,  # "we will", "I want", "we need to"
    "courtesy or imperative": -0.45,  # "Thank you all for coming.", "Look, ..."
    "too short": -0.25,  # fewer than five words
    "boilerplate": -1.00,  # page furniture: claims.parsing.furniture.sentence_kind
}


def rule_signals(text: str) -> list[str]:
    """The table's features that need no entity pass, sorted: figures, dates, wording and
    length. The rule scorer adds "named entity" and "boilerplate"; the trained model
    (``model``) takes these as inputs beside its n-grams."""
    fired: set[str] = set()
    words = split_words(text)
    date_spans, quantities = dates_and_quantities(text)
    if any(q.unit for q in quantities):
        fired.add("number with unit")
    elif quantities:
        fired.add("bare number")
    if date_spans:
        fired.add("date reference")
    if has_superlative(text, words):
        fired.add("superlative")
    if has_comparative(text):
        fired.add("comparative")
    if _ATTRIBUTION_RE.search(text):
        fired.add("attributed statement")
    if has_past_event(words):
        fired.add("past event")
    if CAUSAL_RE.search(text):
        fired.add("causal claim")
    if POLICY_RE.search(text) and not NOT_POLICY.search(text):
        fired.add("policy measure")
    if _QUESTION_RE.search(text.strip()):
        fired.add("question")
    if _OPINION_RE.search(text):
        fired.add("opinion or hedge")
    if _INTENT_RE.search(text):
        fired.add("first-person intent")
    if _COURTESY_RE.match(text) or _IMPERATIVE_RE.match(text):
        fired.add("courtesy or imperative")
    if len(words) < 5:
        fired.add("too short")
    return sorted(fired)


class RuleBasedScorer:
    """Transparent, deterministic check-worthiness scorer.

    ``score(text)`` = clip(``bias`` + Σ weight(feature) for each feature that fires, 0, 1);
    ``reasons`` lists the fired features in table order (negative ones included, so a
    reviewer sees why a sentence was held back).  See ``FEATURE_WEIGHTS`` for the
    table; pass ``weights``/``bias`` to experiment without editing it.
    """

    threshold = 0.5

    def __init__(self, weights: dict[str, float] | None = None, bias: float = SCORE_BIAS) -> None:
        self.weights = dict(FEATURE_WEIGHTS if weights is None else weights)
        self.bias = bias

    def features(self, text: str) -> tuple[str, ...]:
        """Names of the features that fire on ``text`` (table order)."""
        fired: set[str] = set()
        words = split_words(text)
        # Boilerplate is judged on short lines only: a full sentence that merely
        # mentions an outlet ("Reuters reported …") is not a caption.
        short_line = not (len(words) > 6 and re.search(r"[.!?]", text))
        if furniture.credit_or_source(text) or (
            short_line and furniture.sentence_kind(text) is not None
        ):
            fired.add("boilerplate")
        fired.update(rule_signals(text))
        if find_entities(entity_doc(text)):
            fired.add("named entity")
        return tuple(name for name in self.weights if name in fired)

    def score(self, text: str) -> Score:
        reasons = self.features(text)
        value = self.bias + sum(self.weights[name] for name in reasons)
        return Score(round(min(1.0, max(0.0, value)), 4), reasons)
