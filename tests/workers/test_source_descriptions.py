"""Sources the article describes: staff speaking without a name, a share of a poll's
respondents, a document in the article's own words, a sentence adverb that is no name.
Every sentence here is invented for the test (never corpus text). Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_and_kind as _claimant


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # An official, aide or source of a named organisation is an unnamed source described
        # with it: not the organisation's statement.
        (
            "A Norland Ministry of Health official said 300 clinics would close.",
            "A Norland",
            ("Norland Ministry of Health official", "unnamed"),
        ),
        (
            "“Turnout fell 20 percent,” said one former Acme Party leadership aide.",
            "“Turnout",
            ("one former Acme Party leadership aide", "unnamed"),
        ),
        # Someone described, indefinitely, through the person they work for or give to is an
        # unnamed source: never that person, whom the article also names.
        (
            "Jo Roe hired many aides last year. One former Roe employee said the campaign "
            "spent $4 million on polls.",
            "One former",
            ("One former Roe employee", "unnamed"),
        ),
        (
            "A longtime Roe donor said the campaign raised $12 million in March.",
            "A longtime",
            ("longtime Roe donor", "unnamed"),
        ),
        # Members and leaders speak for themselves, not for the body they sit in.
        (
            "Republican members of the Norland Assembly said the plan would cost $4 billion.",
            "Republican members",
            ("Republican members of the Norland Assembly", "unnamed"),
        ),
        (
            "Several Acme Party leaders said turnout would fall 20 percent.",
            "Several",
            ("Several Acme Party leaders", "unnamed"),
        ),
        # Its spokesperson speaks for it, and its researchers' work is its own.
        (
            "A Norland Ministry of Health spokesperson said 300 clinics would close.",
            "A Norland",
            ("Norland Ministry of Health", "organization"),
        ),
        (
            "Researchers at the Fiscal Policy Institute said 300 clinics would close.",
            "Researchers at",
            ("Fiscal Policy Institute", "organization"),
        ),
    ],
)
def test_staff_speak_for_themselves_a_spokesperson_for_the_organisation(
    body: str, start: str, claimant: tuple[str, str]
) -> None:
    assert _claimant(body, start) == claimant


def test_a_share_of_respondents_speaks_through_the_poll_the_sentence_opens_with() -> None:
    body = "In a new Acme Research poll, 75 percent of voters said taxes were too high."
    assert _claimant(body, "In a new") == ("new Acme Research poll", "organization")
    # Not every "In …," opens a poll: the share stays the source.
    body = "In the town hall, 75 percent of members said taxes were too high."
    assert _claimant(body, "In the town") == ("75 percent of members", "unnamed")


def test_a_document_keeps_the_words_the_article_gives_it() -> None:
    body = "Rents rose 7 percent in 2024, according to a new national poll."
    assert _claimant(body, "Rents rose") == ("new national poll", "unnamed")
    body = "One in four voters in a New Harbor Times poll said rents rose 7 percent."
    assert _claimant(body, "One in four") == ("New Harbor Times poll", "organization")


def test_a_sentence_adverb_is_no_surname() -> None:
    body = (
        "Essentially, Quimby’s lawyers looked through the e-mails and found that 40 percent "
        "were missing."
    )
    assert _claimant(body, "Essentially") != ("Essentially", "person")
    body = "Quimby, the county treasurer, said 40 percent of the e-mails were missing."
    assert _claimant(body, "Quimby") == ("Quimby", "person")


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # A people noun heads the description before its prepositional phrase.
        (
            "Presidential candidates in both parties condemned the 2024 test on Wednesday.",
            "Presidential",
            ("presidential candidates in both parties", "unnamed"),
        ),
        # A party word as the head of a description: a described person, not the party.
        (
            "The lifelong Republican who wrote the speech said he backed 3 candidates.",
            "The lifelong",
            ("lifelong Republican", "unnamed"),
        ),
    ],
)
def test_descriptions_headed_by_a_people_noun_or_a_party_word(
    body: str, start: str, claimant: tuple[str, str]
) -> None:
    assert _claimant(body, start) == claimant


def test_a_number_word_or_a_nationality_is_no_person() -> None:
    from workers.extract.discourse import Discourse

    assert Discourse().resolve("One", []) is None
    body = "The ministry also weighed in regarding the Norland and Danish comments on 40 ships."
    assert _claimant(body, "The ministry") != ("Danish", "person")


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "Lobbyists in general prefer not to register because the rules cost 40 percent more.",
            "Lobbyists",
            ("lobbyists in general", "unnamed"),
        ),
        (  # a share of people, in the plural
            "Majorities in 12 European nations see the tax as a burden, 60 percent say.",
            "Majorities",
            ("Majorities in 12 European nations", "unnamed"),
        ),
        (
            "The group spent $12 million in Ohio, according to ad trackers.",
            "The group",
            ("ad trackers", "unnamed"),
        ),
    ],
)
def test_a_plural_noun_of_people_by_its_ending_is_a_described_source(
    body: str, start: str, claimant: tuple[str, str]
) -> None:
    assert _claimant(body, start) == claimant


def test_things_with_a_people_ending_are_no_source() -> None:
    from workers.extract.descriptions import plain_description

    assert plain_description(["borders", "in", "europe"]) is None
    assert plain_description(["orders", "from", "above"]) is None
    assert plain_description(["taxpayers", "in", "ohio"]) is not None
    from workers.extract.lexicon import SHARE_RE

    assert not SHARE_RE.match("Minors in the program said 40 percent left")


def test_an_age_is_part_of_a_description() -> None:
    body = "Cut the fuel tax, the under-35 generation says by a margin of 40 points."
    assert _claimant(body, "Cut the") == ("under-35 generation", "unnamed")
    from workers.extract.descriptions import plain_description

    assert plain_description(["the", "b52"]) is None  # letters and digits run together


def test_a_share_of_a_group_opened_by_none_or_each_is_a_description() -> None:
    body = "Walter Quimby met 3 delegates. None of those three have declared a 40 percent tax."
    assert _claimant(body, "None of") == ("none of those three", "unnamed")
    from workers.extract.descriptions import plain_description

    assert plain_description(["either", "way"], "Either way") is None  # a sentence adverb
