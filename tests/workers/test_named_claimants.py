"""Claimants that carry a name the extractor used to lose: an abbreviated rank splitting the
speaker's name ("said Air Force 1st Lt. Jo Roe" credited to "Lt"); an opening quotation mark typed
where the closing one belongs ("“Not yet,“ said Jo Roe") leaving the quotation unclosed; a role
description ("the candidate") the article said whose it is; a description that belongs to a
person ("Jo Roe, the director for the party said", "Jo Roe of Acme", "a letter to Acme from the
chairman") credited to the party, outlet or addressee it names.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import OUTLET, last_claimant, mentions_in
from workers.extraction import extract_claims
from workers.nlp import get_nlp, repair_closing_marks


@pytest.mark.parametrize("rank", ["Lt.", "Sgt.", "Capt.", "Maj.", "Col.", "Cmdr.", "Cpl."])
def test_an_abbreviated_rank_does_not_end_the_sentence(rank: str) -> None:
    doc = get_nlp()(f"“Fuel costs rose 9 percent this year,” said Army 1st {rank} Nora Kent, 31.")
    assert len(list(doc.sents)) == 1
    assert rank in [t.text for t in doc]


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (
            "“The base lost 300 jobs in two years,” said Air Force 1st Lt. Nora Kent, who "
            "serves at the base.",
            "Nora Kent",
        ),
        ("Sgt. Omar Bell said the unit had trained 40 recruits since May.", "Omar Bell"),
        (
            "“Only 12 of the 30 trucks were repaired,” said retired Army Lt. Gen. Dale "
            "Price, who led the review.",
            "Dale Price",
        ),
    ],
)
def test_a_rank_before_the_name_keeps_the_person_as_the_speaker(body: str, claimant: str) -> None:
    name = last_claimant(body)
    assert name is not None and name.endswith(claimant)


def test_a_sentence_ending_in_an_ordinary_abbreviation_still_ends() -> None:
    doc = get_nlp()("The plant moved to the U.S. The town lost 200 jobs.")
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("“Not yet,“ said Jo Roe.", "“Not yet,” said Jo Roe."),
        ("“Prices fell.“ She left.", "“Prices fell.” She left."),
        ("“Why now?“\n", "“Why now?”\n"),
        ("He said “no“ twice.", "He said “no” twice."),
        # A first mark, a mark after a closed quotation or on the next paragraph: left alone.
        ("Roe said,“ no.", "Roe said,“ no."),
        (
            "She said, “We won.” Then “Again,“ he said.",
            "She said, “We won.” Then “Again,” he said.",
        ),
        ("It rose 5%,“\n“Then fell,” he said.", "It rose 5%,“\n“Then fell,” he said."),
        ("“Fine,” he said. Roe agreed,“ ok.", "“Fine,” he said. Roe agreed,“ ok."),
    ],
)
def test_a_misused_opening_mark_closes_the_open_quotation(text: str, repaired: str) -> None:
    assert repair_closing_marks(text) == repaired
    assert len(repair_closing_marks(text)) == len(text)


def test_a_misused_closing_mark_keeps_the_named_speaker_and_the_article_text() -> None:
    body = "“The fund spent 40 percent of its money on ads,“ said Ivo Lang, a lawyer at a watchdog."
    assert last_claimant(body) == "Ivo Lang"
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    assert all(c.text == body[c.start : c.end] for c in claims)


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A definite role description: the last person the article gave that role.
        (
            "Republican presidential candidate Ana Ruiz toured Ohio on Monday. The candidate "
            "said her plan would cut taxes by 4 percent.",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz, the Democratic nominee, spoke in Reno. The nominee said rents rose 9 "
            "percent in a year.",
            "Ana Ruiz",
        ),
        (
            "Former President Tom Vale campaigned for his brother on Monday. “Wages fell 3 "
            "percent on my watch,” the former president said.",
            "Tom Vale",
        ),
        # "the president" is the office's holder, not a former president named later.
        (
            "President Mia Ford spoke first. Her predecessor, former President Tom Vale, "
            "spoke next. The president said exports grew by 6 percent.",
            "Mia Ford",
        ),
        (
            "In an interview, Pres. Mia Ford talked about trade. “Exports grew by 6 percent,” "
            "the president told a magazine.",
            "Mia Ford",
        ),
    ],
)
def test_a_role_description_is_the_person_the_article_gave_that_role(
    body: str, claimant: str
) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # Nobody was given the role: the description stays unnamed, not the nearest name.
        "Ana Ruiz toured Ohio on Monday. The candidate said her plan would cut taxes by 4 percent.",
        "President Mia Ford spoke first. The former president said wages fell 3 percent.",
    ],
)
def test_a_role_nobody_was_given_stays_unnamed(body: str) -> None:
    name = last_claimant(body)
    assert name is not None and name not in {"Ana Ruiz", "Mia Ford"}


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A description the comma never closes describes the person named before it.
        (
            "Joel Pratt, the communications director for the Ohio Democratic Party said "
            "turnout rose 4 percent.",
            "Joel Pratt",
        ),
        (
            "On Monday, Joel Pratt, a spokesman for the Ohio Democratic Party said turnout "
            "rose 4 percent.",
            "Joel Pratt",
        ),
        # "Jo Roe of Acme": the person, not the outlet or place they are of.
        (
            "As Joel Pratt of Dailyreach California observed, the audience grew by 40 percent.",
            "Joel Pratt",
        ),
        ("Mark Hale of Cheyenne said the county lost 300 jobs last year.", "Mark Hale"),
        # Whom a letter is sent to did not write it.
        (
            "Taxes rose 3 percent, according to a letter to Acme Corp. from the chairman of "
            "the county board.",
            "chairman of the county board",
        ),
    ],
)
def test_the_speaker_is_the_person_a_description_belongs_to(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


def test_a_name_after_a_preposition_is_not_the_described_speaker() -> None:
    body = "Asked about Joel Pratt, the director of the Ohio Democratic Party said turnout rose."
    assert last_claimant(body) != "Joel Pratt"


def test_a_letter_names_its_author_not_its_addressee() -> None:
    body = "Taxes rose 3 percent, according to a letter to Acme Corp."
    assert last_claimant(body) != "Acme Corp."


@pytest.mark.parametrize(
    ("text", "person", "other"),
    [
        ("Joel Pratt of Dailyreach News said it.", "Joel Pratt", "Dailyreach News"),
        ("Mark J. Hale for Acme Partners said it.", "Mark J. Hale", "Acme Partners"),
    ],
)
def test_a_name_and_its_affiliation_are_two_mentions(text: str, person: str, other: str) -> None:
    found = mentions_in(text)
    assert found[person] == "person"
    assert found[other] != "person"
