"""The ``polnear`` evaluation section on a tiny invented article in PolNeAR's brat layout."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from evaluation import polnear
from evaluation.polnear_gold import (
    GoldAttribution,
    claimant_matches,
    classify_sources,
    is_figure_content,
    parse_brat,
)

FIXTURE = Path(__file__).parent / "fixtures" / "polnear"
STEM = "daily-planet_2024-01-01_buses"


def _gold():
    raw = (FIXTURE / "data/dev/text" / f"{STEM}.txt").read_text()
    ann = (FIXTURE / "data/dev/attributions" / f"{STEM}_ab12.ann").read_text()
    return raw, parse_brat(ann, raw)


def test_brat_attributions_are_read_and_pronoun_sources_resolved():
    _raw, gold = _gold()
    assert [g.source_text for g in gold] == ["Mayor Jane Roe", "she", "Officials"]
    classify_sources(gold)
    assert [(g.source_kind, g.resolved) for g in gold] == [
        ("named", "Mayor Jane Roe"),
        ("pronoun_resolved", "Mayor Jane Roe"),
        ("named", "Officials"),
    ]
    assert all(is_figure_content(g.content_text) for g in gold)
    assert not is_figure_content("the council met on Tuesday")


@pytest.mark.parametrize(
    ("gold", "names", "match"),
    [
        ("Mayor Jane Roe", ["Jane Roe"], True),
        ("Jane Roe, the mayor of the city,", ["Roe"], True),
        ("Officials", ["officials"], True),
        ("Republican voters in Ohio", ["Republican"], False),
        ("Jane Roe", ["John Smith"], False),
        # A source that is only a title matches the same words, and nothing else.
        ("the spokesman", ["spokesman"], True),
        ("The candidate", ["candidate"], True),
        ("The candidate", ["spokesman"], False),
        ("the spokesman", ["The Daily Planet"], False),
        # A description a name follows in apposition is that name (or the description).
        ("another friend, Jo Roe", ["Jo Roe"], True),
        ("her lawyer, Al Doe,", ["Al Doe"], True),
        ("her lawyer, Al Doe,", ["Jo Roe"], False),
        ("Jo Roe's lawyer, Al Doe,", ["Al Doe"], True),
        ("Jane Roe, a lawyer", ["lawyer"], False),
        # A restrictive relative clause is set aside like an appositive.
        ("a former official who oversaw the inquiry", ["former official"], True),
        ("officials who spoke on condition of anonymity", ["Jane Roe"], False),
    ],
)
def test_claimant_matching(gold, names, match):
    assert claimant_matches(gold, names) is match


def test_a_title_description_is_also_scored_against_the_person_it_stands_for():
    raw = "Sen. Jo Roe (R-Ohio) spoke. Al Doe spoke. The senator said so. The mayor said so."
    gold = [
        GoldAttribution(content=[(0, 1)], source=[(0, 10)], source_text="Sen. Jo Roe"),
        GoldAttribution(content=[(0, 1)], source=[(30, 36)], source_text="Al Doe"),
        GoldAttribution(content=[(0, 1)], source=[(44, 55)], source_text="The senator"),
        GoldAttribution(content=[(0, 1)], source=[(64, 73)], source_text="The mayor"),
    ]
    classify_sources(gold)
    assert [g.antecedent for g in gold] == ["", "", "Sen. Jo Roe", ""]
    assert raw  # the offsets above only order the sources


def test_dev_figures_from_a_folder(monkeypatch):
    monkeypatch.setenv("FACTCHECK_POLNEAR_DIR", str(FIXTURE))
    out = io.StringIO()
    figures = polnear.run(out)
    assert figures["articles"] == 1
    assert figures["figure_contents"] == 3
    assert figures["content_recall"] == 1.0
    assert figures["claimant_scored"] == 3
    assert figures["claimant_accuracy"] == 1.0
    assert "claimant accuracy 1.000 (n=3" in out.getvalue()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to build a bare copy")
def test_a_bare_git_copy_reads_the_same(tmp_path, monkeypatch):
    work = tmp_path / "work"
    shutil.copytree(FIXTURE, work)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", str(work)], check=True)
    subprocess.run([*git, "-C", str(work), "add", "."], check=True)
    subprocess.run([*git, "-C", str(work), "commit", "-qm", "fixture"], check=True)
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(tmp_path / "bare")], check=True)
    assert polnear.read_split(tmp_path / "bare", "dev") == polnear.read_split(FIXTURE, "dev")


def test_without_a_copy_it_says_how_to_get_one(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_POLNEAR_DIR", str(tmp_path / "absent"))
    out = io.StringIO()
    assert polnear.run(out) == {}
    assert "git clone https://github.com/networkdynamics/PolNeAR" in out.getvalue()


def test_the_test_split_is_never_read():
    with pytest.raises(ValueError, match="only"):
        polnear.read_split(FIXTURE, "test")


def test_a_sample_besides_another_shares_no_article():
    items = [f"article-{k}" for k in range(1000)]
    first = polnear.sample(items, 200)
    others = polnear.sample(items, 400, besides=200)
    assert len(first) == 200 and len(others) == 400
    assert not set(first) & set(others)
    assert polnear.sample(items, besides=200) == [i for i in items if i not in set(first)]
    assert polnear.sample(items) == items


def test_a_sample_besides_two_earlier_ones_shares_no_article_with_either():
    items = [f"article-{k}" for k in range(840)]
    first = polnear.sample(items, 200)
    second = polnear.sample(items, 400, besides=200)
    third = polnear.sample(items, besides=[200, 400])
    assert len(third) == 240
    assert not set(third) & (set(first) | set(second))
    assert polnear.sample(items, 100, besides=[200, 400]) == polnear.spread(third, 100)


def test_besides_takes_a_comma_list_on_the_command_line(monkeypatch):
    seen = {}
    monkeypatch.setenv("FACTCHECK_POLNEAR_DIR", "/nonexistent")

    def fake_measure(location, split, limit, besides):
        seen.update(split=split, limit=limit, besides=besides)
        return polnear.Tally()

    monkeypatch.setattr(polnear, "measure", fake_measure)
    polnear.main(["train", "--besides", "200,400", "--limit", "50"])
    assert seen == {"split": "train", "limit": 50, "besides": [200, 400]}
