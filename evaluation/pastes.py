"""Web pastes: what the parser and the extractor make of news pages pasted from a browser.

The fixture set is ``tests/fixtures/pastes/`` (invented pages in the layouts of wire agencies,
broadcasters, newspapers, a state outlet, a local paper, a live blog, an opinion and an analysis
page, a portal, a newsletter, a press release, a fact-check site, a transcript, a magazine long
read and a reader view; see the README there). Each page is parsed as ingest parses it, and its
body goes through ``extract_claims`` with the page's outlet, the default scorer and its default
threshold, as the pipeline runs it when no threshold is configured. Per fixture and overall:

- precision: extracted claims that are expected claims, over claims extracted (a claim that
  contains page furniture counts as false even where it overlaps an expected claim);
- recall: expected claims found (a claim covers at least half of the expected text);
- claimant accuracy: on the expected claims found, the claimant the extractor gave is the one a
  fact-checker expects (a name, the outlet, or "unnamed" for an unnamed source);
- titles right: the parsed title is the page's headline;
- furniture claims: claims containing a furniture string (must be 0).

Run it alone with ``python -m evaluation.pastes``; ``python -m evaluation.pastes --waiting``
prints instead what ``tests/test_pastes.py`` marks as waiting for the scorer and for attribution
(expected claims not found, claimants not right, not-claims extracted), to update those marks when
the scorer or attribution changes; ``--write`` rewrites those lists in the test file itself (after
a merge, or when the scorer or attribution changed).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from claims.parsing import parse_article
from workers.extraction import ClaimCandidate, EntityRef, Score, extract_claims

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pastes"
_MIN_COVER = 0.5  # a claim finds an expected claim when it covers half of its text
UNNAMED = "unnamed"


@dataclass(frozen=True)
class Fixture:
    name: str
    raw: str
    expected: dict

    @property
    def outlet(self) -> str:
        return self.expected["outlet"]


@dataclass
class FixtureResult:
    name: str
    title: str
    title_right: bool
    claims: list[ClaimCandidate]
    true_claims: int = 0  # extracted claims that are expected and carry no furniture
    furniture_claims: list[str] = field(default_factory=list)
    found: dict[str, ClaimCandidate] = field(default_factory=dict)  # expected text -> claim
    claimant_right: dict[str, bool] = field(default_factory=dict)  # expected text -> right?
    expected: int = 0

    @property
    def precision(self) -> float | None:
        return self.true_claims / len(self.claims) if self.claims else None

    @property
    def recall(self) -> float | None:
        return len(self.found) / self.expected if self.expected else None

    @property
    def claimant_accuracy(self) -> float | None:
        if not self.claimant_right:
            return None
        return sum(self.claimant_right.values()) / len(self.claimant_right)


def load_fixtures(folder: Path = FIXTURES) -> list[Fixture]:
    """Every ``NAME.txt`` with its ``NAME.expected.json``, by name."""
    return [
        Fixture(
            name=path.stem,
            raw=path.read_text(encoding="utf-8"),
            expected=json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8")),
        )
        for path in sorted(folder.glob("*.txt"))
    ]


def covers(claim: ClaimCandidate, body: str, text: str) -> bool:
    """Whether ``claim`` covers at least half of the expected ``text`` where it is in ``body``."""
    start = body.find(text)
    while start != -1:
        overlap = min(claim.end, start + len(text)) - max(claim.start, start)
        if overlap >= _MIN_COVER * len(text):
            return True
        start = body.find(text, start + 1)
    return False


def _key(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def claimant_matches(expected: str, got: EntityRef | None) -> bool:
    """Whether the extractor's claimant is the expected one.

    ``"unnamed"`` expects an unnamed-source claimant (a claimant whose kind or name says
    unnamed or anonymous), never a named person. A name matches the claimant's name or one of
    its aliases, case, punctuation and a leading "the" aside, or when one contains the other as
    whole words ("Helen Carver" and "Dr. Helen Carver").
    """
    if got is None:
        return False
    if expected == UNNAMED:
        label = f"{got.kind} {got.name}".casefold()
        return "unnamed" in label or "anonymous" in label
    want = _key(expected)
    for name in (got.name, *got.aliases):
        have = _key(name)
        if have and (have == want or f" {want} " in f" {have} " or f" {have} " in f" {want} "):
            return True
    return False


def evaluate(fixture: Fixture, **options) -> FixtureResult:
    """Parse the page, extract its claims and compare them with what a fact-checker expects.

    ``options`` go to ``extract_claims`` (``threshold``, ``scorer``); by default its own."""
    article = parse_article(fixture.raw)
    body = article.body
    claims = extract_claims(body, outlet=fixture.outlet, **options)
    expected = fixture.expected
    result = FixtureResult(
        name=fixture.name,
        title=article.title,
        title_right=article.title == expected["title"],
        claims=claims,
        expected=len(expected["claims"]),
    )
    for claim in claims:
        furniture = [f for f in expected["furniture"] if f in claim.text]
        if furniture:
            result.furniture_claims.append(claim.text)
            continue
        matched = [e for e in expected["claims"] if covers(claim, body, e["text"])]
        result.true_claims += bool(matched)
        for item in matched:
            result.found.setdefault(item["text"], claim)
    for item in expected["claims"]:
        claim = result.found.get(item["text"])
        if claim is not None:
            result.claimant_right[item["text"]] = claimant_matches(item["claimant"], claim.claimant)
    return result


def _ratio(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def run(out: TextIO) -> dict:
    """Print the section (per fixture, then overall) to ``out`` and return its figures."""
    fixtures = load_fixtures()
    results = [evaluate(f) for f in fixtures]
    out.write(
        f"Web pastes ({len(fixtures)} fixtures in tests/fixtures/pastes; the default scorer and "
        "threshold)\n"
        f"{'fixture':<22}{'claims':>7}{'prec':>7}{'recall':>8}{'claimant':>10}"
        f"{'furniture':>11}  title\n"
    )
    for r in results:
        out.write(
            f"{r.name:<22}{len(r.claims):>7}{_ratio(r.precision):>7}{_ratio(r.recall):>8}"
            f"{_ratio(r.claimant_accuracy):>10}{len(r.furniture_claims):>11}  "
            f"{'right' if r.title_right else 'WRONG: ' + repr(r.title)}\n"
        )
    extracted = sum(len(r.claims) for r in results)
    expected = sum(r.expected for r in results)
    found = sum(len(r.found) for r in results)
    judged = [ok for r in results for ok in r.claimant_right.values()]
    figures = {
        "fixtures": len(results),
        "claims": extracted,
        "precision": sum(r.true_claims for r in results) / extracted if extracted else None,
        "recall": found / expected if expected else None,
        "claimant_accuracy": sum(judged) / len(judged) if judged else None,
        "furniture_claims": sum(len(r.furniture_claims) for r in results),
        "titles_right": sum(r.title_right for r in results),
    }
    out.write(
        f"{'overall':<22}{extracted:>7}{_ratio(figures['precision']):>7}"
        f"{_ratio(figures['recall']):>8}{_ratio(figures['claimant_accuracy']):>10}"
        f"{figures['furniture_claims']:>11}  {figures['titles_right']}/{len(results)} right\n"
    )
    return figures


class EverySentence:
    """A scorer that takes every sentence: attribution judged apart from scoring."""

    def score(self, text: str) -> Score:
        return Score(1.0, ("every sentence",))


def waiting() -> dict[str, dict[str, list[str]]]:
    """By fixture: expected claims not found, expected claims whose claimant is not right (on
    every candidate span, whatever its score), and not-claims extracted."""
    tables: dict[str, dict[str, list[str]]] = {
        "NOT_FOUND_YET": {},
        "CLAIMANT_NOT_YET": {},
        "EXTRACTED_YET": {},
    }
    for fixture in load_fixtures():
        body = parse_article(fixture.raw).body
        found = evaluate(fixture)
        every = extract_claims(body, outlet=fixture.outlet, scorer=EverySentence())
        for item in fixture.expected["claims"]:
            text = item["text"]
            if text not in found.found:
                tables["NOT_FOUND_YET"].setdefault(fixture.name, []).append(text)
            claim = next((c for c in every if covers(c, body, text)), None)
            # As tests/test_pastes.py asserts it: the outlet's own claims are the author's.
            if (
                claim is None
                or not claimant_matches(item["claimant"], claim.claimant)
                or (item["claimant"] == fixture.outlet and claim.attribution != "author")
            ):
                tables["CLAIMANT_NOT_YET"].setdefault(fixture.name, []).append(text)
        for text in fixture.expected["not_claims"]:
            if any(covers(c, body, text) for c in found.claims):
                tables["EXTRACTED_YET"].setdefault(fixture.name, []).append(text)
    return tables


TEST_FILE = Path(__file__).resolve().parent.parent / "tests" / "test_pastes.py"


def format_table(name: str, table: dict[str, list[str]], width: int = 100) -> str:
    """``NAME = {…}`` as the formatter lays it out (a list on one line when it fits)."""
    lines = [f"{name} = {{"]
    for key, texts in sorted(table.items()):
        items = [json.dumps(t, ensure_ascii=False) for t in texts]
        one_line = f"    {json.dumps(key)}: [{', '.join(items)}],"
        if len(one_line) <= width:
            lines.append(one_line)
        else:
            lines.append(f"    {json.dumps(key)}: [")
            lines += [f"        {item}," for item in items]
            lines.append("    ],")
    lines.append("}")
    return "\n".join(lines)


def write_waiting(path: Path = TEST_FILE) -> None:
    """Rewrite the waiting lists in ``tests/test_pastes.py`` from the current output."""
    source = path.read_text(encoding="utf-8")
    for name, table in waiting().items():
        # An empty table is written "{}" on one line; a full one spans several.
        pattern = re.compile(rf"^{name} = \{{(?:\}}|\n.*?^\}})$", re.MULTILINE | re.DOTALL)
        if not pattern.search(source):
            raise SystemExit(f"{path}: no {name} = {{…}} to rewrite")
        source = pattern.sub(lambda _m, n=name, t=table: format_table(n, t), source, count=1)
    path.write_text(source, encoding="utf-8")
    # The project's formatter settles quotes and commas, so the file stays lint-clean.
    subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(path)], check=False)


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        write_waiting()
        print(f"rewrote the waiting lists in {TEST_FILE.relative_to(TEST_FILE.parents[1])}")
    elif "--waiting" in sys.argv[1:]:
        for name, table in waiting().items():
            print(format_table(name, table))
    else:
        run(sys.stdout)
