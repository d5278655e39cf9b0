"""A party's or a people's adjective describes a source, it does not name one ("the Democratic
front-runner", "Democratic senators"); a plural noun that is also a cue word is no verb after
such an adjective or a quantifier ("solidly Democratic states", "Cost estimates, he added,").
Every sentence is invented for the test. Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_of


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "Jo Harlan attacked the governor after the Democratic front-runner had said that she "
            "would raise taxes by 4 percent.",
            "Jo Harlan",
            "Democratic front-runner",
        ),
        (
            "A growing number of Democratic senators support cutting the levy by 12 percent.",
            "A growing",
            "growing number of Democratic senators",
        ),
        # the party itself, as a noun, still speaks
        ("Democrats said the levy would cost $4 million.", "Democrats", "Democrats"),
    ],
)
def test_a_party_adjective_is_no_claimant(body, start, claimant):
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # a plural noun: no verb, so no "Democratic" or "Cost" speaks; the "he" is nobody named
        (
            "In other solidly Democratic states, like Vermont, he said the tax cost $900.",
            "In other",
            None,
        ),
        ("Cost estimates, he added, were based on a 40 percent rise.", "Cost", None),
        # a singular subject before the same word: a verb
        ("The agency estimates that 40 percent of homes flooded.", "The agency", "agency"),
        ("The Ohio Republican says the plan cost $4 million.", "The Ohio", "Ohio Republican"),
    ],
)
def test_a_cue_word_after_an_adjective_is_a_noun(body, start, claimant):
    assert claimant_of(body, start) == claimant


def test_an_organisation_introduced_by_its_trade_is_the_company():
    """ "German carmaker Volkhaus …, the company said": the organisation the article introduced
    as a carmaker, though its name says nothing of a company."""
    body = "German carmaker Volkhaus will cut 4,000 jobs by 2028, the company said on Thursday."
    assert claimant_of(body, "German carmaker") == "Volkhaus"
    assert claimant_of("Mayor Jo Roe will cut 400 jobs, the company said.", "Mayor") == "company"
