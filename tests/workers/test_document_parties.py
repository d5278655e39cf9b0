"""Who a document phrase credits: the person whose role follows a document's noun ("Study author
Lena Park"), the office a document came from ("by the state auditor"), never the journal it
appeared in. Every sentence is invented for the test. Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_of


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        ("Study author Lena Park said the drug cut deaths by 34 percent.", "Study", "Lena Park"),
        ("Poll director Lee Marr said 40 percent backed the levy.", "Poll", "Lee Marr"),
        (
            "A report released Tuesday by the state auditor found $4 million in waste.",
            "A report",
            "state auditor",
        ),
        (
            "Walkers were 34 percent less likely to die, according to a study published "
            "Wednesday in the Journal of Heart Health.",
            "Walkers",
            "study published Wednesday in the Journal of Heart Health",
        ),
        # a report "in" a paper, not published there, is still the paper's own description
        (
            "Rents rose 8 percent, according to a report in the Harbor Ledger.",
            "Rents",
            "report in the Harbor Ledger",
        ),
    ],
)
def test_who_a_document_phrase_credits(body, start, claimant):
    assert claimant_of(body, start) == claimant
