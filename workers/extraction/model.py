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
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .scoring import Score, rule_signals

MODEL_PATH = Path(__file__).with_name("checkworthiness.json")
FORMAT = 1
CHAR_NGRAMS = (2, 5)
REASONS_SHOWN = 5

_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[$%?!€£]")
_DIGIT_RE = re.compile(r"\d")


def tokens(text: str) -> list[str]:
    """Lower-cased words, numbers as their digit count ("0000" for 1,200), $ % ? ! € £."""
    found = _TOKEN_RE.findall(text.lower().replace("’", "'"))
    return ["0" * min(len(_DIGIT_RE.findall(t)), 4) if t[0].isdigit() else t for t in found]


def _normalised(keys: Iterable[str], prefix: str, out: dict[str, float]) -> None:
    distinct = dict.fromkeys(keys)  # first-seen order, so sums are the same in every process
    if distinct:
        value = 1.0 / math.sqrt(len(distinct))
        for key in distinct:
            out[prefix + key] = value


def features(text: str) -> dict[str, float]:
    """The model's input for one sentence: feature name -> value (see module docstring)."""
    words = tokens(text)
    out: dict[str, float] = {}
    bigrams = [f"{a} {b}" for a, b in itertools.pairwise(words)]
    _normalised([*words, *bigrams], "w:", out)
    lo, hi = CHAR_NGRAMS
    grams = []
    for word in words:
        padded = f" {word} "
        for n in range(lo, hi + 1):
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    _normalised(grams, "c:", out)
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
    ``"figure with unit (+1.2)"``, ``"word 'percent' (+0.8)"`` (a word's own weight plus
    its character n-grams'), ``"question (-1.5)"``.
    """

    def __init__(self, model: dict | None = None) -> None:
        model = load_model() if model is None else model
        if model.get("format") != FORMAT:
            raise ValueError(f"check-worthiness model format {model.get('format')!r} != {FORMAT}")
        self.weights: dict[str, float] = model["weights"]
        self.bias: float = model["bias"]
        self.scale, self.shift = model["calibration"]["a"], model["calibration"]["b"]
        self.threshold: float = model["threshold"]
        self.metadata: dict = model.get("training", {})

    def log_odds(self, text: str) -> tuple[float, dict[str, float]]:
        """The raw linear score and each readable input's share of it."""
        contributions: dict[str, float] = {}
        total = self.bias
        padded_words = {}
        for name, value in features(text).items():
            weight = self.weights.get(name)
            if weight is None:
                continue
            part = weight * value
            total += part
            if name.startswith("c:"):
                gram = name[2:]
                # A character n-gram belongs to the words it occurs in; credit the first.
                if not padded_words:
                    padded_words = {w: f" {w} " for w in tokens(text)}
                owner = next((w for w, p in padded_words.items() if gram in p), None)
                if owner is None:
                    continue
                name = "w:" + owner
            contributions[name] = contributions.get(name, 0.0) + part
        return total, contributions

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
