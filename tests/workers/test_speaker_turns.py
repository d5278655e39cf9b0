"""Speaker turns in transcripts and interviews: a paragraph opened by its speaker's name in
capitals and a colon is that speaker's, every sentence of it, and the label is no part of the
claim (workers/extract/turns.py). Every text is invented for the test. Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import OUTLET
from workers.extract.candidates import EntityRef
from workers.extract.turns import speaker_label
from workers.extraction import extract_claims

INTERVIEW = """The finance minister, Lena Vogt, spoke to our editor about the budget.

Q: The deficit is forecast at 4.1 percent next year. Isn't that too high?

VOGT: It is lower than the 5.3 percent we inherited. We have cut borrowing by 12 billion euros in two years.

ANNE MARCHETTI, STATE WATER COMMISSIONER: We are asking every household to cut watering by half. Use fell 8 percent in May.

NEW DELHI: The government said exports rose 9 percent in May.

BREAKING: The central bank raised rates to 5 percent."""  # noqa: E501


def _claims() -> dict[str, tuple[str, EntityRef | None]]:
    return {
        c.text: (c.attribution, c.claimant)
        for c in extract_claims(INTERVIEW, outlet=OUTLET, threshold=0.0)
    }


def test_every_sentence_of_a_turn_is_its_speakers_own_words() -> None:
    claims = _claims()
    vogt = ("direct_quote", EntityRef("Lena Vogt", "person"))
    assert claims["It is lower than the 5.3 percent we inherited."] == vogt
    assert claims["We have cut borrowing by 12 billion euros in two years."] == vogt


def test_a_label_with_a_title_names_its_speaker() -> None:
    claims = _claims()
    anne = ("direct_quote", EntityRef("Anne Marchetti", "person"))
    assert claims["We are asking every household to cut watering by half."] == anne
    assert claims["Use fell 8 percent in May."] == anne


def test_the_interviewers_question_a_dateline_and_a_banner_name_no_speaker() -> None:
    claims = _claims()
    question = next(text for text in claims if "4.1 percent" in text)
    assert claims[question][0] == "author"
    assert claims["NEW DELHI: The government said exports rose 9 percent in May."][1] != (
        EntityRef("New Delhi", "person")
    )
    banner = next(text for text in claims if "raised rates" in text)
    assert claims[banner][0] == "author"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("ROE: Not on their own.", "Roe"),
        ("SAMUEL OKOYE, HYDROLOGIST, WESTFIELD UNIVERSITY: Mark, the snowpack …", "Samuel Okoye"),
        ("ALEXANDRIA OCASIO-CORTEZ: Thank you.", "Alexandria Ocasio-Cortez"),
        ("Q: Will you raise the pension age?", None),
        ("BREAKING: Rates rise", None),
        ("Roe: the plan works.", None),  # not in capitals: a headline's or a quotation's
        ("ROE:no space", None),
    ],
)
def test_speaker_label(line: str, name: str | None) -> None:
    label = speaker_label(line)
    assert (label.name if label else None) == name
