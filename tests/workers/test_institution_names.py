"""An institution whose name opens with a known place ("the U.S. Department of Labor", "the
United States Coast Guard Command") is one organisation, not the place: as a mention and as
the claimant. Every sentence here is invented for the test (never corpus text). Pure: no
database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_and_kind, mentions_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials at the U.S. Department of Labor met on Monday.", "U.S. Department of Labor"),
        ("The United States Harbor Safety Command met.", "United States Harbor Safety Command"),
        ("The Ohio Voting Rights Project met.", "Ohio Voting Rights Project"),
    ],
)
def test_a_place_opening_an_institution_name_is_part_of_it(text: str, name: str) -> None:
    assert mentions_in(text).get(name) == "organization"


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "According to figures from the U.S. Department of Labor, 31 million workers earn "
            "less than $15 an hour.",
            "According to",
            ("U.S. Department of Labor", "organization"),
        ),
        (
            "The Ohio Voting Rights Project estimated that turnout rose 12 percent.",
            "The Ohio",
            ("Ohio Voting Rights Project", "organization"),
        ),
    ],
)
def test_the_institution_is_the_claimant_not_the_place(
    body: str, start: str, claimant: tuple[str, str]
) -> None:
    assert claimant_and_kind(body, start) == claimant


def test_a_titled_person_after_a_place_is_no_institution() -> None:
    names = mentions_in("U.S. Senate Majority Leader Walter Quimby said the vote would wait.")
    assert not any(kind == "organization" and "Quimby" in name for name, kind in names.items())


@pytest.mark.parametrize(
    "text",
    [
        "The United States Treasury Bills rally ended on Friday.",
        "Texas Republicans said the vote would wait.",
        # The names modify a noun: a guard's armory, not the guard.
        "Troops were sent to the Texas National Guard armory on Friday.",
    ],
)
def test_a_place_before_words_naming_no_institution_stays_a_place(text: str) -> None:
    names = mentions_in(text)
    assert "place" in names.values()
    assert "organization" not in names.values()


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # An institution named for what it does, its parts joined by "and", is one source.
        (
            "Harbor and Customs Enforcement said 300 people were detained in 2024.",
            "Harbor",
            ("Harbor and Customs Enforcement", "organization"),
        ),
        (
            "U.S. Fish and Wildlife Service said 300 wolves were counted in 2024.",
            "U.S.",
            ("U.S. Fish and Wildlife Service", "organization"),
        ),
        (
            "Sales rose 5% in 2024, according to the Centers for Grain Control and Prevention.",
            "Sales",
            ("Centers for Grain Control and Prevention", "organization"),
        ),
        # Two sources joined by "and" stay two: the first named is the claimant.
        (
            "Walter Quimby and Acme Services said 300 people were hired in 2024.",
            "Walter",
            ("Walter Quimby", "person"),
        ),
    ],
)
def test_an_institution_joined_by_and_is_one_claimant(
    body: str, start: str, claimant: tuple[str, str]
) -> None:
    assert claimant_and_kind(body, start) == claimant
