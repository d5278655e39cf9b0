"""A reporting clause that closes the sentence ("…, Roe said.") frames all of it: a cue earlier in
the sentence (a promise, a clause about an expectation, someone's remarks) is part of what the
closing speaker said. Likewise the main clause's frame wins over a cue inside an opening
"With …," phrase ("With the levy ruled out, Doe said …"). Guards: a sentence whose own frame
comes first, an apposition, a quotation's frame, and a closing clause that is no speaker's.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A promise reported inside the closing speaker's words.
        (
            "Rep. Ada Cole is running again. She promised to beat two rivals thanks to the "
            "family name, which is known across the county, Lena Moss said.",
            "Lena Moss",
        ),
        # An expectation inside a relative clause ("which he is expected to win").
        (
            "Senator Tom Reyes toured the state on Monday. That could carry him into the March "
            "primary in 12 states, which he's expected to win, Mark Ortiz said.",
            "Mark Ortiz",
        ),
        # Someone's remarks as the subject: a noun, not a frame.
        (
            "Jo Roe runs the port authority. The harsh comments had two aims, Jo Roe said.",
            "Jo Roe",
        ),
        # A time phrase after the closing verb.
        (
            "Pat Lee runs the county board. He vowed to cut the levy by 3 percent next year, "
            "Nina Hale said on Tuesday.",
            "Nina Hale",
        ),
        # A finding that closes the sentence.
        (
            "The Ledger polled 900 voters. By contrast, Doe argued for a levy that 60 percent of "
            "older voters oppose, the Ledger found.",
            "Ledger",
        ),
    ],
)
def test_a_closing_reporting_clause_frames_the_whole_sentence(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # The sentence's own frame comes first and nothing closes it.
        ("Jo Roe said the levy would rise by 3 percent next year.", "Jo Roe"),
        # An apposition before the verb: the name speaks.
        ("Jo Roe, a lawyer for the council, said the levy would rise by 3 percent.", "Jo Roe"),
        # A quotation's own frame.
        ("“The levy will rise by 3 percent next year,” Jo Roe said.", "Jo Roe"),
        # "as X said" agrees with a source, it does not frame the sentence.
        (
            "Jo Roe said the levy would rise by 3 percent next year, as Ben Doe said.",
            "Jo Roe",
        ),
        # An object with its own clause after the comma is no closing speaker.
        (
            "Jo Roe warned that wages fell 3 percent last year, a figure the union said.",
            "Jo Roe",
        ),
    ],
)
def test_a_frame_the_sentence_opens_with_stays_when_nothing_closes_it(
    body: str, claimant: str
) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (
            "With a vote for Jo Roe ruled out, Ben Cross said he had 2 options left.",
            "Ben Cross",
        ),
        (
            "Without a run by Jo Roe ruled out, Ben Cross said talks would last 40 days.",
            "Ben Cross",
        ),
    ],
)
def test_the_main_clause_frames_over_an_opening_with_phrase(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # The phrase names no frame of its own: the main clause's speaker as before.
        ("With 40 percent of the vote counted, Jo Roe said she had won 3 districts.", "Jo Roe"),
        # No frame in the main clause: the sentence's other frame stays.
        ("With the vote, Jo Roe argued that wages rose 3 percent.", "Jo Roe"),
    ],
)
def test_an_opening_with_phrase_leaves_other_frames_alone(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A closing "according to" after a comma American style puts inside the quotation mark:
        # the poll reports what the share of voters said.
        (
            "Some 40 percent of voters said the mayor does not “listen to people like me,” "
            "according to a Marlow College poll conducted in May.",
            "Marlow College poll",
        ),
        (
            "Some 40 percent of voters said the mayor does not ''listen to people like me,'' "
            "according to a Marlow College poll conducted in May.",
            "Marlow College poll",
        ),
        # An "according to" set off by commas inside the sentence names its source too.
        (
            "Some 30 percent of farmers favored the levy in 2020, according to a survey by the "
            "Harlow Institute, even as prices fell.",
            "Harlow Institute",
        ),
    ],
)
def test_according_to_set_off_by_commas_names_the_source(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A report whose own source an aside names: the reporter's claim.
        (
            "The Ledger reported, according to two aides, that the mayor would cut 300 jobs.",
            "Ledger",
        ),
        (
            "The Ledger reported that, according to two aides, the mayor would cut 300 jobs.",
            "Ledger",
        ),
    ],
)
def test_an_aside_inside_a_report_leaves_it_the_reporters(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # An inverted reporting clause closing the sentence frames it all.
        (
            "Vance has a strong ground game and support from all 12 council members, said Mina "
            "Roth, director of the Lee College poll.",
            "Mina Roth",
        ),
        # A relative clause before it is no apposition of a speaker.
        (
            "Vance also lacks support from her colleagues on the council, whom she's alienated "
            "with her rhetoric, said Mina Roth, director of the Lee College poll.",
            "Mina Roth",
        ),
        # "…, says he …": the verb's subject comes before it, not after.
        (
            "Tom Reed, 58, who lives outside Dayton, says he voted for 3 different parties.",
            "Tom Reed",
        ),
        # "…, said the problem was …": what was said, no speaker.
        (
            "The 3 judges, for instance, said the problem was not the photo ID.",
            "3 judges",
        ),
        # "…, the mayor, said the city hired …": a past form inside is what was said.
        ("Jane Roe, the mayor, said the city hired 300 teachers.", "Jane Roe"),
        # a past form an article or an adverb makes an adjective stays in the speaker
        ("Doe lacks support in 3 of 5 districts, said the retired judge Mina Roth.", "Mina Roth"),
    ],
)
def test_inverted_closing_said_frames_the_sentence(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant
