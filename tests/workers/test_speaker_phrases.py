"""A speaker phrase read without the words around the name: a time between the speaker and
the verb ("Quimby earlier Thursday said"). Every sentence here is invented for the test (never
corpus text). Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import claimant_of


@pytest.mark.parametrize("time", ["earlier Thursday", "later Monday", "on Friday"])
def test_a_time_between_the_speaker_and_the_verb_is_not_part_of_the_name(time: str) -> None:
    body = f"Walter Quimby chairs the panel. Quimby {time} said the panel has held 75 interviews."
    assert claimant_of(body, "Quimby ") == "Walter Quimby"


def test_a_time_after_the_verb_leaves_the_speaker_alone() -> None:
    body = "Officials said later Monday that 40 roads were closed after the storm."
    assert claimant_of(body, "Officials") == "officials"
