"""Frames built from the PolNeAR train claims credited to the outlet whose annotators named a
source: a stated intent or declining, with a to-infinitive ("Roe plans to cut …", "the agency
declined to release …"), the terms of an instrument a clause opens with ("Under Ohio law, …"),
a verdict with its reason ("Roe attacked Doe for …"), a feeling about a proposition ("analysts
are shocked that …"), a chain through an adjective ("was quick to point out that …") and any
verb in the progressive with a "that" clause ("is reaffirming that …"). Each has guards: the
narrated act it leaves to the outlet, and a verb of saying later in the clause that reports
the intent or the feeling.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claim
from tests.workers.news_claims import last_claimant as _claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A stated intent or a refusal: the subject's own position on what it will do.
        ("Jane Roe plans to cut the sales tax by 3 percent next year.", "Jane Roe"),
        ("The governor is planning to close 12 prisons before 2030.", "governor"),
        ("The agency declined to release the 40 pages of the audit.", "agency"),
        ("The mayor intends to hire 300 more teachers this fall.", "mayor"),
        # The terms of an instrument the clause opens with.
        ("Under Ohio law, 3 witnesses must sign every will.", "Ohio"),
        ("Under the new rule, 4 million workers would earn overtime pay.", "rule"),
        # A verdict on someone with its reason.
        ("Jane Roe attacked John Doe for raising taxes 12 times.", "Jane Roe"),
        ("Jane Roe has attacked Doe as being too soft on 3 lenders.", "Jane Roe"),
        # A title-case headline's verb.
        ("Jane Roe Endorses Mayor In 3-Way Race", "Jane Roe"),
        ("Jane Roe Announces 3 Plans For Tax Cuts", "Jane Roe"),
        # A feeling about a proposition ("that …"), a chain through an adjective, a progressive.
        ("Party strategists are shocked that Roe leads by 12 points.", "strategists"),
        ("Jane Roe was quick to point out that 3 of 4 voters backed her.", "Jane Roe"),
        ("The campaign is betting that 3 states will flip in November.", "campaign"),
        # A preference, a challenge, an identification, a reference: the subject's position.
        ("Most union members prefer a 4-day week to a 3 percent raise.", "members"),
        ("Jane Roe challenged the count in 3 of the 12 precincts.", "Jane Roe"),
        ("The auditors identified 40 contracts signed without a tender.", "auditors"),
        ("Jane Roe referenced the 3 audits that found no fraud.", "Jane Roe"),
    ],
)
def test_the_author_of_the_frame_is_the_claimant(body: str, claimant: str) -> None:
    got = _claimant(body)
    assert got is not None and claimant.lower() in got.lower(), got


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A verb of saying later in the clause frames the intent: its speaker reports it.
        ("Jane Roe plans to visit 12 states this month, John Doe said.", "John Doe"),
        ("The city declined to pay the 3 invoices, according to the auditor.", "auditor"),
        ("She was not surprised that Roe won 3 states, her aides said on Friday.", "aides"),
    ],
)
def test_a_later_verb_of_saying_frames_the_intent(body: str, claimant: str) -> None:
    got = _claimant(body)
    assert got is not None and claimant.lower() in got.lower(), got


@pytest.mark.parametrize(
    "body",
    [
        # "plans" as an act or a noun, "to" as a preposition.
        "Jane Roe plans a rally for 3,000 people in the park.",
        "The plans to the 12 new stations were lost in the fire.",
        # An act narrated ("offered", "refused to": test_attribution_learned).
        "Jane Roe has filed 3 lawsuits against the city.",
        # "Under" a person or a time, not an instrument.
        "Under Jane Roe, the city hired 300 teachers.",
        "Under 3 percent of voters backed the measure.",
        # "attacked" without a reason given: a narrated act.
        "The dog attacked 3 children in the park on Monday.",
        # A feeling without its "that" clause, an adjective chain after a verb.
        "He was also proud of his 3 terms on the board.",
        "Jane Roe was furious after losing 3 votes in a row.",
        "The judges seemed ready to say that 3 of 4 rules were void.",
        "The 3 men were identified on Monday after a long search.",
    ],
)
def test_a_narrated_action_stays_the_outlets(body: str) -> None:
    assert last_claim(body).attribution == "author"
