"""PolNeAR attribution: the extractor's claimants and its recall on real US news (dev split).

PolNeAR (github.com/networkdynamics/PolNeAR; Newell, Margolin & Ruths, LREC 2018) annotates every
attribution of 1,008 political news articles as source / cue / content. It is read at run time
from ``FACTCHECK_POLNEAR_DIR`` (the fetched bare git directory, or a folder holding ``data/``)
and never copied into the repository; only the train and dev splits are ever read (test stays
unseen). Each article goes through ``parse_article`` and ``extract_claims`` as ingest runs them
(outlet: the publisher; threshold: ``FACTCHECK_CHECKWORTHINESS_THRESHOLD`` when set, else the
shipped scorer's own default, as the service runs), the
body is aligned back onto the raw text (non-whitespace characters; a greedy walk that
resynchronises on the next 12 characters) and:

- **attributed-content recall**: of the gold contents that carry a figure or a comparison
  (``polnear_gold.is_figure_content``), the share of which one claim covers at least half;
- **claimant accuracy**: a claim is paired with the gold attribution whose content it overlaps
  most, when that content is at least half of the claim once the attribution's own source and
  cue are set aside; on paired claims whose source is a name, a description or a resolved
  pronoun, the share whose claimant matches it (``polnear_gold.claimant_matches``; a source
  that is only a title, "the spokesman", "The candidate", matches the claimant that gives the
  same words: titles and determiners are otherwise set aside, which left such a source matching
  nothing, not even the sentence's own words). Outcomes:
  match, wrong (another claimant), none (no claimant), outlet (the extractor saw no attribution).
  A title description ("the senator", "the Ohio governor") is also matched by the nearest
  earlier gold source with a name carrying that title and its other words ("Ohio Gov. Jo
  Roe"): resolving a description to the person it stands for is right for an editor.

``python -m evaluation.polnear [train|dev] [--limit N] [--besides M[,M2…]] [--examples K]`` runs
it alone: N articles spread evenly over the split (all without it); ``--besides M`` first sets
aside the M articles ``--limit M`` would take, so rules developed on one sample are checked on
others; ``--besides 200,400`` sets aside those 200, then the 400 ``--besides 200 --limit 400``
takes (each round of development gets articles no earlier round read); K prints claimant errors
(train and dev only).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from evaluation.polnear_gold import (
    GoldAttribution,
    Spans,
    claimant_matches,
    classify_sources,
    is_figure_content,
    parse_brat,
)

SPLITS = ("train", "dev")  # never test
HOW_TO_GET = (
    "PolNeAR not found: git clone https://github.com/networkdynamics/PolNeAR (outside the "
    "repository) and set FACTCHECK_POLNEAR_DIR to the clone (or to a bare git copy)."
)
OUTLETS = {
    "breitbart": "Breitbart News",
    "huff-post": "The Huffington Post",
    "nyt": "The New York Times",
    "politico": "Politico",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journalism",
    "usa-today": "USA Today",
}


def read_split(location: Path, split: str) -> dict[str, str]:
    """{path: text} for the split's text/ and attributions/ files and data/metadata.tsv."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: only {SPLITS} are read")
    if (location / "HEAD").is_file() and (location / "objects").is_dir():
        return _read_bare(location, split)
    data = next((d for d in (location / "data", location) if (d / split / "text").is_dir()), None)
    if data is None:
        raise FileNotFoundError(f"{location}: no data/{split}/text")
    files = {}
    for sub in ("text", "attributions"):
        for path in sorted((data / split / sub).iterdir()):
            files[f"{sub}/{path.name}"] = path.read_bytes().decode("utf-8")
    meta = data / "metadata.tsv"
    files["metadata.tsv"] = meta.read_text(encoding="utf-8") if meta.is_file() else ""
    return files


