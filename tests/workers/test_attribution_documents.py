"""Frames of reporting and measuring the extractor used to leave to the outlet: a figure closed
by the poll it was measured in, a paper quoting someone "as saying", a progressive "is
reporting that", "commented"/"proclaimed", naming "characterized … as “…”", "He's said"
(has said, not a passive), and what a recording shows ("the video shows …").

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claim


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("Jane Roe had 38 percent support in a Ledger poll.", "Ledger"),
        ("Jane Roe was at 25 percent in the latest Acme poll, up eight points from May.", "Acme"),
        ("Jane Roe leads by 57 percent to 33 percent in the 50-state survey.", "survey"),
    ],
)
def test_a_figure_closed_by_the_poll_it_was_measured_in(body: str, word: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "according_to"
    assert claim.claimant is not None and word in claim.claimant.name


@pytest.mark.parametrize(
    "body",
    [
        "Jane Roe leads by 7 points in the polls.",
        "Jane Roe had 30 percent support in a poll.",
        "Fifteen percent of voters in the poll were undecided about the 3-way race.",
    ],
)
def test_a_poll_that_closes_nothing_names_no_source(body: str) -> None:
    assert last_claim(body).attribution != "according_to"


@pytest.mark.parametrize(
    "body",
    [
        "The Ledger quoted an unnamed official as saying the mayor spent $3 million.",
        "The Ledger is reporting that 300 homes were flooded.",
        "The Ledger commented that the county lost 3,000 jobs.",
        "The Ledger characterized the plan as “a giveaway” worth $3 billion.",
    ],
)
def test_frames_of_reporting_credit_their_subject(body: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and "Ledger" in claim.claimant.name


def test_he_has_said_is_no_passive() -> None:
    claim = last_claim(
        "Jane Roe spoke first. She's said she gets 30 percent of her ideas from a novel."
    )
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and claim.claimant.name == "Jane Roe"


def test_it_is_said_stays_a_passive() -> None:
    assert last_claim("It's said that the county lost 3,000 jobs.").attribution == "author"


def test_the_main_clause_frame_over_one_in_an_opening_subordinate_clause() -> None:
    claim = last_claim(
        "Though Jane Roe has described herself as a moderate, the Ledger reported that she "
        "voted for 30 tax rises."
    )
    assert claim.claimant is not None and "Ledger" in claim.claimant.name


def test_contrasted_sources_keep_the_first() -> None:
    claim = last_claim("While the Ledger says 2,400 firms closed, another paper says 1,800.")
    assert claim.claimant is not None and "Ledger" in claim.claimant.name


def test_the_organisation_a_source_speaks_to_is_not_the_source() -> None:
    claim = last_claim("A source speaking to the Ledger said 300 agents were on the case.")
    assert claim.claimant is not None and claim.claimant.kind == "unnamed"


@pytest.mark.parametrize(
    ("body", "word"),
    [
        (
            "The video shows two guards opening the gate of the depot at 3 a.m.",
            "video",
        ),
        ("The photos showed 14 new trucks at the border crossing.", "photos"),
    ],
)
def test_what_a_recording_shows_is_its_finding(body: str, word: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and word.lower() in claim.claimant.name.lower()


def test_a_recording_found_is_an_event() -> None:
    assert (
        last_claim("They found the video in a drawer with 3 other tapes.").attribution == "author"
    )
