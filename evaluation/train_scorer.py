"""Train the check-worthiness model: ``python -m evaluation.train_scorer`` (``make train-scorer``).

Needs the ``[train]`` extra (scikit-learn, never imported by the service) and the CT24 data
(see ``evaluation.ct24``). Writes ``workers/extract/checkworthiness.json``; the same data
gives the same file, byte for byte. The recipe (each choice made on dev and on a late block of
train, never on dev-test; docs/checkworthiness-model.md has the log):

1. ``workers.extract.model.features`` of every train sentence; n-grams seen in fewer than
   ``MIN_DF`` train sentences are dropped.
2. Two L2-regularised logistic regressions (liblinear, ``C``): one on the features, one on the
   features scaled by their log-count ratio between Yes and No sentences (NB-LR, Wang & Manning
   2012). Both are linear in the same features, so their average is one weight per feature.
3. Weights smaller than ``PRUNE`` are dropped (the feature norms do not depend on them).
4. Calibration: Platt scaling fitted on out-of-fold log-odds of train, the folds being
   ``FOLDS`` runs of whole debates (train sorted by sentence id, which follows the debates,
   cut into ``FOLDS`` contiguous blocks; steps 1-3 per fold, each fold scored by the
   pure-Python scorer the service uses). Each held-out block is debates the fold's model never
   saw, as the service's articles are.
5. Threshold: the one in 0.05..0.95 (step 0.01) with the best F1 on those out-of-fold
   probabilities; ties go to the lower. Not on dev: dev is a random sample of train's own
   debates (the same speakers, topics and repeated lines), so its scores are more confident
   than on new debates and its best threshold is too high for them
   (docs/checkworthiness-model.md has the figures). Dev still chooses the recipe and is
   reported at the shipped threshold.
"""

from __future__ import annotations

import hashlib
import json
import sys

import numpy as np
import sklearn
from scipy.sparse import diags
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from evaluation.ct24 import HOW_TO_GET, ct24_dir, load, load_with_ids, prf
from workers.extract.model import FORMAT, MODEL_PATH, ModelScorer, features

SEED = 0
C = 4.0
MIN_DF = 2
PRUNE = 0.05
FOLDS = 5


def fit(rows: list[dict[str, float]], labels: np.ndarray) -> tuple[dict[str, float], float]:
    """Steps 1-3: averaged LR + NB-LR weights by feature name, and the bias."""
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows).tocsc()
    keep = np.flatnonzero(np.asarray((x > 0).sum(axis=0)).ravel() >= MIN_DF)
    x = x[:, keep]
    names = vectorizer.get_feature_names_out()[keep]
    present = (x > 0).astype(float)
    yes = np.asarray(present[labels].sum(axis=0)).ravel() + 1.0
    no = np.asarray(present[~labels].sum(axis=0)).ravel() + 1.0
    ratio = np.log((yes / yes.sum()) / (no / no.sum()))

    def logistic() -> LogisticRegression:
        return LogisticRegression(C=C, solver="liblinear", max_iter=5000, random_state=SEED)

    plain = logistic().fit(x, labels)
    scaled = logistic().fit(x @ diags(ratio), labels)
    weights = (plain.coef_[0] + scaled.coef_[0] * ratio) / 2
    bias = (plain.intercept_[0] + scaled.intercept_[0]) / 2
    kept = {
        str(name): round(float(w), 4)
        for name, w in zip(names, weights, strict=True)
        if abs(w) >= PRUNE
    }
    return kept, round(float(bias), 4)


def _model(weights: dict[str, float], bias: float, a=1.0, b=0.0, threshold=0.5) -> dict:
    return {
        "format": FORMAT,
        "weights": weights,
        "bias": bias,
        "calibration": {"a": a, "b": b},
        "threshold": threshold,
    }


def debate_folds(ids: list[int], folds: int = FOLDS) -> list[np.ndarray]:
    """Row indices cut into ``folds`` contiguous runs of sentence ids (runs of debates)."""
    return np.array_split(np.argsort(np.asarray(ids), kind="stable"), folds)


