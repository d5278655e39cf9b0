"""Names that another word or another person shares: a surname that is also a demonym ("Mark
Cuban", then "Cuban said") is the person; a given name before a known person's surname that
is not theirs ("Eric Trump") names someone else, not the known person. Guards: the demonym as an
adjective, and the known person under their own names and titles.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_of, mentions_in


def test_a_given_name_makes_a_demonym_a_surname() -> None:
    assert mentions_in("Mark Cuban owns a team in Dallas.")["Mark Cuban"] == "person"
    assert mentions_in("Ann English, a nurse, spoke.")["Ann English"] == "person"


@pytest.mark.parametrize(
    "sentence",
    [
        "Cuban also said he backs the 2010 health law.",
        "A self-made investor, Cuban said he would back the 5 percent tax.",
        "“It lets 40,000 people leave jobs they hated,” Cuban said.",
    ],
)
def test_the_bare_surname_is_the_person_named_in_full(sentence: str) -> None:
    body = f"Mark Cuban owns a basketball team in Dallas.\n\n{sentence}"
    assert claimant_of(body, sentence[:8]) == "Mark Cuban"


def test_the_demonym_stays_an_adjective() -> None:
    assert "American" not in " ".join(mentions_in("American voters backed 3 new laws."))
    body = "Mark Cuban owns a team.\n\nThe Cuban government said 40 people were held."
    assert claimant_of(body, "The Cuban") != "Mark Cuban"


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Eric Trump said his father would win 40 states.", "Eric Trump"),
        ("“We will win 40 states,” said Eric Trump.", "Eric Trump"),
        ("On Monday, Melania Trump said the plan gave 6 weeks of leave.", "Melania Trump"),
    ],
)
def test_a_relative_named_in_full_is_not_the_known_person(sentence: str, claimant: str) -> None:
    body = f"Donald Trump held a rally in Ohio.\n\n{sentence}"
    assert claimant_of(body, sentence[:8]) == claimant


@pytest.mark.parametrize(
    "sentence",
    [
        "Donald Trump said he would win 40 states.",
        "President Trump said he would win 40 states.",
        "On Monday, Nominee Donald Trump said he would win 40 states.",
        "Candidate Trump said he would win 40 states.",
        "Trump said he would win 40 states.",
    ],
)
def test_the_known_person_keeps_their_own_names(sentence: str) -> None:
    body = f"The rally in Ohio drew 5,000 people.\n\n{sentence}"
    assert claimant_of(body, sentence[:8]) == "Donald Trump"
