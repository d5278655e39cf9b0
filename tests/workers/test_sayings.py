"""Verbs of saying the hand-written lists lacked, and points raised: their subject holds the
clause, not the outlet that reports it ("Roe speculated …", "“…,” Doe fumed", "Roe raised the
example of …"). Acts with the same verbs ("raised the levy", "floated the shares") stay the
outlet's.

Every body is a sentence we wrote (never corpus text), with negatives where the rule must not
fire. Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claim, last_claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A guess, a hint, a reflection: the subject's own words.
        ("Jane Roe speculated that rents would rise 12 percent by 2027.", "Jane Roe"),
        ("The treasurer intimated that 300 jobs would go before May.", "treasurer"),
        ("Jo Doe posited that the 3 new clinics had cut waiting times.", "Jo Doe"),
        ("Columnists opined against the 5 percent levy for weeks.", "Columnists"),
        ("Ada Quill marveled at the 40 percent turnout in the 3 northern wards.", "Ada Quill"),
        ("The drop was due to the 2 percent levy, the economist surmised.", "economist"),
        # Said with a feeling, closing a quotation.
        ("“We lost 300 homes in a single winter,” Jo Doe fumed.", "Jo Doe"),
        ("“Our turnout doubled to 40 percent,” Jane Roe bragged.", "Jane Roe"),
        # Base forms after a plural subject.
        ("Landlords allege the levy cost them $3 million in 2024.", "Landlords"),
        ("Opponents of the levy cite 3 studies of its cost to tenants.", "Opponents"),
        ("Both audits reveal the fund lost 300 million dollars.", "audits"),
        # A point raised or an idea floated.
        ("Jane Roe raised the example of Harlow, where rents fell 5 percent.", "Jane Roe"),
        ("Jo Doe floated the idea of a 3 percent tax on empty homes.", "Jo Doe"),
        ("The audit raises new questions about the 300 missing ballots.", "audit"),
        (
            "Mr. Doe, the treasurer of a fund for 300 tenants, sounded a cautious note about "
            "the 3 percent growth.",
            "Doe",
        ),
        ("Jo Doe also addressed the fact that 300 homes stand empty.", "Jo Doe"),
        ("Jo Doe cast doubt on the 12 percent figure in the audit.", "Jo Doe"),
        ("The union took issue with the 5 percent rise in rents.", "union"),
        # A question put with a question word; speaking out, talking of.
        ("Jo Doe asked why the levy had doubled to 12 percent.", "Jo Doe"),
        ("Jane Roe spoke out against the 12 percent rise in rents.", "Jane Roe"),
        ("Jo Doe talked of reforms to cut rents 5 percent by 2027.", "Jo Doe"),
        # A position kept: said openly, stood by, doubled down on.
        ("Jo Doe has made no secret of the fact that rents rose 12 percent.", "Jo Doe"),
        ("A footnote in the audit makes this clear: “The figures omit 3 agencies.”", "footnote"),
        ("Jane Roe stood by her remarks that the fund lost $3 million.", "Jane Roe"),
        ("Jo Doe doubled down on his pledge to cut rents 5 percent.", "Jo Doe"),
    ],
)
def test_the_saying_credits_its_subject(body: str, claimant: str) -> None:
    got = last_claimant(body)
    assert got and claimant.lower() in got.lower(), got


@pytest.mark.parametrize(
    "body",
    [
        # Raising a levy, raising money, floating shares: acts, not points made.
        "The council raised the levy by 5 percent in 2024.",
        "Jane Roe raised $3 million from 300 donors in May.",
        "The firm floated 12 percent of its shares on the Harlow exchange.",
        "Jane Roe addressed the crowd of 3,000 in the Harlow hall.",
        "Jane Roe cast her vote at 3 p.m. in the Harlow library.",
        "Jo Doe took 3 days off in May to visit 12 clinics.",
        # A question of what to do; a sound that is no note struck.
        "Jo Doe asked how to apply for the 300 new homes.",
        "The band sounded great in its 3 shows at the Harlow hall.",
        # Standing and doubling that keep no position.
        "Jane Roe stood by the door of the clinic for 3 hours.",
        "The price of bread doubled in 3 years.",
        "The clinic is doubling its staff to 300 nurses.",
        # Base forms left out: an act ("confirm the nominees"), a negation, an embedding.
        "The senators voted to confirm the 3 nominees by 52 votes to 48.",
        "Jo Doe did not mention the 3 closed clinics in her speech.",
        "The mayor has hired 300 staff to run what his aides describe as a new agency.",
    ],
)
def test_an_act_with_the_same_verb_stays_the_outlets(body: str) -> None:
    assert last_claim(body).attribution == "author"
