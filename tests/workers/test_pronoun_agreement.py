"""Whom "they", "it", "he" and "she" mean by agreement (issue 8): persons named together are a
"they", never a "he"; a word the name finder took for a person but that names a place, a firm or
a network is no "he"/"she". Every article here is invented for the test. Pure: no database."""

from __future__ import annotations

from tests.workers.news_claims import claimant_of, mentions_in


def test_they_after_two_persons_named_together_means_them() -> None:
    body = (
        "Maria Quimby and Hal Dorsey toured the Acme Corp. plant in Ohio on Monday.\n\n"
        "The tax, they said, rose 5% in 2015 and cost 300 jobs."
    )
    # Credited as "Maria Quimby and Hal Dorsey said" would be: to the first named.
    assert claimant_of(body, "The tax") == "Maria Quimby"


def test_they_after_two_persons_named_apart_keeps_the_organisation() -> None:
    body = (
        "Maria Quimby met Hal Dorsey at the Acme Corp. plant in Ohio on Monday.\n\n"
        "The tax, they said, rose 5% in 2015 and cost 300 jobs."
    )
    assert claimant_of(body, "The tax") == "Acme Corp."


def test_he_after_two_persons_named_together_is_one_of_them() -> None:
    body = (
        "Maria Quimby and Hal Dorsey toured the Acme Corp. plant in Ohio on Monday.\n\n"
        "“We counted 40 empty lots,” he said."
    )
    assert claimant_of(body, "“We counted") == "Hal Dorsey"


def test_a_word_between_a_place_and_a_comma_is_a_place_not_a_she() -> None:
    assert (
        mentions_in("Ada Birch studies in Dayton, Tenn., where she works.").get("Tenn.") == "place"
    )
    assert mentions_in("He teaches at the University of Ohio, Akron.").get("Akron") == "place"


def test_a_subject_after_an_opening_place_stays_a_person() -> None:
    assert mentions_in("In Ohio, Quimby, a farmer, said taxes rose 5%.").get("Quimby") == "person"


def test_a_word_after_an_en_dash_is_capitalised_as_a_heading_opens() -> None:
    body = (
        "“This plan is reckless,” said Hal Dorsey, who ran the port for 12 years.\n\n"
        "– Harbour less safe –.\n\n"
        "“Does he know what 300 lost jobs mean to this town?” he said."
    )
    assert "Harbour" not in mentions_in("Taxes rose 5% in 2015. – Harbour less safe –.")
    assert claimant_of(body, "“Does he") == "Hal Dorsey"


def test_a_name_after_an_en_dash_inside_a_sentence_is_still_found() -> None:
    assert mentions_in("The vote – and Hal Dorsey said so – was close.").get("Hal Dorsey") == (
        "person"
    )


def test_they_means_no_single_unnamed_source() -> None:
    body = (
        "The Acme Corp. board met on Monday.\n\n"
        "A recent study said that 300 towns lost jobs.\n\n"
        "The losses, they said, reached 40% by 2015."
    )
    assert claimant_of(body, "The losses") == "Acme Corp."


def test_they_still_means_unnamed_officials() -> None:
    body = (
        "The Acme Corp. board met on Monday.\n\n"
        "Local officials said that 300 towns lost jobs.\n\n"
        "The losses, they said, reached 40% by 2015."
    )
    assert claimant_of(body, "The losses") == "Local officials"
