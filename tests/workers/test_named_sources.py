"""Sources a speaker phrase names although nothing in the article resolves them, or that it names
behind something else: an "according to" phrase (a charter, a plan, a web address, an object
pronoun), a document or a recording whose verb closes or opens the sentence ("…, records show.",
"photos from the vigil show"), the person a relative clause or a party member's description after
their name describes ("Jo Roe, who heads the lobbying office, says"), a name after an office's
"of" ("Secretary of State Jo Roe"), and the punctuation or second description at a phrase's edge.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_and_kind, last_claimant, mentions_in
from workers.extract.according import according_source


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (
            "According to the county charter, a mayor may serve at most 3 terms of 4 years.",
            "county charter",
        ),
        (
            'According to his "fair share" budget, towns that cut 20 officers lose 1 million '
            "dollars in grants.",
            "his fair share budget",
        ),
        ("The couple ran three bakeries in Lyon, according to lyon-info.fr.", "lyon-info.fr"),
        # The object pronoun is the subject one: the person the article just named.
        (
            "Jo Roe runs a bakery in Ohio. By 1995, according to him, the shop sold 4,000 "
            "loaves a week.",
            "Jo Roe",
        ),
    ],
)
def test_an_according_to_phrase_names_its_source(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("city charter", ("city charter", "unnamed")),
        ("''The Long Road''", ("The Long Road", "organization")),
        ("the acme-news.com", ("acme-news.com", "organization")),
        ("the state constitution", ("state constitution", "unnamed")),
        ("“ ”", None),
        ("2015", None),
    ],
)
def test_according_source_keeps_the_phrase(phrase: str, expected: tuple | None) -> None:
    found = according_source(phrase)
    assert ((found.name, found.kind) if found else None) == expected


def test_an_according_to_phrase_that_resolves_keeps_its_resolution() -> None:
    body = "Jo Roe runs the Acme Union. Wages rose 4 percent last year, according to Jo Roe."
    assert last_claimant(body) == "Jo Roe"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (
            "Tom Hale owned the ranch until 2012. He paid 3 million dollars in taxes on it that "
            "year, records show.",
            "records",
        ),
        (
            "Tom Hale raised 80,000 dollars from 12 donors last spring, tax filings show.",
            "tax filings",
        ),
    ],
)
def test_a_closing_document_frames_the_sentence(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # Not a document: the person's deed stays theirs.
        "Tom Hale left the office with 3 boxes at 6 p.m. on Friday, the pictures show.",
    ],
)
def test_a_showing_verb_after_no_document_frames_nothing(body: str) -> None:
    assert last_claimant(body) != "records"


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # A cue word inside the relative clause ("lobbying") opens no phrase of its own.
        (
            "Jo Roe, who heads the union’s lobbying office in Ohio, says 400 workers were laid "
            "off in May.",
            "Jo Roe",
            ("Jo Roe", "person"),
        ),
        (
            "Al Doe, a Republican who calls himself a lifelong hunter, said the new rule cost "
            "his club 30,000 dollars in 2015.",
            "Al Doe",
            ("Al Doe", "person"),
        ),
        # After a conjunction, with the honorific outside the name: the person named before.
        (
            "Carl Vance owns two shops. But Mr. Vance, a Democrat who calls himself a fiscal "
            "hawk, said the levy would cost him 12,000 dollars.",
            "But Mr. Vance",
            ("Carl Vance", "person"),
        ),
    ],
)
def test_a_relative_clause_after_a_name_describes_that_person(
    body: str, start: str, claimant: tuple[str, str]
) -> None:
    assert claimant_and_kind(body, start) == claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # An object relative: its own subject speaks, not the name before it.
        (
            "The blame fell on Al Doe, who Jo Roe on Friday described as “the worst treasurer "
            "in 40 years.”",
            "Jo Roe",
        ),
        # A name the outlet interrupts stays the outlet's report.
        ("Jo Roe, the Times reported, lost 40,000 votes in 2014.", "The Times"),
    ],
)
def test_an_object_relative_or_an_aside_is_no_description_of_the_name(
    body: str, claimant: str
) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Secretary of State Laura Kent said the deal cost 5 billion dollars.", "Laura Kent"),
        ("Ohio Secretary of State Peter Vance announced the count.", "Peter Vance"),
    ],
)
def test_a_name_after_an_office_of_is_the_person(text: str, person: str) -> None:
    found = mentions_in(text)
    assert found.get(person) == "person"
    assert not any(name.startswith("State ") for name in found)


def test_an_institution_of_a_place_names_no_person() -> None:
    assert "person" not in mentions_in("The Bank of America Tower rose 40 floors.").values()


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("Photos from the vigil show that 300 people carried candles.", "photos from the vigil"),
        (
            "The mayor promised 200 new hires, according to audio given to the Evening Star.",
            "audio given to the Evening Star",
        ),
    ],
)
def test_a_recording_speaks_as_a_document(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


def test_a_recording_by_a_named_maker_is_the_makers() -> None:
    body = "The plant shed 300 jobs in 2015, according to a video by the Acme Workers Union."
    assert last_claimant(body) == "Acme Workers Union"


def test_a_group_named_by_a_word_the_name_finder_left_is_the_organisation() -> None:
    body = (
        "The Delta9 group, backed by three unions, is planning to spend 2 million dollars on ads."
    )
    assert claimant_and_kind(body, "The Delta9") == ("Delta9 group", "organization")


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("- Acme Labs argues that 40 of its 90 panels failed the test.", "Acme Labs"),
        (
            "Ohio Gov. Laura Kent toured the mill. “The mill lost 40 jobs,” the Ohio governor "
            "and Democratic nominee said.",
            "Laura Kent",
        ),
    ],
)
def test_punctuation_and_a_second_description_are_no_part_of_the_source(
    body: str, claimant: str
) -> None:
    name = last_claimant(body)
    assert name is not None and name.endswith(claimant)


def test_a_description_and_another_party_stay_together() -> None:
    body = "Tom Hale toured the plant. The mayor and his aides plan to spend 4 million dollars."
    assert last_claimant(body) == "mayor and his aides"


@pytest.mark.parametrize(
    ("body", "cut"),
    [
        (
            "Tom Hale lost the race. He was dismissed by the press and donors within 3 weeks.",
            "press",
        ),
        ("The union and some labor lawyers have argued that 3 contracts were void.", "union"),
    ],
)
def test_two_parties_joined_by_and_are_not_cut_to_the_first(body: str, cut: str) -> None:
    assert last_claimant(body) != cut


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A description, then the name with its article in apposition: the name speaks.
        (
            "The agency, the Harbour Board, said 300 people were detained in 2024.",
            ("Harbour Board", "organization"),
        ),
        (
            "Her lawyer, the Rev. Al Doe, said 300 people were detained in 2024.",
            ("Rev. Al Doe", "person"),
        ),
        # A description in apposition stays a description; a name before it still speaks.
        (
            "Kim Roe's lawyer, the former governor, said 300 people were detained in 2024.",
            ("Kim Roe's lawyer", "unnamed"),
        ),
        (
            "Kim Roe, the Harbour Board's chair, said 300 people were detained in 2024.",
            ("Kim Roe", "person"),
        ),
    ],
)
def test_a_name_with_its_article_after_a_description_speaks(
    body: str, claimant: tuple[str, str]
) -> None:
    assert claimant_and_kind(body, body.split()[0]) == claimant