def out_of_fold(ids, texts, rows, labels) -> np.ndarray:
    """Log-odds of every train sentence from a model fitted on the other debate blocks."""
    scores = np.zeros(len(texts))
    for number, held in enumerate(debate_folds(ids), 1):
        print(f"out-of-fold block {number}/{FOLDS}", flush=True)
        train = np.setdiff1d(np.arange(len(texts)), held)
        scorer = ModelScorer(_model(*fit([rows[i] for i in train], labels[train])))
        scores[held] = [scorer.log_odds(texts[i])[0] for i in held]
    return scores


def calibrate(log_odds: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Step 4: Platt scaling (a, b) of out-of-fold log-odds."""
    platt = LogisticRegression(C=1e6, solver="lbfgs").fit(log_odds.reshape(-1, 1), labels)
    return round(float(platt.coef_[0][0]), 4), round(float(platt.intercept_[0]), 4)


def choose_threshold(probabilities: list[float], gold: list[bool]) -> tuple[float, tuple]:
    """Step 5: the best-F1 threshold, with its (precision, recall, F1)."""
    best = None
    for step in range(5, 96):
        threshold = step / 100
        figures = prf([p >= threshold for p in probabilities], gold)
        if best is None or figures[2] > best[1][2]:
            best = (threshold, figures)
    return best


def _rounded(figures) -> list[float]:
    return [round(float(x), 4) for x in figures]


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    folder = ct24_dir()
    if folder is None:
        print(HOW_TO_GET, file=sys.stderr)
        return 1
    train, dev = load_with_ids("train", folder), load("dev", folder)
    ids = [sentence_id for sentence_id, _, _ in train]
    texts = [text for _, text, _ in train]
    labels = np.array([label for _, _, label in train])
    print(f"featurising {len(texts)} train sentences", flush=True)
    rows = [features(text) for text in texts]
    held_out = out_of_fold(ids, texts, rows, labels)
    a, b = calibrate(held_out, labels)
    probabilities = 1.0 / (1.0 + np.exp(-(a * held_out + b)))
    threshold, held_figures = choose_threshold(probabilities.tolist(), labels.tolist())
    print("fitting the final model on all of train", flush=True)
    weights, bias = fit(rows, labels)
    scorer = ModelScorer(_model(weights, bias, a, b))
    gold = [label for _, label in dev]
    dev_scores = [scorer.score(text).value for text, _ in dev]
    precision, recall, f1 = prf([p >= threshold for p in dev_scores], gold)
    dev_best, _ = choose_threshold(dev_scores, gold)
    model = _model(weights, bias, a, b, threshold)
    model["training"] = {
        "command": "python -m evaluation.train_scorer",
        "data": {
            split: {
                "file": f"CT24_checkworthy_english_{split}.tsv",
                "sha256": _sha256(folder / f"CT24_checkworthy_english_{split}.tsv"),
                "sentences": len(data),
                "yes": sum(label for _, label in data),
            }
            for split, data in (("train", [row[1:] for row in train]), ("dev", dev))
        },
        "recipe": {"C": C, "min_df": MIN_DF, "prune": PRUNE, "folds": FOLDS, "seed": SEED},
        "scikit_learn": sklearn.__version__,
        "calibration": f"Platt scaling on out-of-fold log-odds of {FOLDS} debate blocks of train",
        "threshold": f"best F1 on out-of-fold probabilities of {FOLDS} debate blocks of train",
        "train_out_of_fold": dict(
            zip(("precision", "recall", "f1"), _rounded(held_figures), strict=True)
        ),
        "dev": dict(
            zip(("precision", "recall", "f1"), _rounded((precision, recall, f1)), strict=True)
        ),
        "dev_best_threshold": dev_best,
        "weights": len(weights),
    }
    MODEL_PATH.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB, {len(weights)} weights); "
        f"threshold {threshold:.2f} (train out-of-fold F1 {held_figures[2]:.3f}); dev at it: "
        f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} (dev's own best threshold {dev_best:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
