"""CT24 check-worthiness (CLEF 2024 CheckThat! Task 1, English): the shipped scorer's P/R/F1.

The data (ClaimBuster debate sentences, CC BY 4.0) is read from ``FACTCHECK_CT24_DIR``, by
default a ``shared/data/checkworthiness/ct24`` folder beside or above the checkout; it is never
copied into the repository. ``dev-test`` is the held-out figure: nothing was tuned on it.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("train", "dev", "dev-test")
_RELATIVE = Path("shared/data/checkworthiness/ct24")
HOW_TO_GET = (
    "CT24 data not found: set FACTCHECK_CT24_DIR to a folder holding "
    "CT24_checkworthy_english_{train,dev,dev-test}.tsv (CLEF 2024 CheckThat! Task 1, English)."
)


def ct24_dir() -> Path | None:
    """The folder holding the CT24 files, or None when it is absent. FACTCHECK_CT24_DIR, when
    set, is the only place looked at."""
    configured = os.environ.get("FACTCHECK_CT24_DIR")
    if configured:
        candidates = [Path(configured)]
    else:
        candidates = [folder / _RELATIVE for folder in (ROOT, *ROOT.parents)]
    return next((c for c in candidates if (c / _file("dev")).is_file()), None)


def _file(split: str) -> str:
    return f"CT24_checkworthy_english_{split}.tsv"


def load(split: str, folder: Path | None = None) -> list[tuple[str, bool]]:
    """(sentence, check-worthy) pairs of one split; malformed lines are skipped."""
    return [(text, label) for _, text, label in load_with_ids(split, folder)]


def load_with_ids(split: str, folder: Path | None = None) -> list[tuple[int, str, bool]]:
    """(sentence id, sentence, check-worthy) of one split. The ids run in debate order (the
    ClaimBuster numbering), so a range of ids is a run of whole debates."""
    folder = folder or ct24_dir()
    if folder is None:
        raise FileNotFoundError(HOW_TO_GET)
    rows: list[tuple[int, str, bool]] = []
    with (folder / _file(split)).open(newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) == 3 and row[2].strip() in {"Yes", "No"} and row[0].strip().isdigit():
                rows.append((int(row[0]), row[1], row[2].strip() == "Yes"))
    return rows


def prf(predicted: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive ("Yes") class."""
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    if tp == 0:
        return 0.0, 0.0, 0.0
    precision, recall = tp / sum(predicted), tp / sum(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def run(out: TextIO) -> dict:
    from workers.extract.model import ModelScorer
    from workers.extraction import RuleBasedScorer

    folder = ct24_dir()
    if folder is None:
        print(HOW_TO_GET, "Skipped.", file=out)
        return {}
    model = ModelScorer()
    rules = RuleBasedScorer()
    systems = {
        f"model (shipped default, threshold {model.threshold:.2f})": (model, model.threshold),
        "rules (threshold 0.50)": (rules, 0.5),
        "all-yes baseline": (None, 0.0),
    }
    figures: dict = {}
    print(f"{'split':<9} {'scorer':<42} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for split in ("dev-test", "dev"):
        rows = load(split, folder)
        gold = [label for _, label in rows]
        for name, (scorer, threshold) in systems.items():
            if scorer is None:
                predicted = [True] * len(rows)
            else:
                predicted = [scorer.score(text).value >= threshold for text, _ in rows]
            p, r, f1 = prf(predicted, gold)
            figures[f"{split} {name.split()[0]}"] = {"precision": p, "recall": r, "f1": f1}
            print(f"{split:<9} {name:<42} {p:6.3f} {r:6.3f} {f1:6.3f}", file=out)
    print(
        f"({len(load('dev-test', folder))} dev-test and {len(load('dev', folder))} dev "
        "sentences; threshold chosen on train debates held out in turn, dev-test never tuned on)",
        file=out,
    )
    return figures
