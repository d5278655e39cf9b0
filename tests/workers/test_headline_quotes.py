"""A headline's speaker before a colon and a quotation ends before the topic the headline names
("Acme Chief On Jo Roe: “…”" is the chief's words on Roe, not Roe's).

Every text is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from workers.extract.speakers import colon_quote
from workers.extraction import paragraph_quotations
from workers.nlp import get_nlp


def _speaker(text: str) -> str | None:
    doc = get_nlp()(text)
    found = colon_quote(doc, 0, len(doc), paragraph_quotations(doc))
    return doc[found.speaker[0] : found.speaker[1]].text if found and found.speaker else None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Acme Chief On Jo Roe: “We Do Not Pay Candidates 5 Dollars.”", "Acme Chief"),
        ("Jane Doe About Levy: “It Cost 300 Jobs.”", "Jane Doe"),
        # No topic: the whole capitalised run speaks.
        ("Jane Doe: “We Will Not Raise Prices 5 Percent.”", "Jane Doe"),
        ("Acme Chief Jo Roe: “We Cut 300 Jobs.”", "Acme Chief Jo Roe"),
    ],
)
def test_the_headline_speaker_ends_before_its_topic(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker
