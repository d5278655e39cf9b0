"""News kinds the extractor was not tuned on: court reports, police stories, study stories and
election nights. Court and police papers speak for their authors ("the tax form shows he paid
…", "the affidavit shows …"), and a "that" clause opened by a bare plural and its verb ("court
documents state that deputies found …") is reported content like any other. Each rule with a
guard.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A form or an affidavit shows what it records, with or without "that".
        ("The tax form shows Pell earned $200,000 from consulting in 2023.", "tax form"),
        ("The order form shows the city paid $40,000 for the chairs.", "order form"),
        # A "that" clause opened by a bare plural and its verb.
        (
            "Charging documents state that deputies found a handgun and 40 rounds in the truck.",
            "Charging documents",
        ),
        (
            "Court documents state that investigators traced $300,000 to a shell company.",
            "Court documents",
        ),
    ],
)
def test_court_papers_speak_for_their_authors(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # Guard: "that" before a plural that is the object of an act, not a clause opener.
        "Deputies seized that weapons cache near the river, and 14 rifles were in it.",
        # Guard: a bare plural with no verb after it opens no clause.
        "The state that voters chose in 2020 gave the governor 52 percent of the vote.",
    ],
)
def test_no_frame_without_a_clause(body: str) -> None:
    assert last_claimant(body) is None
