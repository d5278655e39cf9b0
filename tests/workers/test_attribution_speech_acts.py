"""Acts of speech and stances that credit their subject, not the outlet: a question put, a view
offered, a statement or an ad issued (also in the progressive), a clause told without "that",
a side taken ("sided with", headline "Sides With"), a participle of asking or reminding after
the clause's subject, and the clause openings that are no subject ("More recently, …", "As they
met, …").

Every body is a sentence we wrote (never corpus text), with negatives where the rule must not
fire. Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claim, last_claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A question put: "whether"/"if", an addressee of up to six words allowed between.
        ("Jane Roe asked whether the levy had cost 4,000 jobs in 2024.", "Jane Roe"),
        ("The tenants' union asked the mayor if rents had risen 12% since 2020.", "union"),
        (
            "Jo Doe asked the former state treasurer Ada Quill whether 3 funds had lost money.",
            "Jo Doe",
        ),
        # A view offered: the object names a view or an account.
        ("Jane Roe offered her own thoughts on the 12 percent rise in rents.", "Jane Roe"),
        ("Jane Roe is offering her glowing reviews of the 3 new clinics.", "Jane Roe"),
        # A statement, an ad or a robocall issued with its content, also in the progressive.
        ("Jane Roe is releasing a new ad that urges voters to cut the levy by 12 percent.", "Roe"),
        ("Jo Doe released a statement confirming that 300 staff would be hired.", "Jo Doe"),
        ("The Harlow Fund is running a TV spot attacking Ada Quill for 3 tax rises.", "Harlow"),
        # A clause told without "that", after a one- or two-word addressee.
        ("Jo Doe reminded Ada Quill she would need 15 percent of the vote.", "Jo Doe"),
        # Taking a side, also in a title-case headline; a headline's hint.
        ("The county judge sided with the 300 tenants against the 12 percent rise.", "judge"),
        ("Jane Roe Sides With Jo Doe On 12 Percent Levy.", "Jane Roe"),
        ("Jane Roe Hints At 3 More Cuts In The $2 Billion Budget.", "Jane Roe"),
        ("Jane Roe Is Now Calling Jo Doe The 'Worst Mayor' In 30 Years.", "Jane Roe"),
        # A request whose addressee runs long before its "to …".
        (
            "The veterans' league has asked the campaign of the Harlow mayor Jo Doe to remove "
            "3 emblems from its fliers.",
            "league",
        ),
    ],
)
def test_the_act_credits_its_subject(body: str, claimant: str) -> None:
    got = last_claimant(body)
    assert got and claimant.lower() in got.lower(), got


@pytest.mark.parametrize(
    "body",
    [
        # An offer that is no view, an offer to act, an offer of goods in the progressive.
        "The bank offered a discount of 12 percent to 300 customers.",
        "Jane Roe offered to resign after 300 jobs were lost.",
        "The bank is offering loans at 3 percent to 300 customers.",
        # "running" with no statement: a running mate, a running total.
        "Jo Doe's running mate won 52 percent of the vote in 3 counties.",
        # A question that offers help; a request's condition.
        "Jane Roe asked her how she could help the 300 families.",
        # Telling of a day, no clause told.
        "Jo Doe reminded her of the day she was elected with 60 percent.",
        # A side of the road is no side taken.
        "The 3 trucks were parked on the sides of the road for 12 hours.",
    ],
)
def test_an_act_without_a_content_stays_the_outlets(body: str) -> None:
    assert last_claim(body).attribution == "author"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A participle of asking or reminding after the clause's subject.
        (
            "The senator sent the bill back to the committee, asking members to cut $300 "
            "million from it.",
            "senator",
        ),
        (
            "Despite her low polling, Jane Roe was ready for him, quickly reminding viewers "
            "that he had raised taxes 3 times.",
            "Jane Roe",
        ),
        # An opening subordinate clause is passed over to the main clause's subject.
        (
            "As the envoys met in Ottawa, Jane Roe was 340 miles away, promising to build 300 "
            "new homes.",
            "Jane Roe",
        ),
    ],
)
def test_a_participle_credits_the_clause_subject(body: str, claimant: str) -> None:
    got = last_claimant(body)
    assert got and claimant.lower() in got.lower(), got


@pytest.mark.parametrize(
    "body",
    [
        # An adverb phrase or a preposition opening the sentence is no speaker.
        "More recently, the storm has shifted north, offering 3 more days of rain.",
        "For many growers, the frost was a turning point, highlighting 300 lost acres.",
    ],
)
def test_an_opening_phrase_is_no_speaker(body: str) -> None:
    name = last_claimant(body)
    assert name is None or not name.lower().startswith(("more", "for")), name


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # Papers, inquiries and disclosures speak for their findings.
        ("One influential 2019 paper found gains of 12 percent in reading scores.", "paper"),
        ("The inquiry found nothing about the 3 contracts that was not already known.", "inquiry"),
        (
            "Donors gave $3 million to the fund in May, disclosures filed on Sunday revealed.",
            "disclosures",
        ),
    ],
)
def test_documents_speak_for_their_findings(body: str, claimant: str) -> None:
    got = last_claimant(body)
    assert got is not None and claimant in got.lower(), got
