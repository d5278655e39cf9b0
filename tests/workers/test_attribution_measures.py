"""A measurement as the subject of the verb that states what it found: "the new poll has the
mayor ahead", "the party's tally gives her 312 seats", "the rent survey puts the median rent at
$1,450" (``cues.measure_cue``), and what stays the writer's.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import OUTLET, last_claim
from workers.extraction import extract_claims


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


def _claims(body: str) -> list[tuple[str, str, str | None]]:
    return [
        (c.text, c.attribution, c.claimant.name if c.claimant else None)
        for c in extract_claims(body, outlet=OUTLET, threshold=0.0)
    ]


def test_a_polls_standings_run_on_after_it() -> None:
    claims = _claims(
        "In the mayoral race, the mayor has 41 percent, according to a Harlow poll of 800"
        " residents. Her rival is at 33 percent.\n\nThe council member is third at 11 percent."
    )
    assert [(a, c) for _, a, c in claims] == [("according_to", "Harlow poll")] * 3


def test_a_clause_of_standings_after_a_polls_finding_is_the_polls() -> None:
    claims = _claims(
        "The Harlow poll found that rents rose 9 percent in the north of the county, while"
        " they fell 2 percent in the south."
    )
    assert [c for _, _, c in claims] == ["Harlow poll", "Harlow poll"]


def test_the_run_ends_at_a_sentence_without_figures() -> None:
    claims = _claims(
        "According to a Harlow poll, Roe leads Doe by 8 points. Roe spent the weekend in"
        " Dover. Doe has 30 percent of the vote in Kent."
    )
    assert [a for _, a, _ in claims] == ["according_to", "author", "author"]


def test_figures_after_a_named_speaker_are_not_run_on() -> None:
    claims = _claims("Roe said she leads Doe by 8 points. Park has 12 percent of the vote.")
    assert claims[-1][1] == "author"
    claims = _claims('A Harlow poll has Roe at 40 percent. "We are at 45 percent," Doe said.')
    assert claims[-1][1:] == ("direct_quote", "Doe")


def test_a_share_of_the_people_asked_and_a_polls_method_are_no_run_on() -> None:
    claims = _claims(
        "According to a Harlow poll, Roe leads Doe by 8 points. Thirty percent would vote for"
        " Park. The poll has a margin of error of 3 points."
    )
    assert [a for _, a, _ in claims][1:] == ["author", "author"]
