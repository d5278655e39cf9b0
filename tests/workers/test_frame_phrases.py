"""Frames whose speaker phrase or object runs longer than the plain "Roe said": a relative
clause after the speaker's head ("Engineers who inspect bridges have found …"), an adverb
between a closing clause's speaker and its verb ("…, officials there said."), and a long object
before the "as" of a judgement ("characterized the decision to … as a betrayal"). Guards: a verb
inside the relative clause frames nothing, and a sentence with no frame stays the outlet's.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_of, last_claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A relative clause between the speaker's head and the verb.
        (
            "Engineers who inspect the old bridges have found that half of them need new decks.",
            "engineers",
        ),
        (
            "The ferry carries 300 cars a day. Residents who live near the harbor complained "
            "that the horn was too loud.",
            "residents",
        ),
        # A closing frame with an adverb between its speaker and its verb.
        ("The plan to widen the bridge was approved, officials there said.", "officials"),
        ("The ferry lost $2 million last year, analysts later found.", "analysts"),
        # A long object before the "as" of a judgement.
        (
            "Jo Roe leads the board. The council characterized the decision to close two "
            "clinics in the poorest wards of the city as a betrayal.",
            "council",
        ),
        (
            "Jo Roe leads the board. Critics saw the decision to close two clinics in the "
            "poorest wards of the city as a betrayal.",
            "critics",
        ),
    ],
)
def test_a_longer_frame_names_its_speaker(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # The verb of saying sits inside the relative clause: the drivers' deed is narrated.
        "Drivers who said the toll was too high took the ferry instead.",
        # No verb of judgement: "as" after a long object is no frame.
        "The council sent the decision to close two clinics in the poorest wards of the city "
        "as a letter.",
        # A closing clause with no speaker before the adverb.
        "The ferry was late again, then sank.",
    ],
)
def test_no_frame_stays_the_outlets(body: str) -> None:
    assert last_claimant(body) is None


_EARLIER = "Lena Moss said the toll was fair. "


@pytest.mark.parametrize(
    ("middle", "speaker"),
    [
        # A narrated deed whose subject spoke in a participle of saying: the quotation is hers.
        (
            "Ada Cole distanced herself from the toll on Monday by saying she would vote no. ",
            "Ada Cole",
        ),
        (
            "Ada Cole distanced herself from the toll on Monday, telling reporters it was unfair. ",
            "Ada Cole",
        ),
        # The deed alone names no speaker: the quotation continues the one before.
        ("Ada Cole distanced herself from the toll on Monday. ", "Lena Moss"),
    ],
)
def test_a_deed_done_by_saying_gives_the_next_quotation_its_speaker(
    middle: str, speaker: str
) -> None:
    body = _EARLIER + middle + "“It is a tax on farmers.”"
    assert claimant_of(body, "“It is") == speaker


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A name with its party tag, set off after a description.
        ("A former mayor, Sen. Jo Roe (D-Ore.), said the toll was unfair.", "Sen. Jo Roe"),
        ("Another trucker, Ada Ruiz (no relation), also said the toll was unfair.", "Ada Ruiz"),
        # No bracket: as before.
        ("A former mayor, Sen. Jo Roe, said the toll was unfair.", "Sen. Jo Roe"),
    ],
)
def test_a_named_source_keeps_its_bracket_after_a_description(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Her Republican challenger, state Rep. Dale Hunt, has called the mine \"the best "
         "news in a generation\" for 600 jobs.", "Rep. Dale Hunt"),
        ("A longtime critic, former Gov. Ann Pike, said the plan cost $4 billion.",
         "Gov. Ann Pike"),
    ],
)  # fmt: skip
def test_a_name_with_its_office_qualified_after_a_description_speaks(
    body: str, expected: str
) -> None:
    assert last_claimant(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A reported clause after an appositive's "said", its verb a past form like its base.
        ("Jo Roe, a rival, said the plan cost $4 billion.", "Jo Roe"),
        ("Her rival, state Rep. Dale Hunt, said the plan costs $4 billion.", "Rep. Dale Hunt"),
        # Still an inverted speaker: the relative clause is the speaker's.
        ("Rents rose 5 percent, said Jo Roe, who has studied the market.", "Jo Roe"),
    ],
)  # fmt: skip
def test_said_before_a_clause_whose_past_is_its_base(body: str, expected: str) -> None:
    assert claimant_of(body, body[:10]) == expected
