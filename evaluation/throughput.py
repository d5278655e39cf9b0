"""Throughput: sentences per second of parse + extract on one core, both scorers side by side.

The input is reproducible and ships with the repository: the seed article
(``seeds/000_575df2c8442f52cd.txt``) parsed and extracted ``ROUNDS`` times per scorer, the two
scorers' rounds interleaved, after a warm-up run that builds the spaCy pipeline. Every clause is
scored and typed (threshold 0). One process, one thread: one core; timed in CPU seconds of this
process (``time.process_time``), so other work on a shared machine does not count against it.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from evaluation.ct24 import ROOT

SEED = ROOT / "seeds" / "000_575df2c8442f52cd.txt"
ROUNDS = 20


def run(out: TextIO) -> dict:
    from claims.parsing import parse_article
    from workers.extract.model import ModelScorer
    from workers.extraction import RuleBasedScorer, extract_claims, split_sentences

    raw = SEED.read_text(encoding="utf-8")
    sentences = len(split_sentences(parse_article(raw).body))
    scorers = {"model": ModelScorer(), "rules": RuleBasedScorer()}
    elapsed = dict.fromkeys(scorers, 0.0)
    for scorer in scorers.values():
        extract_claims(parse_article(raw).body, scorer=scorer)  # warm-up
    for _ in range(ROUNDS):  # interleaved, so both see the same machine load
        for name, scorer in scorers.items():
            started = time.process_time()
            body = parse_article(raw).body
            extract_claims(body, outlet="Radio Habana Cuba", scorer=scorer, threshold=0.0)
            elapsed[name] += time.process_time() - started
    figures = {name: round(sentences * ROUNDS / seconds, 1) for name, seconds in elapsed.items()}
    for name, rate in figures.items():
        print(f"parse + extract, {name} scorer: {rate:,.0f} sentences/s", file=out)
    print(
        f"(the seed article, {sentences} sentences, {ROUNDS} interleaved rounds per scorer, "
        f"one core; model/rules ratio {figures['model'] / figures['rules']:.2f})",
        file=out,
    )
    return figures


if __name__ == "__main__":
    run(sys.stdout)
