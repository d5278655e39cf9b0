"""Whom a pronoun means after a name in apposition to the description its clause opens with
("Her rival, Paul Dreyer, disagreed. He said …"): the name is that clause's subject. Every
article here is invented for the test. Pure: no database."""

from __future__ import annotations

from tests.workers.news_claims import claimant_of


def test_a_name_in_apposition_to_the_opening_description_is_the_subject() -> None:
    body = (
        "Karen Pell, a nurse, joined the protest on Monday.\n\n"
        "Mike Dunn's wife, Lisa Dunn, spoke after him.\n\n"
        "She said the family had lost $50,000 since May."
    )
    assert claimant_of(body, "She said") == "Lisa Dunn"


def test_he_means_the_rival_named_in_apposition() -> None:
    body = (
        "“We will not raise taxes,” Mayor Lena Hobbs told the council on Monday.\n\n"
        "Her rival, Paul Dreyer, disagreed.\n\n"
        "He said taxes would rise 8 percent in 2026."
    )
    assert claimant_of(body, "He said") == "Paul Dreyer"


def test_a_name_in_apposition_to_an_object_is_no_subject() -> None:
    body = (
        "Governor Alan Pruitt opened the port in Dunmore on Monday.\n\n"
        "A study by a local economist, Victor Orlan, appeared in the Dunmore Ledger.\n\n"
        "He said the port would add 300 jobs by 2027."
    )
    assert claimant_of(body, "He said") == "Alan Pruitt"


def test_a_title_and_surname_is_the_person_named_in_full_before() -> None:
    body = (
        "Governor Carl Ostrow met Ellen Marsh in Denver on Monday.\n\n"
        "Gov. Ostrow then left for Boulder.\n\n"
        "She said the meeting had produced a $4 million deal."
    )
    assert claimant_of(body, "She said") == "Ellen Marsh"
