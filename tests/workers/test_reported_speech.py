"""Reported speech whose speaker phrase the extractor used to cut short or misread: a plural
noun that is also a verb of saying after a count ("all 50 states", "two dozen reports"), a
surveyed share with a long description, and documents that "reveal".

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_of, last_claim, last_claimant


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The new survey of mayors in all 40 states found that 30 percent plan tax rises.",
            "new survey of mayors in all 40 states",
        ),
        (
            "Governors in more than two dozen states said they would refuse 2,000 migrants.",
            "governors in more than two dozen states",
        ),
        (
            "Officials in the three states said the levy would cost 12 percent more.",
            "officials in the three states",
        ),
        (
            "Lawmakers from several states said the levy would cost 12 percent more.",
            "lawmakers from several states",
        ),
    ],
)
def test_a_plural_after_a_count_is_no_verb(body: str, speaker: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and claim.claimant.name == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The charter states that members must pay 20 percent of their dues.", "charter"),
        ("Jane Roe states that the county lost 3,000 jobs in 2024.", "Jane Roe"),
    ],
)
def test_a_verb_after_its_subject_still_frames(body: str, speaker: str) -> None:
    claimant = last_claimant(body)
    assert claimant is not None and speaker in claimant


def test_a_number_inside_a_name_counts_nothing() -> None:
    # "Article 5" is a name: its "states" is the verb, and a clause of a law is no view holder.
    assert last_claimant("Article 5 states that members must pay 20 percent of dues.") in {
        None,
        "",
    }


@pytest.mark.parametrize(
    "body",
    [
        "About two-thirds of Democratic voters in all six counties voting Friday support a 5"
        " percent levy.",
        "Nearly 8 in 10 registered voters in the four towns holding runoffs Sunday oppose the $2"
        " million plan.",
    ],
)
def test_a_share_with_a_long_description_speaks(body: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None
    assert claim.claimant.name.split()[0] in {"About", "Nearly"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Several audits reveal that the agency overspent by $4 million.", "audits"),
        ("County records reveal that the mayor paid $9,000 in fines.", "records"),
    ],
)
def test_documents_that_reveal_speak(body: str, speaker: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and speaker in claim.claimant.name


def test_a_long_document_phrase_keeps_its_author() -> None:
    claimant = last_claimant(
        "A study released in March by the Institute of Soil, Water and Forestry Sciences found"
        " that 40 percent of wells are dry."
    )
    assert claimant is not None and "Institute" in claimant


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "The mayor approved the deal, according to court records obtained by the Daily Ledger.",
            "court records obtained by the Daily Ledger",
        ),
        (
            "The mayor threatened a lawsuit, according to a copy of the letter reviewed by the"
            " Daily Ledger.",
            "copy of the letter reviewed by the Daily Ledger",
        ),
        (
            "The mayor paid $3 million, according to tax filings reported earlier by the Ledger.",
            "tax filings reported earlier by the Ledger",
        ),
    ],
)
def test_the_paper_that_saw_a_document_did_not_write_it(body: str, source: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "according_to"
    assert claim.claimant is not None and claim.claimant.name == source


def test_the_author_after_by_still_writes_the_document() -> None:
    claim = last_claim("The mayor paid $3 million, according to a report released by Acme Labs.")
    assert claim.claimant is not None and claim.claimant.name == "Acme Labs"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Three-in-five county clerks across the four regions — and half of the mayors in"
            " Ohio — said that turnout will reach 40 percent.",
            "Three-in-five county clerks across the four regions",
        ),
        (
            "Organizers in the next two towns — Elmvale and Stonebridge — said that turnout will"
            " reach 40 percent.",
            "organizers in the next two towns",
        ),
    ],
)
def test_a_hyphen_or_a_list_of_places_is_no_named_aside(body: str, speaker: str) -> None:
    claim = last_claim(body)
    assert claim.claimant is not None and claim.claimant.name == speaker


def test_a_name_in_a_dash_aside_still_speaks() -> None:
    claimant = last_claimant(
        "A former candidate — Jo Roe, who lost in 2008 — said that turnout will reach 40 percent."
    )
    assert claimant == "Jo Roe"


@pytest.mark.parametrize(
    "body",
    [
        "The mayor grew worried that the levy would cost 3 million dollars.",
        "The mayor is growing increasingly concerned that the levy would cost 3 million dollars.",
        "The mayor has become convinced that the levy would cost 3 million dollars.",
        "The mayor seems confident that the levy would raise 3 million dollars.",
    ],
)
def test_a_verb_of_becoming_links_the_subject_to_its_view(body: str) -> None:
    claim = last_claim(body)
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and claim.claimant.name == "mayor"


def test_a_verb_of_becoming_without_a_state_of_mind_frames_nothing() -> None:
    assert last_claimant("The levy grew larger than 3 million dollars last year.") is None


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Some 31% of farmers said the county lost 3,000 jobs.", "Some 31% of farmers"),
        ("In the valley, 64% of growers said yields fell by a third.", "64% of growers"),
        (
            "A 58% majority of ranchers said the levy cost 2 million dollars.",
            "58% majority of ranchers",
        ),
    ],
)
def test_a_share_in_percent_keeps_its_sign(body: str, speaker: str) -> None:
    claim = last_claim(body)
    assert claim.claimant is not None and claim.claimant.name == speaker


def test_a_share_in_words_is_unchanged() -> None:
    claim = last_claim("Some 31 percent of farmers said the county lost 3,000 jobs.")
    assert claim.claimant is not None and claim.claimant.name == "Some 31 percent of farmers"


def test_a_base_form_after_has_is_a_noun() -> None:
    # "has support from 40 percent": a measure the poll found, no view the mayor holds.
    body = (
        "Jane Roe has support from 52 percent of likely voters, while Jo Doe has backing from 33"
        " percent, the Ledger poll found."
    )
    claimant = claimant_of(body, "Jane Roe has")
    assert claimant is not None and "poll" in claimant


@pytest.mark.parametrize(
    "body",
    [
        "The mayor has said that the levy will cost 3 million dollars.",
        "The mayor has forecast that the levy will cost 3 million dollars.",
    ],
)
def test_a_participle_after_has_still_frames(body: str) -> None:
    assert last_claimant(body) == "mayor"
