"""Whom a pronoun means when the sentence before it opens with a description of someone named
earlier ("The Ohio senator dismissed …"), an organisation named through its owner ("Roe's
campaign backtracked …") or two persons named together ("In a new book, Jo Roe and Al Doe
argue …"). Every article here is invented for the test. Pure: no database."""

from __future__ import annotations

from tests.workers.news_claims import claimant_of


def test_he_means_the_person_a_description_opening_the_sentence_refers_to() -> None:
    body = (
        "Ray Ostrow, a reporter from Ohio, wrote about Senator Pat Quimby last week.\n\n"
        "The Ohio senator dismissed the story on Monday.\n\n"
        "He said the report contained at least 12 errors about the budget."
    )
    assert claimant_of(body, "He said") == "Pat Quimby"


def test_a_description_naming_no_one_before_leaves_the_subject() -> None:
    body = (
        "Ray Ostrow, a reporter from Ohio, wrote about the county budget last week.\n\n"
        "The Ohio senator dismissed the story on Monday.\n\n"
        "He said the report contained at least 12 errors about the budget."
    )
    assert claimant_of(body, "He said") == "Ray Ostrow"


def test_the_admiral_is_the_admiral_named_before() -> None:
    body = (
        "Admiral Ray Harlan met Glenn Tubbs, a trade envoy, in Honolulu on Monday.\n\n"
        "The admiral chuckled when asked about the dispute.\n\n"
        "He said a blockade would cost the region $40 billion a year."
    )
    assert claimant_of(body, "He said") == "Admiral Ray Harlan"


def test_it_means_the_campaign_a_sentence_opens_with() -> None:
    body = (
        "Senator Pat Quimby spoke about taxes at the Supreme Court on Monday.\n\n"
        "Quimby's campaign quickly backtracked on the remarks.\n\n"
        "It said the tax rate would fall to 15 percent for every company."
    )
    assert claimant_of(body, "It said") == "Quimby's campaign"


def test_a_campaign_only_mentioned_is_no_subject() -> None:
    body = (
        "The Supreme Court heard the tax case on Monday.\n\n"
        "Reporters asked about Quimby's campaign and the remarks.\n\n"
        "It said the tax rate would fall to 15 percent for every company."
    )
    assert claimant_of(body, "It said") == "Supreme Court"


def test_they_means_two_persons_who_open_their_clause_together() -> None:
    body = (
        "In their new book, Tom Brassey and Wendy Oakes of the University of Dover argue "
        "that tariffs failed.\n\n"
        "They say the tariffs cost 2 million jobs over ten years."
    )
    assert claimant_of(body, "They say") == "Tom Brassey"


def test_two_persons_only_mentioned_leave_they_to_the_organisation() -> None:
    body = (
        "The University of Dover published a study on tariffs in May.\n\n"
        "The report cited work by Tom Brassey and Wendy Oakes.\n\n"
        "They say the tariffs cost 2 million jobs over ten years."
    )
    assert claimant_of(body, "They say") == "University of Dover"


def test_they_means_a_capitalised_group_opening_the_sentence() -> None:
    body = (
        "Mayor Rick Calder spoke to the Dunmore Ledger on Monday.\n\n"
        "Democratic leaders are wary of the plan, but they do not want to lose the "
        "$3 million grant."
    )
    assert claimant_of(body, "they do not want") == "Democratic leaders"


def test_a_capitalised_plural_of_things_is_no_group() -> None:
    body = (
        "Halvorsen Bank reported record sales in March.\n\n"
        "Chinese imports rose 12 percent in May, but they said the bank would hire 40 "
        "people."
    )
    assert claimant_of(body, "they said") == "Halvorsen Bank"


def test_they_means_a_plural_description_with_a_place_after_its_head() -> None:
    body = (
        "Mayor Rick Calder spoke to the Dunmore Ledger on Monday.\n\n"
        "Four Halvorsen newspapers in Ohio, including the Ashford Star, said the mayor had "
        "wasted $3 million.\n\n"
        "They said the audit found 12 unpaid contracts."
    )
    assert claimant_of(body, "They said the audit") == "Four Halvorsen newspapers in Ohio"
