"""People named by their work speak as unnamed sources do ("federal water managers said",
"hospital physicians told the Ledger"): the claim is theirs, not the outlet's. Every sentence is
invented for the test. Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_and_kind as _claimant
from tests.workers.news_claims import last_claimant


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "Lake Tarn could fall to its lowest level by next summer, federal water managers "
            "said Wednesday.",
            "Lake Tarn",
            ("federal water managers", "unnamed"),
        ),
        (
            "Wait times doubled to 40 minutes last winter, hospital physicians told the Ledger.",
            "Wait times",
            ("hospital physicians", "unnamed"),
        ),
        (
            "Regulators estimated that bills would rise 6 percent.",
            "Regulators",
            ("regulators", "unnamed"),
        ),
        ("Rents rose 12 percent in a year, tenants said.", "Rents", ("tenants", "unnamed")),
    ],
)
def test_people_named_by_their_work_are_the_source(body, start, claimant):
    assert _claimant(body, start) == claimant


def test_a_work_noun_that_frames_nothing_leaves_the_claim_the_outlets():
    """No verb of saying: the managers' pay is the outlet's figure."""
    assert last_claimant("The plant's managers earned 4 percent more in 2024 than in 2023.") is None
