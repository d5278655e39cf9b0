"""Claimants that depend on what came before: "he"/"she", descriptions ("the Ohio senator"),
quotations continued later. Every article here is invented for the test (never corpus text).
Pure: no database."""

from __future__ import annotations

import pytest

from tests.workers.news_claims import OUTLET, claimant_of, mentions_in
from workers.extraction import extract_claims

# --- Names the fallback must not invent -------------------------------------------------------


def test_a_title_case_headline_invents_no_person() -> None:
    names = mentions_in(
        "Mayor Slams Rivals In One Debate Answer, Wins Attention.\n\nThe debate ended."
    )
    assert "One Debate Answer" not in names and "Attention" not in names


def test_a_headline_keeps_a_given_name_and_surname() -> None:
    names = mentions_in("Walter Quimby On Why Farm Towns Feel Forgotten.\n\nThe tour began.")
    assert names.get("Walter Quimby") == "person"


def test_a_function_word_opening_the_sentence_is_not_part_of_the_name() -> None:
    names = mentions_in("The vote was close. Though Quimby led early, the count turned.")
    assert "Though Quimby" not in names and names.get("Quimby") == "person"


def test_a_company_word_makes_an_organisation() -> None:
    names = mentions_in("The plant belongs to Norwood Technologies, which employs 900 people.")
    assert names.get("Norwood Technologies") == "organization"


# --- "he"/"she" -----------------------------------------------------------------------------


def test_a_place_used_as_a_modifier_is_not_the_subject_a_pronoun_means() -> None:
    body = (
        "Walter Quimby has run the club for 20 years.\n\n"
        "Henry Dalloway, a Boca Marina lawyer, represents several developers.\n\n"
        "“Membership fell by 30 percent after 2009,” he said."
    )
    assert claimant_of(body, "“Membership fell") == "Henry Dalloway"


def test_a_police_department_is_one_organisation() -> None:
    names = mentions_in("A spokesman for the Jupiter Police Department said two men were held.")
    assert names.get("Jupiter Police Department") == "organization"


def test_a_mostly_capitalised_sentence_of_names_keeps_itsnames() -> None:
    names = mentions_in("Yesterday Walter Quimby visited the Norwood Central Bank in Oslo.")
    assert names.get("Walter Quimby") == "person"


# --- Descriptions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "Jane Roe praised the deal.\n\nThe New York businessman said wages rose 5% in 2024.",
            "The New York businessman",
            "New York businessman",
        ),
        (
            "At least four Democratic U.S. senators said the bill would cost $4 billion.",
            "At least four",
            "At least four Democratic U.S. senators",
        ),
        (
            "A former Republican committee staffer said the panel spent $7 million.",
            "A former Republican",
            "former Republican committee staffer",
        ),
        (
            "The Senate minority leader said the bill would cost $4 billion.",
            "The Senate minority leader",
            "Senate minority leader",
        ),
    ],
)
def test_a_name_modifying_a_description_is_not_the_claimant(
    body: str, start: str, claimant: str
) -> None:
    assert claimant_of(body, start) == claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (  # the party and state in "(R-Fla.)" and the title "Sen."
            "Sen. Marco Quimby (R-Fla.) spoke first. Gov. Al Doe of Ohio spoke next.\n\n"
            "The Florida senator said wages rose 5% in 2024.",
            "Sen. Marco Quimby",
        ),
        (  # an apposition teaches the title; a later name does not take it
            "Walter Quimby, the Ohio governor, toured the plant. Jane Roe spoke too.\n\n"
            "The governor said 400 jobs were lost in 2024.",
            "Walter Quimby",
        ),
        (  # "D-Texas" after the name: the Texas Democrat
            "Rep. Jane Roe, D-Texas, met Sen. Al Doe (R-Ohio).\n\n"
            "The Texas Democrat said 400 jobs were lost in 2024.",
            "Rep. Jane Roe",
        ),
    ],
)
def test_a_title_description_is_the_person_the_article_gave_that_title(
    body: str, claimant: str
) -> None:
    assert claimant_of(body, "The ") == claimant


