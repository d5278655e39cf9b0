"""Claimants that carry a name the extractor used to lose: an abbreviated rank splitting the
speaker's name ("said Air Force 1st Lt. Jo Roe" credited to "Lt").

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claimant
from workers.nlp import get_nlp


@pytest.mark.parametrize("rank", ["Lt.", "Sgt.", "Capt.", "Maj.", "Col.", "Cmdr.", "Cpl."])
def test_an_abbreviated_rank_does_not_end_the_sentence(rank: str) -> None:
    doc = get_nlp()(f"“Fuel costs rose 9 percent this year,” said Army 1st {rank} Nora Kent, 31.")
    assert len(list(doc.sents)) == 1
    assert rank in [t.text for t in doc]


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (
            "“The base lost 300 jobs in two years,” said Air Force 1st Lt. Nora Kent, who "
            "serves at the base.",
            "Nora Kent",
        ),
        ("Sgt. Omar Bell said the unit had trained 40 recruits since May.", "Omar Bell"),
        (
            "“Only 12 of the 30 trucks were repaired,” said retired Army Lt. Gen. Dale "
            "Price, who led the review.",
            "Dale Price",
        ),
    ],
)
def test_a_rank_before_the_name_keeps_the_person_as_the_speaker(body: str, claimant: str) -> None:
    name = last_claimant(body)
    assert name is not None and name.endswith(claimant)


def test_a_sentence_ending_in_an_ordinary_abbreviation_still_ends() -> None:
    doc = get_nlp()("The plant moved to the U.S. The town lost 200 jobs.")
    assert len(list(doc.sents)) == 2
