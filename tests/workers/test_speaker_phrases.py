"""A speaker phrase read without the words around the name: a time between the speaker and
the verb ("Quimby earlier Thursday said"); a body named by its owner without an article
("Quimby campaign says"). Every sentence here is invented for the test (never
corpus text). Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_and_kind, claimant_of


@pytest.mark.parametrize("time", ["earlier Thursday", "later Monday", "on Friday"])
def test_a_time_between_the_speaker_and_the_verb_is_not_part_of_the_name(time: str) -> None:
    body = f"Walter Quimby chairs the panel. Quimby {time} said the panel has held 75 interviews."
    assert claimant_of(body, "Quimby ") == "Walter Quimby"


def test_a_time_after_the_verb_leaves_the_speaker_alone() -> None:
    body = "Officials said later Monday that 40 roads were closed after the storm."
    assert claimant_of(body, "Officials") == "officials"


def test_a_body_named_by_its_owner_without_an_article_speaks_as_itself() -> None:
    # A headline's "Roe campaign says …": the campaign, not nobody.
    body = "Quimby campaign says long lines kept 400 voters from casting ballots."
    assert claimant_and_kind(body, "Quimby campaign") == ("Quimby campaign", "organization")


def test_names_before_a_person_noun_are_no_body() -> None:
    # "Acme Party supporters": people, not an organisation the phrase names.
    body = "Acme Party supporters said 400 voters were kept from casting ballots."
    assert claimant_and_kind(body, "Acme Party") != ("Acme Party supporters", "organization")
