"""A measurement as the subject of the verb that states what it found: "the new poll has the
mayor ahead", "the party's tally gives her 312 seats", "the rent survey puts the median rent at
$1,450" (``cues.measure_cue``), and what stays the writer's.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claim


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("The new Harlow poll has the mayor ahead of her rival by 7 points.", "Harlow"),
        ("The Kestrel Party's own tally gives the governor 312 of the 500 seats.", "Kestrel"),
        ("The Harlow rent survey puts the median rent at $1,450 a month.", "Harlow"),
        ("A Kestrel poll released in April put his support at 6 percent.", "Kestrel"),
        ("The Harlow poll had her at 41 percent among likely voters.", "Harlow"),
    ],
)
def test_a_measurement_states_its_finding(body: str, word: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and word in claim.claimant.name


@pytest.mark.parametrize(
    "body",
    [
        # Acts and properties, not findings: no figure placed, a perfect, another subject.
        "The Harlow survey put the question to 900 adults in 12 states in March.",
        "The Harlow poll has a margin of error of 4 points.",
        "Voters who ignored the poll had 3 days to register.",
        "The mayor has 3 weeks left to sign the $40 million budget.",
        "The county gave the Harlow poll 2 weeks to release its data.",
    ],
)
def test_no_finding_stays_the_writers(body: str) -> None:
    assert last_claim(body).attribution == "author"