def test_a_title_description_the_article_never_gave_stays_a_description() -> None:
    body = "Walter Quimby toured the plant.\n\nThe governor said 400 jobs were lost in 2024."
    assert claimant_of(body, "The governor") == "governor"


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        ("Authorities said 40 people were hurt in the blast.", "Authorities", "authorities"),
        ("Several said turnout fell 20 percent in 2024.", "Several", "several"),
        (
            "“Turnout fell 20 percent in 2024,” said the 46-year-old.",
            "“Turnout",
            "46-year-old",
        ),
        (
            "The former president said turnout fell 20 percent in 2024.",
            "The former president",
            "former president",
        ),
    ],
)
def test_an_unnamed_source_without_a_name_is_kept_as_described(
    body: str, start: str, claimant: str
) -> None:
    assert claimant_of(body, start) == claimant


def test_a_decade_is_no_description_of_a_source() -> None:
    from workers.extract.descriptions import plain_description

    assert plain_description(["the", "1990s"]) is None


def test_a_party_word_is_a_group_and_a_convention_an_organisation() -> None:
    names = mentions_in("Most of the state's top Democratic brass spoke at the Norwood Convention.")
    assert names.get("Democratic") == "group"
    assert names.get("Norwood Convention") == "organization"


def test_they_is_not_a_party_adjective() -> None:
    body = "Many Democratic voters stayed home.\n\nThey said turnout fell 20 percent in 2024."
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    assert all(c.claimant is None or c.claimant.name != "Democratic" for c in claims)


# --- "the company", "the authority": an organisation named by its kind ---------------------


@pytest.mark.parametrize(
    ("body", "start", "expected"),
    [
        # A business named with its company word, later "the company" / "the firm".
        ("Norwood Foods Inc. will close two plants by March. The company said the cuts "
         "would save $140 million a year.", "The company said", "Norwood Foods Inc."),
        ("Pell Logistics Services lost 300 drivers in May, the firm said.",
         "Pell Logistics Services lost", "Pell Logistics Services"),
        # An industry's word in the name makes a company, not a public body's.
        ("Pell Minerals disputes the figure. In a statement, the company said the mine "
         "would use 40 percent less water.", "In a statement", "Pell Minerals"),
        ("The Ministry of Mining fined Pell 300,000 euros. The company said it would appeal "
         "the $2 million fine.", "The company said", "company"),
        # A known platform is a company too.
        ("Twitter suspended 40,000 accounts in May. The company said the moves had cut "
         "abuse by half.", "The company said", "Twitter"),
        # An authority or foundation by its own head noun.
        ("The Tarrow Housing Authority cut its list to 9,000 families. The authority said "
         "rents rose 12 percent.", "The authority said", "Tarrow Housing Authority"),
        ("Almost 400 clinics have closed since 2010, the group said, citing the Maple Health "
         "Foundation's survey.", "Almost 400 clinics", "group"),
    ],
)  # fmt: skip
def test_an_organisation_named_by_its_kind(body: str, start: str, expected: str) -> None:
    assert claimant_of(body, start) == expected


def test_the_company_is_not_an_organisation_named_long_before() -> None:
    names = ["Roe", "Doe", "Lund", "Marsh", "Pike", "Hale", "Reyes", "Lenz", "Cole", "Baird"]
    filler = " ".join(f"Jo {a} met Al {b} in Ohio." for a in names for b in names[:2])
    body = (
        f"Norwood Foods Inc. closed a plant. {filler} The company said sales rose 8 percent "
        "in the quarter."
    )
    assert claimant_of(body, "The company said") != "Norwood Foods Inc."


def test_a_quotation_running_on_keeps_its_speaker_over_a_pronoun_inside_it() -> None:
    body = (
        "Sen. Ada Pike spoke in Tarrow on Thursday about the mine.\n\n"
        '"This mine would use 2 billion gallons of water a year," she said.\n\n'
        '"Nobody in the capital has asked the people of Tarrow what they think.\n\n'
        '"I will."'
    )
    assert claimant_of(body, '"Nobody in the capital') == "Sen. Ada Pike"
    assert claimant_of(body, '"I will."') == "Sen. Ada Pike"


def test_a_named_source_inside_a_quotation_running_on_still_reports() -> None:
    body = (
        "The paper printed the memo in full.\n\n"
        '"Jo Roe said 40 witnesses had testified at the closed hearing.\n\n'
        '"The report is due in May."'
    )
    assert claimant_of(body, '"Jo Roe said') == "Jo Roe"
