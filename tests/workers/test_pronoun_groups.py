"""Whom "they" and "it" mean: a plural description a sentence opens with rather than a name
it only mentions, and an organisation that spoke rather than one named after it. Every article
here is invented for the test. Pure: no database."""

from __future__ import annotations

from tests.workers.news_claims import claimant_of


def test_they_means_the_plural_description_a_sentence_opens_with() -> None:
    body = (
        "Mayor Lorna Quimby met the Dunmore Chamber of Commerce on Monday.\n\n"
        "Four county newspapers backed her housing plan on Tuesday.\n\n"
        "They said the plan would add 300 jobs by 2027."
    )
    assert claimant_of(body, "They said") == "Four county newspapers"


def test_a_singular_description_is_no_they() -> None:
    body = (
        "The Dunmore Chamber of Commerce met Mayor Lorna Quimby on Monday.\n\n"
        "The county clerk backed her housing plan on Tuesday.\n\n"
        "They said the plan would add 300 jobs by 2027."
    )
    assert claimant_of(body, "They said") == "Dunmore Chamber of Commerce"


def test_it_means_the_organisation_that_spoke() -> None:
    body = (
        "Robin Dalloway toured the depot with Mayor Lorna Quimby.\n\n"
        "“We hired 40 drivers since May,” said Dunmore Freight Company, citing figures from "
        "the Ashford Chamber of Commerce.\n\n"
        "It added that wages rose 5 percent in 2024."
    )
    assert claimant_of(body, "It added") == "Dunmore Freight Company"


def test_a_description_that_spoke_leaves_the_named_organisation_the_referent() -> None:
    body = (
        "Dunmore Freight Company opened a depot in Ashford in May.\n\n"
        "The company said it had hired 40 drivers since May.\n\n"
        "It added that wages rose 5 percent in 2024."
    )
    assert claimant_of(body, "It added") == "Dunmore Freight Company"


def test_they_means_a_plural_of_people_opening_a_sentence_alone() -> None:
    body = (
        "Fennick Foods reported record sales in March.\n\n"
        "Shareholders cheered the results on Tuesday.\n\n"
        "The new tax, they said, cost the region 300 jobs."
    )
    assert claimant_of(body, "The new tax") == "Shareholders"


def test_a_plural_of_things_or_a_surname_opening_a_sentence_is_no_they() -> None:
    for opener in ("Wages", "Roberts"):
        body = (
            "Fennick Foods reported record sales in March.\n\n"
            f"{opener} rose again on Tuesday.\n\n"
            "The new tax, they said, cost the region 300 jobs."
        )
        assert claimant_of(body, "The new tax") == "Fennick Foods"
