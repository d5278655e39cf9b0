"""The trained check-worthiness scorer: a linear model read from ``checkworthiness.json``.

``features(text)`` turns a sentence into named, weighted features (the same function
trains the model, in ``evaluation.train_scorer``, and scores with it here):

- ``w:`` word unigrams and bigrams (lower-cased; a number becomes its digit count as
  zeros, so "450,000" and "120,500" are one feature) — binary, L2-normalised over all
  the sentence's word n-grams;
- ``c:`` character 2–5-grams inside each word, padded with a space at both ends —
  binary, L2-normalised over all the sentence's character n-grams;
- ``r:`` the rule scorer's signals (figures, dates, superlatives, comparisons, attribution
  verbs, questions, hedges, promises, …) and the sentence length, each worth 1.

The norms count every n-gram of the sentence, known to the model or not, so pruning
small weights from the file never changes the other features' values.  The score is
``sigmoid(a * (bias + Σ weight × value) + b)``: a logistic regression's log-odds,
Platt-calibrated (``a``, ``b``) into a probability.  Pure Python, no Django.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from functools import lru_cache
from pathlib import Path

from .scoring import Score, rule_signals

MODEL_PATH = Path(__file__).with_name("checkworthiness.json")
FORMAT = 1
CHAR_NGRAMS = (2, 5)
REASONS_SHOWN = 5

_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[$%?!€£]")
_DIGIT_RE = re.compile(r"\d")
_ZEROS = itertools.repeat(0.0)


def tokens(text: str) -> list[str]:
    """Lower-cased words, numbers as their digit count ("0000" for 1,200), $ % ? ! € £."""
    found = _TOKEN_RE.findall(text.lower().replace("’", "'"))
    return ["0" * min(len(_DIGIT_RE.findall(t)), 4) if t[0].isdigit() else t for t in found]


@lru_cache(maxsize=65536)
def char_grams(word: str) -> frozenset[str]:
    """The character 2-5-grams of one word padded with a space at both ends."""
    padded = f" {word} "
    lo, hi = CHAR_NGRAMS
    return frozenset(
        padded[i : i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)
    )


def _word_grams(words: list[str]) -> list[str]:
    return list(dict.fromkeys([*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]))


def _char_gram_set(words: list[str]) -> set[str]:
    """The sentence's distinct character n-grams."""
    return set().union(*map(char_grams, dict.fromkeys(words)))


def features(text: str) -> dict[str, float]:
    """The model's input for one sentence: feature name -> value (see module docstring)."""
    words = tokens(text)
    out: dict[str, float] = {}
    for prefix, grams in (
        ("w:", _word_grams(words)),
        ("c:", sorted(_char_gram_set(words))),
    ):
        for gram in grams:
            out[prefix + gram] = 1.0 / math.sqrt(len(grams))
    for signal in rule_signals(text):
        out["r:" + signal] = 1.0
    return out


def _reason_label(name: str) -> str:
    kind, _, key = name.partition(":")
    if kind == "r":
        return key
    return f"phrase '{key}'" if " " in key else f"word '{key}'"


class ModelScorer:
    """Scores with the weights of ``checkworthiness.json`` (or a model dict passed in).

    ``reasons`` are the inputs that moved the log-odds most, signed, in readable form:
    ``"number with unit (+1.0)"``, ``"word 'percent' (+0.8)"`` (a word's own weight plus
    its character n-grams'), ``"question (-1.5)"``.
    """

    def __init__(self, model: dict | None = None) -> None:
        model = load_model() if model is None else model
        if model.get("format") != FORMAT:
            raise ValueError(f"check-worthiness model format {model.get('format')!r} != {FORMAT}")
        self.weights: dict[str, float] = model["weights"]
        self._by_kind: dict[str, dict[str, float]] = {"w": {}, "c": {}, "r": {}}
        for name, weight in self.weights.items():
            kind, _, key = name.partition(":")
            self._by_kind[kind][key] = weight
        self.bias: float = model["bias"]
        self.scale, self.shift = model["calibration"]["a"], model["calibration"]["b"]
        self.threshold: float = model["threshold"]
        self.metadata: dict = model.get("training", {})
        self._char_sum = lru_cache(maxsize=65536)(self._word_char_sum)

    def log_odds(self, text: str) -> tuple[float, dict[str, float]]:
        """The raw linear score, ``bias + Σ weight × features(text)``, and what each readable
        input pushes: a word n-gram or rule signal its own term, a word the sum of its
        character n-grams' terms (an n-gram two words share counts for both here, once in the
        score). Sums over sets use ``math.fsum``, so nothing depends on hash order."""
        words = tokens(text)
        shares: dict[str, float] = {}
        word_weights = self._by_kind["w"]
        grams = _word_grams(words)
        for gram in grams:
            weight = word_weights.get(gram)
            if weight is not None:
                shares[f"w:{gram}"] = weight / math.sqrt(len(grams))
        parts = list(shares.values())
        char_set = _char_gram_set(words)
        if char_set:
            value = 1.0 / math.sqrt(len(char_set))
            parts.append(value * math.fsum(map(self._by_kind["c"].get, char_set, _ZEROS)))
            for word in dict.fromkeys(words):
                pushed = self._char_sum(word) * value
                if pushed:
                    shares[f"w:{word}"] = shares.get(f"w:{word}", 0.0) + pushed
        for signal in rule_signals(text):
            weight = self._by_kind["r"].get(signal)
            if weight is not None:
                shares[f"r:{signal}"] = weight
                parts.append(weight)
        return self.bias + math.fsum(parts), shares

    def _word_char_sum(self, word: str) -> float:
        return math.fsum(map(self._by_kind["c"].get, char_grams(word), _ZEROS))

    def score(self, text: str) -> Score:
        total, contributions = self.log_odds(text)
        z = self.scale * total + self.shift
        probability = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
        top = sorted(contributions.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
        reasons = tuple(
            f"{_reason_label(name)} ({part * self.scale:+.1f})"
            for name, part in top[:REASONS_SHOWN]
            if abs(part * self.scale) >= 0.05
        )
        return Score(round(probability, 4), reasons)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
