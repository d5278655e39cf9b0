"""The press described rather than named speaks as an unnamed source: "Turkish media
reported", "state television said", "local media said" — never a person its report names,
nor the outlet publishing the article. Every sentence here is invented for the test (never
corpus text). Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_and_kind, last_claimant


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "Turkish media reported that President Ali Vesk told visitors 300 troops would go.",
            "Turkish media",
            ("Turkish media", "unnamed"),
        ),
        (
            "State television said 40 people were killed in the blast near Oslo.",
            "State television",
            ("state television", "unnamed"),
        ),
        (
            "Local media said the fire destroyed 30 homes on Tuesday.",
            "Local media",
            ("local media", "unnamed"),
        ),
        (  # people who post there speak for themselves
            "Libertarians on social media said the tax would cost 40 percent more.",
            "Libertarians",
            ("libertarians on social media", "unnamed"),
        ),
    ],
)
def test_the_press_described_is_the_claimant(
    body: str, start: str, claimant: tuple[str, str]
) -> None:
    assert claimant_and_kind(body, start) == claimant


def test_a_passive_agent_ends_before_on() -> None:
    # "criticized by libertarians on social media": the criticism is narrated; the refusal
    # it follows is no claim of theirs.
    body = (
        "After Walter Quimby refused to rule out a fuel tax of 12 percent, he was criticized "
        "by libertarians on social media."
    )
    assert last_claimant(body) is None


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "Sales rose 30% in 2024, according to a study in the Journal of Rural Health.",
            "Sales",
            ("Journal of Rural Health", "organization"),
        ),
        (
            # a document speaks for itself, described with where it appeared
            "A paper in the Tarrow Medical Journal found that 30% of nurses quit in 2024.",
            "A paper",
            ("paper in the Tarrow Medical Journal", "unnamed"),
        ),
        (  # the newspaper itself, named in full, is still itself
            "Sales rose 30% in 2024, The Wall Street Journal reported.",
            "Sales",
            ("The Wall Street Journal", "organization"),
        ),
    ],
)
def test_a_journal_is_itself_not_a_newspaper_named_journal(
    body: str, start: str, claimant: tuple[str, str]
) -> None:
    # A bare "Journal" had been an alias of The Wall Street Journal: every medical or academic
    # journal cited became the newspaper.
    assert claimant_and_kind(body, start) == claimant
