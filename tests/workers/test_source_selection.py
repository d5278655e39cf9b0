"""Which source a sentence's attribution names when more than one phrase could: subjects joined
by "and", a subject after an introductory phrase, the author of a commissioned poll, a
description that keeps its head noun. Every sentence here is invented for the test (never
corpus text). Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_and_kind as _claimant
from tests.workers.news_claims import claimant_of


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # Unnamed people joined by "and" speak together: the whole coordination, not its
        # last conjunct.
        (
            "Union members and officials, in fact, insist that 40 plants will close.",
            "Union members",
            "Union members and officials",
        ),
        (
            "Tax lawyers and their advisers said 30 firms had moved abroad.",
            "Tax lawyers",
            "Tax lawyers and their advisers",
        ),
        # An "and" inside one subject: modifiers sharing its head, places after it.
        (
            "It is unclear whether the staff read the 30 files, current and former officials said.",
            "It is unclear",
            "current and former officials",
        ),
        (
            "However, five past and current employees told the Ledger that 30 staff quit.",
            "However",
            "five past and current employees",
        ),
        (
            "But officials in the bureau and at the Treasury Department have said 30 accounts "
            "were frozen.",
            "But officials",
            "officials in the bureau and at the Treasury Department",
        ),
        # A list with commas: its first member, as for "Roe, Doe and Poe said".
        (
            "But the farmers, grocers and city officials said 30 markets had closed.",
            "But the farmers",
            "farmers",
        ),
        # A named first conjunct is recorded, after an opening clause and "both".
        (
            "Until the audit ended, both Jo Roe and her campaign had said 30 donors gave.",
            "Until the audit",
            "Jo Roe",
        ),
    ],
)
def test_subjects_joined_by_and_speak_together(body: str, start: str, claimant: str) -> None:
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # Two clauses, not two subjects: the second clause's subject speaks.
        "The economy grew and officials said 30 firms had opened.",
        # "and" inside one person's titles: the person.
        "Former Secretary of Labor and party frontrunner Ada Quill is calling for 30 new schools.",
    ],
)
def test_and_that_joins_no_subjects_leaves_the_speaker_as_it_was(body: str) -> None:
    expected = "officials" if body.startswith("The economy") else "Ada Quill"
    assert claimant_of(body, body.split()[0]) == expected


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "At Lakeview Club, where dues run $5,000 a year, Jo Roe, the club's president and "
            "manager, said that 30 rivals had closed.",
            "At Lakeview",
            "Jo Roe",
        ),
        (
            "Alarmed by the unrest in Ohio, Senator Jo Roe, the minority leader, said that 30 "
            "people were arrested.",
            "Alarmed by",
            "Jo Roe",
        ),
        (
            "On Saturday, Senator Jo Roe of Ohio, a Democratic rival, said that 300 troops were "
            "too many.",
            "On Saturday",
            "Jo Roe",
        ),
        (
            "On Wednesday, however, the director of the Federal Bureau of Investigation, Jo B. "
            "Roe, said that 30 messages were private.",
            "On Wednesday",
            "Jo B. Roe",
        ),
    ],
)
def test_an_introductory_phrase_is_no_speaker(body: str, start: str, claimant: str) -> None:
    assert claimant_of(body, start) == claimant


def test_the_author_of_a_commissioned_poll_speaks_not_its_client() -> None:
    body = (
        "According to exit polls conducted for the Daily Ledger and two networks by Acme "
        "Research, 30 percent of voters backed the levy."
    )
    assert claimant_of(body, "According to") == "Acme Research"
    # Without an author, the first name after the link stays the source.
    body = "According to a count by the Daily Ledger, 30 percent of voters backed the levy."
    assert claimant_of(body, "According to") == "Daily Ledger"


def test_a_long_description_keeps_its_head_noun() -> None:
    body = "A group of more than 50 retired foreign policy experts said 30 bases should close."
    assert _claimant(body, "A group") == (
        "group of more than 50 retired foreign policy experts",
        "unnamed",
    )
    # A share cut at the word limit does not end on a quantifier.
    body = "About 4 in 10 Republican voters in each state want 30 new schools."
    assert _claimant(body, "About 4") == ("About 4 in 10 Republican voters", "unnamed")


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # A report that closes the sentence names the outlet's source for all of it.
        (
            'Asked about the ban, Roe said: "There will be 30 exceptions," the Daily Ledger '
            "reported.",
            "Asked about",
            "Daily Ledger",
        ),
        (
            "The campaign said the candidate will attend 30 events on Saturday, the Daily "
            "Ledger reported.",
            "The campaign",
            "Daily Ledger",
        ),
        (
            "“The platform turns away 30 percent of us,” said Jo Roe, director of the group, "
            "reports the Daily Ledger.",
            "“The platform",
            "Daily Ledger",
        ),
        # Guards: a quotation's own writer, and "reports" that are no outlet.
        ("“Rents rose 30 percent in a year,” Jo Roe wrote.", "“Rents", "Jo Roe"),
        ("Wages rose 30 percent last year, officials said.", "Wages", "officials"),
    ],
)
def test_a_closing_report_names_the_source_of_the_whole_sentence(
    body: str, start: str, claimant: str
) -> None:
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # A party's members speak for themselves, not for the chamber they sit in.
        (
            "Republicans in the Senate said 30 laws were broken.",
            "Republicans",
            "Republicans in the Senate",
        ),
        ("Senate Democrats said 30 laws were broken.", "Senate", "Senate Democrats"),
        # A description keeps the article's capitals: a party, a proper adjective.
        ("Democrats said 30 laws were broken.", "Democrats", "Democrats"),
        (
            "A German news agency said that 30 percent of voters left.",
            "A German",
            "German news agency",
        ),
        # Guard: a common noun opening the sentence is still lower-cased.
        ("Officials said 30 laws were broken.", "Officials", "officials"),
    ],
)
def test_party_members_speak_for_themselves_in_the_articles_case(
    body: str, start: str, claimant: str
) -> None:
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # A hyphen inside a word does not end the source of "according to".
        (
            "Now, according to the recent 50-state poll, 30 states are swinging.",
            "Now",
            "recent 50-state poll",
        ),
        # Holders of a title, in the plural, are a described source.
        (
            "Mayors in more than two dozen cities said 30 shelters were full.",
            "Mayors in",
            "mayors in more than two dozen cities",
        ),
    ],
)
def test_described_sources_the_walk_used_to_lose(body: str, start: str, claimant: str) -> None:
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # A number or quantifier opening the clause is part of its subject, not all of it.
        (
            "Two nurses at the clinic spoke to the board, contending that 30 beds were empty.",
            "Two nurses",
            "Two nurses at the clinic",
        ),
        (
            "Both candidates toured the plant and said 30 jobs would return.",
            "Both candidates",
            "both candidates",
        ),
        (
            "Several aides left the meeting early, complaining that 30 votes were missing.",
            "Several aides",
            "Several aides",
        ),
        # A counted group named in an appositive speaks as the group.
        (
            "Two nurses, Jo Roe and Ada Quill, had challenged the plan, arguing that 30 beds "
            "were empty.",
            "Two nurses",
            "Two nurses",
        ),
        # "Both" before names: the first name, as for any coordination.
        (
            "Both Jo Roe and Ada Quill toured the plant and said 30 jobs would return.",
            "Both Jo",
            "Jo Roe",
        ),
        # Guards: a name subject is untouched, a capitalised noun after a number kept.
        ("Jo Roe toured the plant and said 30 jobs would return.", "Jo Roe", "Jo Roe"),
        (
            "Three Democrats toured the plant and said 30 jobs would return.",
            "Three Democrats",
            "Three Democrats",
        ),
    ],
)
def test_an_opening_quantifier_keeps_its_noun(body: str, start: str, claimant: str) -> None:
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        # An opening "while" clause frames the main clause, whose speaker makes the claim.
        (
            "While not every figure Jo Roe cites is right, Ada Quill said 30 schools had closed.",
            "While not",
            "Ada Quill",
        ),
        (
            "While few of the figures Jo Roe gives hold up, Ada Quill said 30 schools closed.",
            "While few",
            "Ada Quill",
        ),
        # Guards: two sources contrasted keep the first, a "while" clause with no frame of
        # its own leaves the main speaker as it was.
        (
            "While Jo Roe says the levy closed 30 schools, Ada Quill says 20.",
            "While Jo",
            "Jo Roe",
        ),
        ("While touring Ohio, Jo Roe said 30 schools had closed.", "While touring", "Jo Roe"),
    ],
)
def test_the_main_clause_frame_wins_over_a_while_clause(
    body: str, start: str, claimant: str
) -> None:
    assert claimant_of(body, start) == claimant


def test_a_second_frame_after_and_a_title_owns_its_own_clause() -> None:
    """ "…, and Ms. Quill said …": the clause after the comma is split off with its own frame,
    as it is for a bare name; it does not inherit the first clause's speaker."""
    body = (
        "The island has been warning that it would run out of cash, and Dr. Ada Quill said "
        "the fund had 30 days left."
    )
    assert claimant_of(body, "Dr. Ada Quill said") == "Ada Quill"
    assert claimant_of(body, "The island") == "island"
