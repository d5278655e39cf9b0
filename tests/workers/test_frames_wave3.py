"""Frames of attribution in news style that credit a claim to someone other than the outlet or
the sentence's subject: a ", with X saying …" phrase, a quotation asked or written and where
("“…?” Roe asked on Twitter."), a publication after its quotation ("wrote Time magazine"), a
share of those asked restated as a figure ("Just shy of half, 49%, say"), a closing frame before
an aside on the sentence or before where it was said, a report "late Thursday", a frame that
carries on into the clause after ", and", and "Roe continued, “…”". Each rule with a guard.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_of, last_claimant
from workers.extract.cues import frames_quotation, inverted_speaker
from workers.extract.sentences import paragraph_quotations
from workers.nlp import get_nlp


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # ", with X telling/saying …": X tells what follows.
        (
            "Unemployment rose sharply in the county, with Senator Ann Brill telling reporters "
            "on Thursday that 12,000 jobs had been lost.",
            "Ann Brill",
        ),
        # A share of voters saying it.
        (
            "The governor's standing has slipped this year, with 30 percent of voters saying "
            "they have a positive view of him.",
            "30 percent of voters",
        ),
        (
            "Most voters shrugged at the choice, with three in 10 saying a running mate would "
            "have no effect on their vote.",
            "three in 10",
        ),
        # A cue inside what the share says ("support") is their words, not a frame.
        (
            "The mayor comes in second, with 22 percent saying they would never support him.",
            "22 percent",
        ),
        # ", with X calling …": a stance in the participle.
        (
            "Tenants were angry about the levy, with the Harbor Renters Union calling it "
            "“a raid on the poor.”",
            "Harbor Renters Union",
        ),
    ],
)
def test_a_with_phrase_names_who_says_what_follows(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # A circumstance, no speaker: the outlet's.
        "The budget grew by 4 percent, with the economy showing signs of strain.",
        # A "with" that opens the sentence frames the main clause.
        "With prices rising, the council cut the levy by 2 percent.",
    ],
)
def test_a_with_phrase_without_a_speaker_is_no_frame(body: str) -> None:
    assert last_claimant(body) is None


def test_a_frame_closing_the_sentence_wins_over_a_with_phrase() -> None:
    body = (
        "Prices climbed 5 percent, with analysts warning that the rise would continue, the "
        "Valley Courier reported."
    )
    assert last_claimant(body) == "Valley Courier"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A question quoted, asked where.
        (
            "“Why is the council hiding the cost of the bridge?” former adviser Dan Ruiz asked "
            "on Twitter.",
            "Dan Ruiz",
        ),
        # A publication named with what it is, after the quotation.
        (
            "“The river has already risen three metres in a week,” wrote Time magazine.",
            "Time",
        ),
        # A quotation the speaker carries on.
        (
            "Dan Ruiz spoke to the council for an hour. He continued, “The bridge will cost "
            "twice what the city says.”",
            "Dan Ruiz",
        ),
    ],
)
def test_a_quotation_asked_written_or_continued_is_the_speakers(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("sentence", "frames"),
    [
        ("“Is the bridge paid for?” Dan Ruiz asked on Twitter.", True),
        # A question of its own after the circumstance: "asked … whether …".
        (
            "“We will build it,” the mayor said as Dan Ruiz asked on Monday whether it was "
            "paid for.",
            False,
        ),
    ],
)
def test_asked_closes_a_quotation_only_before_where_it_was_asked(
    sentence: str, frames: bool
) -> None:
    doc = get_nlp()(sentence)
    asked = next(t.i for t in doc if t.text == "asked")
    inside = paragraph_quotations(doc)
    assert frames_quotation(doc, asked, 0, len(doc), inside) is frames


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("Just shy of half, 49%, say the new park was a waste of money.", "Just shy of half"),
        (
            "Well over a third of renters, 36 percent, said the levy was unfair.",
            "Well over a third of renters",
        ),
    ],
)
def test_a_share_restated_as_a_figure_speaks(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # "…, say the park was …": what was said, not who said it.
        ("By the end, 49%, say the new park was a waste of money.", None),
        ("Rents will keep rising, say analysts at the bank.", "analysts at the bank"),
    ],
)
def test_an_inverted_verb_before_a_clause_has_no_speaker(sentence: str, speaker: str) -> None:
    doc = get_nlp()(sentence)
    say = next(t.i for t in doc if t.text == "say")
    end = inverted_speaker(doc, say, len(doc))
    assert (doc[say + 1 : end].text if end is not None else None) == speaker


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A finding closing the sentence before an aside on the whole of it.
        (
            "Renters overwhelmingly oppose the levy, a new Harbor Poll finds, a result that is "
            "likely to shape the vote.",
            "new Harbor Poll",
        ),
        # A closing frame before where it was said.
        (
            "Many tenants did not recognise themselves in the mayor's description and found it "
            "insulting, reporter Lina Ortiz said in posing the question to the mayor.",
            "Lina Ortiz",
        ),
        # A report closing the sentence, then when it was published.
        (
            "The mayor said the fees could be called a scheme, the Valley Courier reported in "
            "1991.",
            "Valley Courier",
        ),
        # A quotation's frame reported by a paper, the comma before "according to" left out.
        (
            "“We will sue the county,” Mayor Jo Lee said in a statement according to the Valley "
            "Courier.",
            "Valley Courier",
        ),
        # A report closing the sentence, then when.
        (
            "Mayor Ann Brill told investigators in July that she had used a private account, "
            "the Valley Courier reported late Thursday.",
            "Valley Courier",
        ),
    ],
)
def test_a_closing_frame_before_an_aside_or_a_circumstance(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


def test_a_clause_after_the_aside_of_its_own_keeps_its_subject() -> None:
    # After the comma a clause of its own ("the mayor is wrong"): no aside on the sentence.
    body = "Renters overwhelmingly oppose the levy, the mayor is wrong, Harbor Poll finds."
    assert last_claimant(body) != "the mayor"


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "Only one person was killed by a gun last year in the valley, according to the "
            "county police, and there were only eight reported shootings.",
            "there were only eight",
            "county police",
        ),
        (
            "She did receive some emails with markings, the housing agency said; its staff "
            "found them during the inquiry.",
            "its staff found",
            "housing agency",
        ),
        (
            "Rents rose 9 percent last year, the housing agency said, and prices are expected to "
            "rise again.",
            "prices are expected",
            "housing agency",
        ),
    ],
)
def test_a_closing_frame_carries_on_after_and(body: str, start: str, claimant: str) -> None:
    assert claimant_of(body, start) == claimant


def test_according_to_after_that_is_no_closing_frame() -> None:
    body = (
        "Jo Lee said on Tuesday that according to its analysis, the party has won 82 percent "
        "of the vote."
    )
    assert last_claimant(body) == "Jo Lee"


def test_a_quotations_frame_does_not_carry_on_after_and() -> None:
    body = "“We will win the seat,” Mayor Ann Brill said, and the crowd cheered for ten minutes."
    claim = "the crowd cheered"
    assert claimant_of(body, claim) == "Daily Planet"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("The mayor promised to cut the levy by 3 percent, Tom Reyes argued.", "Tom Reyes"),
        ("The mayor promised to cut the levy by 3 percent, Tom Reyes told reporters.", "Tom Reyes"),
        (
            "The mayor promised to cut the levy by 3 percent, Tom Reyes told the Valley Courier "
            "on Monday.",
            "Tom Reyes",
        ),
        ("The mayor promised to cut the levy by 3 percent, Tom Reyes said privately.", "Tom Reyes"),
    ],
)
def test_any_verb_of_saying_closes_the_sentence(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


def test_told_with_a_clause_of_its_own_closes_nothing() -> None:
    # "told him to stop": an order, not whom a closing report was told; the promise stays.
    body = "The mayor promised to cut the levy, and Tom Reyes told him to stop."
    assert claimant_of(body, "The mayor promised") == "mayor"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (
            "Just 30 percent of all renters consider the mayor honest.",
            "Just 30 percent of all renters",
        ),
        ("About 9 in 10 tenants are unhappy with the new levy.", "About 9 in 10 tenants"),
    ],
)
def test_a_share_of_people_holding_a_view_speaks(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


def test_a_share_of_things_holds_no_view() -> None:
    assert last_claimant("Half of the homes in the valley were vacant last winter.") is None
