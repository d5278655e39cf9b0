"""The gender a given name marks behind a title of several words ("Attorney General Ada Roe"),
and the "he"/"she" it then rules out. Every article here is invented for the test. Pure: no
database."""

from __future__ import annotations

from tests.workers.news_claims import claimant_of
from workers.nlp.first_names import first_name_gender


def test_a_title_of_several_words_hides_no_given_name() -> None:
    assert first_name_gender("Attorney General Loretta Quimby") == "female"
    assert first_name_gender("Senate Majority Leader Walter Dorsey") == "male"


def test_a_given_name_used_as_a_surname_marks_nothing() -> None:
    assert first_name_gender("Councillor Quimby Walter") is None
    assert first_name_gender("Walter") == "male"


def test_she_behind_a_long_title_is_no_he() -> None:
    body = (
        "Attorney General Loretta Quimby spoke after Robin Dalloway at the hearing.\n\n"
        "“We counted 40 empty lots,” he said."
    )
    assert claimant_of(body, "“We counted") == "Robin Dalloway"
