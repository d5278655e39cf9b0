"""Matching claims to other desks' fact-checks (pure): the default threshold's precision on the
pair sets, and the two rules fuzzy ratios cannot see."""

import pytest

from evaluation.factcheck_matching import SPLITS, load_pairs, measure
from workers.enrich.factchecks import (
    DEFAULT_THRESHOLD,
    directions_agree,
    figures,
    figures_agree,
    match_factchecks,
)


@pytest.mark.parametrize("split", SPLITS)
def test_the_default_threshold_suggests_with_precision_of_at_least_0_9(split):
    m = measure(load_pairs(split), DEFAULT_THRESHOLD)
    assert m["tp"] + m["fp"] > 0
    assert m["precision"] >= 0.9


def test_a_lower_threshold_would_flood():
    # What the default protects from: at 0.75 the held-out pairs' precision falls below 0.8.
    assert measure(load_pairs("heldout"), 0.75)["precision"] < 0.8


def test_figures_are_read_as_written():
    assert figures("more than 450,000 in 2024, 2.5% and 1.200.000") == {
        "450000",
        "2024",
        "2.5",
        "1200000",
    }


def test_a_different_figure_is_a_different_claim():
    assert not figures_agree("killed more than 450,000", "killed more than 45,000")
    assert not figures_agree("300,000 homes since 2019", "200,000 homes since 2019")
    assert figures_agree("450,000 killed in Mexico since 2006", "450,000 killed in Mexico")
    assert figures_agree("nearly two decades of violence", "450,000 killed")  # no figure: no rule


def test_the_opposite_direction_is_a_different_claim():
    assert not directions_agree("Violent crime rose by 20 percent", "Violent crime fell 20%")
    assert not directions_agree("the largest class sizes", "the smallest class sizes")
    assert directions_agree("crime fell by 20 percent", "crime dropped 20%")
    assert directions_agree("crime rose, then fell", "crime fell")


def test_matches_are_ranked_and_filtered():
    claim = "The mayor said violent crime in the city dropped by 20 percent in 2023."
    candidates = [
        (1, "Violent crime in the city dropped by 20 percent in 2023."),
        (2, "Violent crime in the city rose by 20 percent in 2023."),
        (3, "Violent crime in the city dropped by 12 percent in 2023."),
        (4, "Teacher pay is the lowest in 30 years."),
    ]
    assert [cid for cid, _ in match_factchecks(claim, candidates, threshold=0.9)] == [1]
