"""Frames of saying, judging and proposing the extractor used to miss, crediting the outlet: a
participle after a quoted comma ("… “values,” saying …") or of announcing and contending, a
document's words ("“…,” the letter read"), a title-case headline "Name: What They Said", a
survey's "more likely to say", a judgement ("sees the stadium as a waste", "portraying Doe as
…", "dismissed them as …"), a directive ("ordered the agency to …"), telling someone that, a
position taken ("supported the bill", "recommended …"), and the paragraph a colon announces
("The Ledger reports:"). Each rule has a guard: the look-alike that stays the outlet's.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import OUTLET, last_claim
from tests.workers.news_claims import last_claimant as _claimant
from workers.extraction import extract_claims


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A participle after a comma that American style puts inside the closing quote.
        (
            "Jo Roe gave a spirited defense of “small-town values,” saying the towns had "
            "added 4,000 jobs.",
            "Jo Roe",
        ),
        # Participles of announcing and contending.
        (
            "The union joined the debate, announcing on Monday it would strike for 10 days.",
            "union",
        ),
        (
            "Ada Cole challenged the permit, contending that the tower would shade 300 homes.",
            "Ada Cole",
        ),
        # A document's words, the verb "read" after the quotation or before it.
        ("“The plan will cost the city $40 million a year,” the statement read.", "statement"),
        ("The banner reads: “Rents rose 40 percent in 3 years.”", "banner"),
        # A title-case headline: the name, a colon, their words paraphrased.
        ("Ada Cole: Tax Cuts Will Pay For Themselves Within Five Years.", "Ada Cole"),
        # A survey's share: "more likely to say".
        (
            "Rural voters were slightly more likely to say the economy had improved, 54 "
            "percent to 41 percent.",
            "Rural voters",
        ),
        # A judgement: an object, "as" and what it is judged to be.
        ("The mayor sees the new stadium as a waste of $300 million.", "mayor"),
        ("Jo Roe views the 2 percent levy as the fairest tax on offer.", "Jo Roe"),
        ("Jo Roe continued to portray the “new” tax as a burden on 40,000 families.", "Jo Roe"),
        ("On Monday, Jo Roe hit back, portraying Doe as the candidate of 3 big banks.", "Jo Roe"),
        ("The council dismissed the 12 protesters as a fringe group.", "council"),
        ("Most renters saw the 9 percent rise as a betrayal.", "most renters"),
        # A directive with what is directed.
        ("The governor ordered the 40 state offices to close by Friday.", "governor"),
        # Telling someone that.
        ("Jo Roe reminded the crowd that the city had added 4,000 jobs since 2019.", "Jo Roe"),
        # A position taken, or a proposal.
        ("Jo Roe has supported the 2 percent tax on sugary drinks.", "Jo Roe"),
        ("The chamber of commerce opposed the $15 minimum wage.", "chamber of commerce"),
        ("The advisory panel recommended a 3 percent raise for 12,000 teachers.", "advisory panel"),
    ],
)
def test_frame_credits_its_subject(body: str, claimant: str) -> None:
    assert _claimant(body) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # "read" as an act, with no quotation beside it.
        "The mayor read the 40-page budget aloud to 300 residents on Monday.",
        # "sees" as an event, "as" opening a clause.
        "The city sees 40 percent more visitors as the summer begins.",
        "The port sees 3 million containers a year as trade grows.",
        "The governor sees the 40 new bridges as the river rises.",
        "The city saw 40 percent more visitors as the summer began.",
        "The court dismissed the 3 cases as the deadline had passed.",
        # A directive with no content: an act.
        "The governor ordered a review of the 40 state offices on Friday.",
        # "reminded of": a memory, no telling.
        "The ruins reminded visitors of the 1906 fire that destroyed 28,000 buildings.",
        # A participle describing its noun, its agent after "by".
        "The council passed a measure strongly opposed by 12 unions after 3 hours of debate.",
    ],
)
def test_look_alike_stays_the_outlets(body: str) -> None:
    assert _claimant(body) is None


def test_colon_closing_a_paragraph_announces_the_next_as_its_words() -> None:
    body = (
        "The Ledger reports:\n\n"
        "The city paid $40 million for the 3 bridges in 2019. The council approved the deal "
        "in a 5-4 vote.\n\n"
        "The mayor opened 12 new parks on Monday.\n"
    )
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    by_start = {c.text.split()[1]: c for c in claims}
    for word in ("city", "council"):
        claim = by_start[word]
        assert claim.attribution == "reported_speech"
        assert claim.claimant is not None and claim.claimant.name == "Ledger"
    assert by_start["mayor"].attribution == "author"  # only the paragraph announced


def test_a_quotation_in_the_announced_paragraph_is_the_announcers_in_every_sentence() -> None:
    # The paragraph opens and closes its quotation marks: the sentences after the first are
    # still the words the colon announced, not a quotation with no speaker.
    body = (
        "The Ledger reporter Ada Quill wrote on Sunday:\n\n"
        "“The city paid $40 million for the 3 bridges in 2019. The council approved the deal "
        "in a 5-4 vote, and 2 members later resigned.”\n\n"
        "The mayor opened 12 new parks on Monday.\n"
    )
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    by_start = {c.text.strip("“”").split()[1]: c for c in claims}
    for word in ("city", "council"):
        claim = by_start[word]
        assert claim.attribution == "direct_quote"
        assert claim.claimant is not None and claim.claimant.name == "Ada Quill"
    assert by_start["mayor"].attribution == "author"


@pytest.mark.parametrize(
    "body",
    [
        # A colon that announces a list, with no one speaking.
        "Here are the 3 findings:\n\nRents rose 40 percent in 3 years.\n",
        # A colon inside a sentence that goes on: its paragraph does not announce the next.
        "Jo Roe said the plan had 3 parts: a tax, a levy and a fee.\n\n"
        "Rents rose 40 percent in 3 years.\n",
    ],
)
def test_colon_without_a_speaker_or_inside_a_sentence_announces_nothing(body: str) -> None:
    assert last_claim(body).attribution == "author"
