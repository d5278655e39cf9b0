"""Throughput: sentences per second of parse + extract on one core, both scorers side by side.

The input is reproducible and ships with the repository: the seed article
(``seeds/000_575df2c8442f52cd.txt``) parsed and extracted ``ROUNDS`` times per scorer, after one
warm-up run that builds the spaCy pipeline. One process, one thread: one core.
"""

from __future__ import annotations

import time
from typing import TextIO

from evaluation.ct24 import ROOT

SEED = ROOT / "seeds" / "000_575df2c8442f52cd.txt"
ROUNDS = 20


def run(out: TextIO) -> dict:
    from claims.parsing import parse_article
    from workers.extraction import RuleBasedScorer, extract_claims, split_sentences
    from workers.extraction.model import ModelScorer

    raw = SEED.read_text(encoding="utf-8")
    parsed = parse_article(raw)
    sentences = len(split_sentences(parsed.body))
    figures: dict = {}
    for name, scorer in (("model", ModelScorer()), ("rules", RuleBasedScorer())):
        extract_claims(parsed.body, scorer=scorer)  # warm-up
        started = time.perf_counter()
        for _ in range(ROUNDS):
            body = parse_article(raw).body
            extract_claims(body, outlet="Radio Habana Cuba", scorer=scorer, threshold=0.0)
        rate = sentences * ROUNDS / (time.perf_counter() - started)
        figures[name] = round(rate, 1)
        print(f"parse + extract, {name} scorer: {rate:,.0f} sentences/s", file=out)
    print(
        f"(the seed article, {sentences} sentences, {ROUNDS} rounds per scorer, one core; "
        f"model/rules ratio {figures['model'] / figures['rules']:.2f})",
        file=out,
    )
    return figures
