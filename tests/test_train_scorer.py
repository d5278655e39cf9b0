"""The scorer's training recipe (evaluation/train_scorer.py) on a small made-up corpus: the same
data gives the same weights, and the threshold rule. Skipped without the [train] extra."""

import numpy as np
import pytest

pytest.importorskip("sklearn")

from evaluation.train_scorer import choose_threshold, debate_folds, fit
from workers.extract.model import features

WORTHY = [
    f"Unemployment rose {n} percent in {year}, the highest rate since {year - 20}."
    for n, year in zip(range(2, 40), range(1980, 2018), strict=True)
]
NOT_WORTHY = [
    f"Thank you, {name}, it is good to be here tonight." for name in "ABCDEFGHIJKLMNOPQRST"
]
NOT_WORTHY += [f"What would you do about it, {name}?" for name in "ABCDEFGHIJKLMNOPQR"]


def test_fitting_is_deterministic_and_learns_the_obvious():
    texts = WORTHY + NOT_WORTHY
    labels = np.array([True] * len(WORTHY) + [False] * len(NOT_WORTHY))
    rows = [features(t) for t in texts]
    first, second = fit(rows, labels), fit(rows, labels)
    assert first == second
    weights, _ = first
    assert weights["r:number with unit"] > 0
    assert weights["r:question"] < 0


def test_the_threshold_is_the_best_f1_on_dev_and_ties_go_lower():
    threshold, (precision, recall, f1) = choose_threshold(
        [0.9, 0.8, 0.3, 0.1], [True, True, False, False]
    )
    assert threshold == 0.31 and (precision, recall, f1) == (1.0, 1.0, 1.0)


def test_the_out_of_fold_blocks_are_runs_of_sentence_ids():
    ids = [40, 10, 30, 20, 50, 60, 5, 15, 25, 35]
    blocks = debate_folds(ids, folds=5)
    assert sorted(i for block in blocks for i in block) == list(range(len(ids)))
    runs = [sorted(ids[i] for i in block) for block in blocks]
    assert runs == [[5, 10], [15, 20], [25, 30], [35, 40], [50, 60]]
