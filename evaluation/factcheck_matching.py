"""Matching claims to other desks' fact-checks: precision and recall of the suggestion threshold.

The pairs are ``tests/fixtures/factcheck_pairs/``, written for this purpose (no public data): each
is a claim as our extractor records it (a whole sentence, with its attribution) and a
`claimReviewed` as another desk might word it, marked as the same claim or not. Negatives are
hard on purpose: the same subject with another figure, the opposite direction, another subject
in the same words. ``dev.json`` was written first and the two rules of
``workers/enrich/factchecks.py`` were shaped on it; ``heldout.json`` was written afterwards (see
docs/factchecks.md for what it measured before and after).

A pair is suggested when ``match_factchecks`` keeps it at the threshold: precision is the
suggestions that are the same claim over all suggestions, recall the same-claim pairs suggested.
Run it alone with ``python -m evaluation.factcheck_matching``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from workers.enrich.factchecks import DEFAULT_THRESHOLD, match_factchecks

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "factcheck_pairs"
SPLITS = ("dev", "heldout")
THRESHOLDS = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def load_pairs(split: str) -> list[dict]:
    return json.loads((PAIRS / f"{split}.json").read_text(encoding="utf-8"))


def measure(pairs: list[dict], threshold: float) -> dict:
    """Counts, precision and recall of the suggestions at `threshold`."""
    tp = fp = fn = 0
    for pair in pairs:
        suggested = bool(
            match_factchecks(pair["claim"], [(1, pair["review"])], threshold=threshold)
        )
        tp += suggested and pair["same"]
        fp += suggested and not pair["same"]
        fn += not suggested and pair["same"]
    return {
        "pairs": len(pairs),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
    }


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def run(out: TextIO) -> dict:
    figures: dict = {}
    for split in SPLITS:
        pairs = load_pairs(split)
        same = sum(p["same"] for p in pairs)
        out.write(
            f"Fact-check matching, {split} ({len(pairs)} pairs: {same} same claim, "
            f"{len(pairs) - same} not)\n{'threshold':<11}{'suggested':>10}{'false':>7}"
            f"{'precision':>11}{'recall':>8}\n"
        )
        figures[split] = {}
        for threshold in THRESHOLDS:
            m = measure(pairs, threshold)
            figures[split][threshold] = m
            mark = "  (default)" if threshold == DEFAULT_THRESHOLD else ""
            out.write(
                f"{threshold:<11}{m['tp'] + m['fp']:>10}{m['fp']:>7}{_ratio(m['precision']):>11}"
                f"{_ratio(m['recall']):>8}{mark}\n"
            )
    return figures


if __name__ == "__main__":
    run(sys.stdout)
