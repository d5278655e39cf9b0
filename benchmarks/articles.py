"""Distinct articles for the pipeline benchmarks: CT24 train sentences when FACTCHECK_CT24_DIR is
set (read from there, never shipped), otherwise generated news prose, reproducible (seeded), with
figures, dates, named speakers and plain narrative mixed as in wire copy."""

from __future__ import annotations

import os
import random
from pathlib import Path

SPEAKERS = [
    "The finance minister",
    "Senator Maria Lopez",
    "The World Bank",
    "A government spokesperson",
    "Opposition leader Tom Hardy",
    "Economists at the central bank",
    "The health ministry",
    "Police chief Anna Berg",
    "Governor Paul Mensah",
    "The national statistics office",
]
PLACES = ["Kenya", "Ohio", "Lisbon", "the northern region", "Quebec", "Manila", "Chile", "Bavaria"]
THINGS = ["unemployment", "inflation", "crime", "poverty", "literacy", "obesity", "emissions"]
CLAIMS = [
    "{s} said {thing} fell to {pct} percent in {year}.",
    "{s} claimed that {n:,} people were displaced in {place} last year.",
    "According to {s}, exports to {place} rose by {pct} percent since {month}.",
    "{place} now has the highest {thing} rate in the country, {s} said on {day}.",
    "{s} announced a ${m} million plan to cut {thing} by {year}.",
    '"We have created {n:,} jobs in {place} since {month}," {s} told reporters.',
    "{s} said the number of {thing} cases doubled between {year} and {year2}.",
    "Spending on {thing} programmes in {place} reached ${m} million in {year}, {s} said.",
]
NARRATIVE = [
    "The meeting in {place} lasted about two hours.",
    "Reporters gathered outside the building on {day}.",
    "{s} did not respond to a request for comment.",
    "The debate continued late into the evening.",
    "Several protesters waited at the gates of the ministry in {place}.",
    "The full report is expected to be published in {month}.",
    "Officials in {place} met again on {day} to discuss the budget.",
    "{s} arrived in {place} on {day} for a two-day visit.",
    "The hearing was adjourned until {month}.",
    "Local residents in {place} described a tense atmosphere.",
    "Talks between the two sides are expected to resume on {day}.",
    "{s} spoke for about twenty minutes.",
]
# About a third of news sentences are claims worth checking (issue 9's corpus: 360 of 1,174).
CLAIM_SHARE = 0.35
MONTHS = ["January", "March", "May", "July", "September", "November"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _sentence(rng: random.Random, templates: list[str]) -> str:
    year = rng.randint(2005, 2024)
    return rng.choice(templates).format(
        s=rng.choice(SPEAKERS),
        place=rng.choice(PLACES),
        thing=rng.choice(THINGS),
        pct=round(rng.uniform(1, 40), 1),
        n=rng.randint(1_000, 900_000),
        m=rng.randint(5, 900),
        year=year,
        year2=year + rng.randint(1, 6),
        month=rng.choice(MONTHS),
        day=rng.choice(DAYS),
    )


def _ct24_sentences() -> list[str] | None:
    folder = os.environ.get("FACTCHECK_CT24_DIR")
    path = Path(folder or "") / "CT24_checkworthy_english_train.tsv"
    if not folder or not path.is_file():
        return None
    from evaluation.ct24 import load

    return [text for text, _ in load("train", Path(folder)) if len(text) > 30]


def articles(count: int, sentences: int, *, seed: int = 9) -> tuple[str, list[str]]:
    """`count` distinct article bodies of `sentences` sentences each, in paragraphs of four;
    and where they came from ("CT24 train" or "generated")."""
    rng = random.Random(seed)
    pool = _ct24_sentences()
    bodies = []
    for n in range(count):
        if pool:
            start = (n * sentences) % max(len(pool) - sentences, 1)
            lines = pool[start : start + sentences]
        else:
            lines = [
                _sentence(rng, CLAIMS if rng.random() < CLAIM_SHARE else NARRATIVE)
                for _ in range(sentences)
            ]
        paragraphs = [" ".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]
        bodies.append("\n\n".join(paragraphs))
    return ("CT24 train" if pool else "generated"), bodies
