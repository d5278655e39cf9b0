"""Frames whose speaker the extractor used to miss, crediting the outlet instead: a description
as the subject of ", saying …" or "… and says …", an introductory phrase before the subject,
people named by the side they take, a head described by "of/with", a name with an apostrophe
after an inverted "said", and "report(s)" used as a noun before its own verb.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import OUTLET, last_claim
from workers.extraction import EntityRef


@pytest.mark.parametrize(
    "body",
    [
        # A description opening the clause, then ", saying …" (a past tense ends it).
        "The retired surgeon opened with the county's budget, saying that 300 clinics would close.",
        "A campaign spokeswoman later walked back the remarks, saying 40 staff had quit.",
        "The county judge sided with the tenants, saying the rule cost renters 12% more.",
        # "… and says …": the subject of the first verb.
        "The veteran lawmaker served 20 years in the navy and says the base employs 4,000 people.",
        # A dash before the participle.
        "Jane Roe changed her vote on the spot – saying the plan would cost $3 billion.",
        # A court's or an inquiry's finding as the participle ("…, ruling that …").
        "A county judge on Monday halted the rent rule, ruling that it would cost 9,000 "
        "tenants their homes.",
        "The review board closed the case, concluding that 12 officers had followed policy.",
    ],
)
def test_a_described_or_named_subject_holds_the_participle_frame(body: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and claim.claimant.name != OUTLET


def test_an_introductory_phrase_before_the_subject() -> None:
    claim = last_claim("On Monday, Jane Roe hit back, saying 4,000 jobs were lost.")
    assert (claim.attribution, claim.claimant) == (
        "reported_speech",
        EntityRef("Jane Roe", "person"),
    )


def test_an_inference_after_a_description_stays_the_outlets() -> None:
    claim = last_claim(
        "The stock index fell 2% on Monday, suggesting investors expect 3 more rises."
    )
    assert claim.attribution == "author"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("Tenant advocates said rents rose 12% in 2024.", "Tenant advocates"),
        ("Proponents of the new bill, however, say it would save $3 billion.", "bill"),
        ("People with knowledge of the talks said the deal was worth $3 billion.", "talks"),
    ],
)
def test_people_named_by_their_side_are_unnamed_sources(body: str, claimant: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and claim.claimant.kind == "unnamed"
    assert claimant.lower() in claim.claimant.name.lower()


def test_a_name_described_by_of_after_an_inverted_said() -> None:
    claim = last_claim("“Rents rose 12% in a year,” said Jane Roe of the Ohio delegation.")
    assert claim.claimant == EntityRef("Jane Roe", "person")


def test_a_name_with_an_apostrophe_after_an_inverted_said() -> None:
    claim = last_claim("''Rents rose 12% in a year,'' said Mr. O'Hara, a former editor.")
    assert claim.attribution == "direct_quote"
    assert claim.claimant is not None and "O'Hara" in claim.claimant.name


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("More than 40% of the money arrived in May, new fundraising reports show.", "reports"),
        ("A news report published Monday said the mayor spent $3 million on travel.", "report"),
    ],
)
def test_report_as_a_noun_before_its_own_verb(body: str, words: str) -> None:
    claim = last_claim(body)
    assert claim.attribution != "author"
    assert claim.claimant is not None and words in claim.claimant.name


@pytest.mark.parametrize(
    "body",
    [
        # An aside too long for an appositive between the name and its verb.
        "Jane Roe, the former governor, who has resented the mayor's rise as she has struggled, "
        "called the budget “a fraud” that hides $3 billion.",
        # "put it" as a way of saying.
        "Or, as Jane Roe, a former aide, put it: “The county lost 3,000 jobs.”",
        "Jane Roe put it bluntly: the county lost 3,000 jobs.",
    ],
)
def test_the_name_before_a_long_aside_or_as_it_was_put(body: str) -> None:
    claim = last_claim(body)
    assert claim.attribution != "author"
    assert claim.claimant == EntityRef("Jane Roe", "person")


@pytest.mark.parametrize(
    "body",
    [
        "Jane Roe put it on the table with 3,000 other files.",
        "A blog, called “The Feed,” published 300 posts in 2024.",
    ],
)
def test_put_and_called_as_acts_stay_the_outlets(body: str) -> None:
    assert last_claim(body).attribution == "author"


def test_an_owned_description_before_a_named_aside() -> None:
    claim = last_claim("Jane Roe's biographers, Ann and Bo Lee, wrote that she lost 3,000 votes.")
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and "biographers" in claim.claimant.name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # A pronoun after an opening phrase: the pronoun is the subject.
        ("Jane Roe spoke. In 2010 she said the plan would cost $3 billion.", "Jane Roe"),
        # Initials with dots end a name.
        ("The F.B.I. has said it had 300 agents on the case.", "F.B.I."),
        # A long bracketed aside after the name.
        (
            "But Sen. Jane Roe (a Democrat so young she has been mistaken for a staffer) says "
            "she lost 3,000 votes.",
            "Jane Roe",
        ),
    ],
)
def test_the_subject_behind_openers_initials_and_brackets(body: str, name: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and name in claim.claimant.name


def test_a_focus_word_before_an_unnamed_speaker() -> None:
    claim = last_claim("Yet another said that 300 agents were on the case.")
    assert claim.attribution == "reported_speech"


@pytest.mark.parametrize(
    "body",
    [
        "Jane Roe landed in hot water last week by saying that the judge cost her 3,000 votes.",
        "Jane Roe was criticized for claiming that 300 clinics closed.",
        "Jane Roe drew fire after saying 300 clinics would close.",
    ],
)
def test_by_or_after_saying_is_the_subjects(body: str) -> None:
    claim = last_claim(body)
    assert (claim.attribution, claim.claimant) == (
        "reported_speech",
        EntityRef("Jane Roe", "person"),
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A place's state or country after the introductory phrase, then the subject.
        ("In Tarrow, Tex., Jane Roe was just as blunt, claiming that 3,000 permits sat idle.",
         "Jane Roe"),
        ("In Lyon, France, Jane Roe said rents rose 12 percent.", "Jane Roe"),
        # A time phrase before it ("The day before, …", "A week later, …").
        ("The day before, at a rally in Tarrow, Tex., Jane Roe was blunt, claiming that "
         "3,000 permits sat idle.", "Jane Roe"),
        ("A week later, Jane Roe said rents had risen 9 percent.", "Jane Roe"),
        # A participle phrase before it ("Growing sharper as she spoke, …").
        ("Pressed on the figures, Jane Roe said the deficit would fall to 3 percent.",
         "Jane Roe"),
        ("Growing sharper as she spoke, Jane Roe said 2,000 homes were lost.", "Jane Roe"),
        # Not a participle: a name ending in -ing, with its possessive or a surname.
        ("Fleming Roe, the mayor, said rents rose 12 percent.", "Fleming Roe"),
        # Not a region: the subject set off by commas after a place.
        ("In Ohio, Jane Roe, a farmer, said prices fell 8 percent.", "Jane Roe"),
    ],
)  # fmt: skip
def test_the_subject_after_a_place_and_a_time_phrase(body: str, expected: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and claim.claimant.name == expected


def test_a_participle_phrase_before_a_colon_frame() -> None:
    claim = last_claim(
        'Growing sharper as she spoke, Jane Roe continued: "We have lost 2,000 homes since 2019."'
    )
    assert claim.claimant == EntityRef("Jane Roe", "person")
