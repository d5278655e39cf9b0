"""Quotations whose speaker the sentence does not name: a paragraph that is one quotation and
nothing else goes on with the person whose speech the paragraph before closed on reporting
("Roe said that A.¶“B.”"); a paragraph closing on "Roe issued the following statement:" hands
the next paragraph, the statement pasted, to its announcer; a bracketed aside closing a sentence
with a source of its own ("(…, according to the weather service).") is that source's, and the
frame before it keeps the rest of the sentence. Each rule with a guard.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import OUTLET, claimant_of, last_claimant
from workers.extraction import extract_claims


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "Anne Roe said that the county would cut its water use by a fifth before the "
            'summer.\n\n"That adds up to nine billion gallons over two years. We have never '
            'saved that much before."',
            "We have never",
            "Anne Roe",
        ),
        (
            "Councillor Mark Deller said on Tuesday that the depot would close in March.\n\n"
            "“Nobody on the council wanted this. The lease simply ran out.”",
            "“Nobody on the council",
            "Councillor Mark Deller",
        ),
        # A pronoun that reports the speech carries its referent on.
        (
            "Mayor Tom Hale defended the levy at the hearing. He said the state had cut its "
            "grant by a third.\n\n“Most of the money for the roads comes from the state.”",
            "“Most of the money",
            "Mayor Tom Hale",
        ),
    ],
)
def test_a_quotation_paragraph_goes_on_with_the_speech_just_reported(
    body: str, start: str, claimant: str
) -> None:
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    ("body", "not_claimant"),
    [
        # The paragraph before closed on the writer's own sentence, not on reported speech.
        (
            "Anne Roe said that the county would cut its water use by a fifth. The county has "
            "40 wells.\n\n“That adds up to nine billion gallons over two years.”",
            "Anne Roe",
        ),
        # An organisation's report is no one's voice to carry into a quotation.
        (
            "The Harbor Authority said that freight fell by 12 percent last year.\n\n"
            "“That is the worst year since the port opened.”",
            "Harbor Authority",
        ),
    ],
)
def test_no_reported_speaker_to_carry(body: str, not_claimant: str) -> None:
    assert last_claimant(body) != not_claimant


def test_a_quotation_paragraph_with_its_own_tag_keeps_it() -> None:
    body = (
        "Anne Roe said that the county would cut its water use by a fifth.\n\n"
        "“That adds up to nine billion gallons,” said Tom Hale, the board's engineer."
    )
    assert last_claimant(body) == "Tom Hale"


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "The storm killed four people overnight.\n\nIn response to the storm, Governor "
            "Anne Roe issued the following statement:\n\n“Our thoughts are with the families "
            "of the victims. The state will rebuild every home that was lost.”",
            "The state will rebuild",
            "Anne Roe",
        ),
        (
            "The docks were closed on Friday.\n\nLater, the Harbor Union released a "
            "statement:\n\n“We will help the crews clear the docks by Monday.”",
            "“We will help",
            "Harbor Union",
        ),
    ],
)
def test_a_statement_announced_with_a_colon_is_its_announcers(
    body: str, start: str, claimant: str
) -> None:
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # A letter from someone else, passed on: not the governor's words.
        "The storm killed four people.\n\nGovernor Anne Roe released a letter from a "
        "resident:\n\n“My house is gone and nobody has called me.”",
        # A letter received is the sender's, not the receiver's.
        "The storm killed four people.\n\nGovernor Anne Roe received the following "
        "letter:\n\n“My house is gone and nobody has called me.”",
    ],
)
def test_no_announcement_without_an_issued_statement(body: str) -> None:
    assert last_claimant(body) != "Anne Roe"


def test_a_closing_aside_with_its_own_source_leaves_the_frame_before_it() -> None:
    body = (
        "The mayor cited the drought as the reason for the cuts (rainfall fell by 40 percent "
        "last year, according to the weather service)."
    )
    assert claimant_of(body, "The mayor cited") == "mayor"
    assert claimant_of(body, "(rainfall fell") == "weather service"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # The bracket is only the source: the whole sentence is its.
        (
            "Rainfall fell by 40 percent last year (according to the weather service).",
            "weather service",
        ),
        # A bracket with no source of its own stays in the sentence.
        (
            "The mayor cited the drought as the reason for the cuts (rainfall fell by 40 percent "
            "last year).",
            "mayor",
        ),
    ],
)
def test_a_bracket_without_a_clause_and_a_source_is_not_split(body: str, claimant: str) -> None:
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    assert len(claims) == 1
    assert claims[0].claimant is not None and claims[0].claimant.name == claimant


def test_a_clause_cut_at_and_that_drops_its_that():
    """ "…, and that a few hundred ballots remained.": the second claim is the clause a
    fact-checker checks, without the "that" it hung on, and keeps its speaker."""
    from tests.workers.news_claims import OUTLET
    from workers.extraction import extract_claims

    body = (
        "Commission chair Lydia Foss said about 12,000 mail ballots had been counted, and that "
        "a few hundred provisional ballots remained."
    )
    last = extract_claims(body, outlet=OUTLET, threshold=0.0)[-1]
    assert last.text == "a few hundred provisional ballots remained."
    assert last.claimant is not None and last.claimant.name == "Lydia Foss"
    assert body[last.start : last.end] == last.text


def test_a_that_that_is_a_determiner_stays():
    from tests.workers.news_claims import OUTLET
    from workers.extraction import extract_claims

    body = (
        "Roe said the audit found $4 million in waste, and that report concerned only the "
        "city's 12 largest contracts."
    )
    last = extract_claims(body, outlet=OUTLET, threshold=0.0)[-1]
    assert last.text.startswith("that report concerned")
