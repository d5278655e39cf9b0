"""Hostile text through the pure modules (issue 13): figures out of any sane range are not
quantities (item 1), and parsing, extraction and enrichment take linear time on any input (item 9).
"""

from __future__ import annotations

import math

import pytest

from tests.workers.conftest import SEED_DATE
from workers.enrichment import enrich, find_quantities

LONG_NUMBER = "9" * 400


@pytest.mark.parametrize(
    "text",
    [
        f"The national debt reached {LONG_NUMBER} dollars.",
        f"The national debt reached ${LONG_NUMBER}.",
        f"about {LONG_NUMBER} people",
        "a fine of 20,000,000,000,000,000 dollars",  # 2e16
        "a fine of 9,000,000 trillion dollars",  # 9e18 through the scale word
        f"{LONG_NUMBER}.5 percent",
    ],
)
def test_figures_out_of_a_sane_range_are_not_quantities(text):
    assert find_quantities(text) == []
    assert enrich(text, reference_date=SEED_DATE).quantities == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a debt of $36 trillion", 36e12),
        ("a debt of $999 trillion", 999e12),
        ("1,000,000,000,000,000 dollars", 1e15),
    ],
)
def test_large_but_sane_figures_stay_quantities(text, value):
    [quantity] = find_quantities(text)
    assert quantity.value == pytest.approx(value)
    assert math.isfinite(quantity.value)