def _read_bare(git_dir: Path, split: str) -> dict[str, str]:
    listing = subprocess.run(
        ["git", "-C", str(git_dir), "ls-tree", "-r", "--name-only", "HEAD", "--",
         f"data/{split}/text", f"data/{split}/attributions", "data/metadata.tsv"],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    names = [n for n in listing if n.endswith((".txt", ".ann", ".tsv"))]
    batch = subprocess.run(
        ["git", "-C", str(git_dir), "cat-file", "--batch"],
        input="".join(f"HEAD:{n}\n" for n in names).encode(),
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    files, at = {}, 0
    for name in names:
        header_end = batch.index(b"\n", at)
        size = int(batch[at:header_end].split()[2])
        blob = batch[header_end + 1 : header_end + 1 + size]
        at = header_end + 2 + size
        key = name.removeprefix(f"data/{split}/").removeprefix("data/")
        files[key] = blob.decode("utf-8")
    return files


def articles(files: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(stem, raw text, .ann of the first annotator, outlet) in sorted order."""
    publisher = {}
    rows = [line.split("\t") for line in files.get("metadata.tsv", "").splitlines()]
    if rows:
        column = {name: k for k, name in enumerate(rows[0])}
        for row in rows[1:]:
            if len(row) == len(rows[0]):
                publisher[row[column["filename"]]] = row[column["publisher"]]
    found = []
    for key in sorted(files):
        if not (key.startswith("text/") and key.endswith(".txt")):
            continue
        stem = key[5:-4]
        anns = sorted(
            k
            for k in files
            if re.fullmatch(rf"attributions/{re.escape(stem)}(_[0-9a-f]{{4}})?\.ann", k)
        )
        if anns:
            name = publisher.get(stem) or stem.split("_", 1)[0]
            found.append((stem, files[key], files[anns[0]], OUTLETS.get(name, name)))
    return found


def align(raw: str, body: str, key: int = 12) -> list[int]:
    """For each character of ``body``, the raw offset it came from (-1: whitespace, unmatched)."""
    raw_at = [k for k, ch in enumerate(raw) if not ch.isspace()]
    body_at = [k for k, ch in enumerate(body) if not ch.isspace()]
    r = "".join(raw[k] for k in raw_at)
    b = "".join(body[k] for k in body_at)
    out = [-1] * len(body)
    i = j = 0
    while i < len(r) and j < len(b):
        if r[i] == b[j]:
            out[body_at[j]] = raw_at[i]
            i, j = i + 1, j + 1
            continue
        jump = None
        for skip in range(4):
            probe = b[j + skip : j + skip + key]
            found = r.find(probe, i) if probe else -1
            if found >= 0 and (jump is None or found - i + skip < jump[0]):
                jump = (found - i + skip, found, j + skip)
        if jump is None:
            j += 1
        else:
            _, i, j = jump
    return out


class Chars:
    """Counts of non-whitespace raw characters over spans."""

    def __init__(self, raw: str):
        self.prefix = [0]
        for ch in raw:
            self.prefix.append(self.prefix[-1] + (not ch.isspace()))

    def count(self, start: int, end: int) -> int:
        return self.prefix[end] - self.prefix[start] if end > start else 0

    def overlap(self, span: tuple[int, int], spans: Spans) -> int:
        return sum(self.count(max(span[0], a), min(span[1], b)) for a, b in spans)


@dataclass
class Tally:
    articles: int = 0
    claims: int = 0
    figure_contents: int = 0
    figure_hits: int = 0
    outcomes: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)

    def figures(self) -> dict:
        scored = sum(self.outcomes.values())
        return {
            "articles": self.articles,
            "claims": self.claims,
            "figure_contents": self.figure_contents,
            "content_recall": self.figure_hits / self.figure_contents
            if self.figure_contents
            else None,
            "claimant_scored": scored,
            "claimant_accuracy": self.outcomes["match"] / scored if scored else None,
            "outcomes": dict(self.outcomes),
        }


def outcome(claim, gold: GoldAttribution) -> str | None:
    if gold.source is None or gold.source_kind not in ("named", "pronoun_resolved"):
        return None
    if claim.attribution == "author":
        return "outlet"
    if claim.claimant is None:
        return "none"
    names = [claim.claimant.name, *claim.claimant.aliases]
    if claimant_matches(gold.resolved, names):
        return "match"
    return "match" if gold.antecedent and claimant_matches(gold.antecedent, names) else "wrong"


def score_article(
    stem: str, raw: str, ann: str, outlet: str, threshold: float, tally: Tally
) -> None:
    from claims.parsing import ArticleTextError, parse_article
    from workers.extraction import extract_claims

    gold = parse_brat(ann, raw)
    classify_sources(gold)
    try:
        body = parse_article(raw).body
    except ArticleTextError:
        return
    claims = extract_claims(body, outlet=outlet, threshold=threshold)
    tally.articles += 1
    tally.claims += len(claims)
    to_raw = align(raw, body)
    chars = Chars(raw)
    spans = []
    for c in claims:
        mapped = [to_raw[k] for k in range(c.start, c.end) if to_raw[k] >= 0]
        spans.append((mapped[0], mapped[-1] + 1) if mapped else (0, 0))
    for g in gold:
        size = chars.overlap((0, len(raw)), g.content)
        if size and is_figure_content(g.content_text):
            tally.figure_contents += 1
            tally.figure_hits += any(chars.overlap(sp, g.content) >= 0.5 * size for sp in spans)
    for claim, span in zip(claims, spans, strict=True):
        best: tuple[int, GoldAttribution] | None = None
        for g in gold:
            shared = chars.overlap(span, g.content)
            frame = chars.overlap(span, g.source or []) + chars.overlap(span, g.cue)
            own = shared and shared >= 0.5 * max(chars.count(*span) - frame, 1)
            if own and (best is None or shared > best[0]):
                best = (shared, g)
        kind = outcome(claim, best[1]) if best else None
        if kind is None:
            continue
        tally.outcomes[kind] += 1
        if kind != "match":
            got = claim.claimant.name if claim.claimant else None
            tally.errors.append((kind, stem, got, claim.attribution, best[1].resolved, claim.text))


def threshold() -> float:
    """The threshold ingest uses: the setting's when set, else the default scorer's own."""
    from workers.extraction import DEFAULT_SCORER, get_scorer

    configured = os.environ.get("FACTCHECK_CHECKWORTHINESS_THRESHOLD", "").strip()
    return (
        float(configured) if configured else getattr(get_scorer(DEFAULT_SCORER), "threshold", 0.5)
    )


def spread(items: Sequence, limit: int | None) -> list:
    """``limit`` items spread evenly over ``items`` (all of them without a limit)."""
    if not limit or limit >= len(items):
        return list(items)
    return [items[k * len(items) // limit] for k in range(limit)]


def sample(
    items: list, limit: int | None = None, besides: int | Sequence[int] | None = None
) -> list:
    """The evaluation's articles: ``limit`` spread over what is left once ``spread(items, besides)``
    is set aside; a sequence of sizes sets aside each in turn from what the previous left."""
    for size in [besides] if isinstance(besides, int) else besides or ():
        aside = set(spread(range(len(items)), size))
        items = [item for k, item in enumerate(items) if k not in aside]
    return spread(items, limit)


def measure(
    location: Path,
    split: str = "dev",
    limit: int | None = None,
    besides: int | Sequence[int] | None = None,
) -> Tally:
    cut = threshold()
    items = sample(articles(read_split(location, split)), limit, besides)
    tally = Tally()
    for stem, raw, ann, outlet in items:
        score_article(stem, raw, ann, outlet, cut, tally)
    return tally


def run(out: TextIO, split: str = "dev", limit: int | None = None) -> dict:
    configured = os.environ.get("FACTCHECK_POLNEAR_DIR")
    if not configured or not Path(configured).exists():
        print(HOW_TO_GET, "Skipped.", file=out)
        return {}
    figures = measure(Path(configured), split, limit).figures()
    print(
        f"PolNeAR {split} ({figures['articles']} articles, {figures['claims']} claims, "
        f"threshold {threshold():.2f}): "
        f"claimant accuracy {figures['claimant_accuracy']:.3f} (n={figures['claimant_scored']}, "
        f"{figures['outcomes']}); figure/comparison content recall "
        f"{figures['content_recall']:.3f} (n={figures['figure_contents']})",
        file=out,
    )
    return figures


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="PolNeAR claimant accuracy and content recall")
    parser.add_argument("split", nargs="?", default="dev", choices=SPLITS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--besides", type=lambda text: [int(size) for size in text.split(",")], default=None
    )
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args(argv)
    configured = os.environ.get("FACTCHECK_POLNEAR_DIR")
    if not configured:
        sys.exit(HOW_TO_GET)
    tally = measure(Path(configured), args.split, args.limit, args.besides)
    errors = tally.errors
    for k in range(min(args.examples, len(errors))):
        kind, stem, got, attribution, gold, text = errors[k * len(errors) // args.examples]
        print(f"[{kind}] {stem}: {got!r} ({attribution}) | gold {gold!r} | {text[:160]!r}")
    print(tally.figures())


if __name__ == "__main__":
    main(sys.argv[1:])
