"""Subjects of a verb of saying that are long or complex (``complex_subjects``): a relative
clause, a participle, asides in commas, dashes or brackets, a title before a name, an adverbial
inside the verb group, an opening with no comma, "That person", a described group, "calls X
Y". The walk back from the verb used to miss them and credit the outlet. Each rule has a case
that must stay the outlet's (or keep its old reading).

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import OUTLET, last_claim


def _claimant(body: str) -> str | None:
    claim = last_claim(body)
    if claim.attribution == "author":
        return None
    return claim.claimant.name if claim.claimant else ""


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A relative clause, a participle, an aside closing before the verb.
        (
            "Some residents who have followed the council's budget debates over the years said "
            "the levy had risen 40 percent since 2015.",
            "residents",
        ),
        (
            "But several tenants interviewed at the hearing in Dayton this week, including "
            "Ada Quill, said rents rose 12 percent in a year.",
            "tenants",
        ),
        (
            "Yet some growers who have sold at the market for decades, in good years and bad, "
            "said prices fell 30 percent.",
            "growers",
        ),
        # A title and a description before the name, a party tag after it.
        (
            "At a rally Monday morning, the governor's Republican rival Sen. Tom Pell (R-Ohio) "
            "said the tax would cost families $900 a year.",
            "Tom Pell",
        ),
        # An opening with no comma before the name.
        (
            "Saturday at the state party's convention Sen. Ann Holt (D-Mass.) said the nominee "
            "lost $900 million in business.",
            "Ann Holt",
        ),
        # An appositive, an acronym after "or", and a dash aside with two relative clauses.
        (
            "Nadia Okafor, director of the tenants' union, or TU - which was founded by renters "
            "in 2009 and which has backed the plan - said rents rose 12 percent last year.",
            "Nadia Okafor",
        ),
        # A dash aside before the verb.
        (
            "A spokesman for the Harbor Foods brand - a 40-employee business - noted that the "
            "company offers workers eight weeks of paid leave.",
            "Harbor Foods",
        ),
        # An adverbial inside the verb group.
        ("Mr. Jo Ambler has long said that the port employs 4,000 people.", "Jo Ambler"),
        (
            "Dean's old friends and allies have in the past said he spent $2 million on the race.",
            "Dean",
        ),
        ("Cement makers, for instance, argue that imports grew to 40 percent.", "cement makers"),
        # A described group joined by "and".
        (
            "But small farmers and ordinary traders say they have lost 30 percent of their "
            "income since the drought.",
            "farmers",
        ),
        # A subordinate clause's subject after an opening clause.
        (
            "The row began in May, when the country's president and foreign and defense "
            "ministers all urged a $3 million cut to the police budget.",
            "president",
        ),
        # A name set off after a description (of two, the first named, as for "X and Y said").
        (
            "Roe's leading Republican rival, Sen. Ted Ruiz of Dayton, has urged the council to "
            "release the $4 million audit.",
            "Ted Ruiz",
        ),
        (
            "Roe's leading Republican rivals, Sens. Ted Ruiz of Dayton and Al Marsh of Akron, "
            "have both urged the council to release the $4 million audit.",
            "Ted Ruiz",
        ),
    ],
)
def test_a_complex_subject_is_the_claimant(body: str, claimant: str) -> None:
    found = _claimant(body)
    assert found is not None and claimant.lower() in found.lower()


def test_that_person_is_an_unnamed_source() -> None:
    claim = last_claim("That person said the council had spent $4 million on consultants.")
    assert claim.attribution == "reported_speech"
    assert claim.claimant is not None and claim.claimant.kind == "unnamed"
    assert claim.claimant.name == "person"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("Ms. Varga's office calls the audit nothing short of an attack on 40 workers.", "Varga"),
        ("Jane Roe called the plan a giveaway that cost taxpayers $3 billion.", "Jane Roe"),
    ],
)
def test_calling_something_something_is_a_verdict(body: str, claimant: str) -> None:
    found = _claimant(body)
    assert found is not None and claimant in found


@pytest.mark.parametrize(
    "body",
    [
        # Calling as an act, not a verdict.
        "The mayor called a meeting for Monday on the $3 million budget.",
        "The mayor called his lawyer a day later about the $3 million suit.",
        # A clause of its own before the comma, not a subject.
        "Entering the last contests, Jo Roe leads Al Doe by 271 pledged delegates in the count.",
        "The board of elections on Monday rejected both objections, ruled 3-2 and set a date.",
        # A verb in a relative clause, a negated saying, a participle after a comma.
        "The levy, which residents said had risen 40 percent, was cut in 2015.",
        "Those mourning the mayor at the vigil never mentioned the $3 million debt.",
        "The campaign, first reported by the Ledger, cost $4 million.",
        # A dash opening an aside: its participle is no verb of the clause.
        "Some tax measures - deemed insufficient by the council - have failed twice since 2015.",
        "Looks like someone told the mayor that the budget is short by $3 million.",
        # "in what X believed to be …": the belief frames a phrase, not the clause.
        "The files were moved, in what county whistleblowers believed to be a bid to hide $3 "
        "million.",
    ],
)
def test_what_is_no_complex_subject_keeps_its_reading(body: str) -> None:
    claim = last_claim(body)
    assert claim.claimant is None or claim.claimant.name not in {
        "Jo Roe",
        "board of elections",
        "levy",
        "Those",
        "campaign",
        "Some tax measures",
        "Looks like someone",
        "mayor",
        "county whistleblowers",
    }
    if "called" in body or "leads" in body or "deemed" in body:
        assert claim.attribution == "author" and claim.claimant is not None
        assert claim.claimant.name == OUTLET
