"""Who "he"/"she" means: the subject a short description opens with, the gender the article
gives a name ("Quimby said she …"), a party word that is no given name, and capitalised words
that are no person at all. Every article here is invented for the test. Pure: no database."""

from __future__ import annotations

from tests.workers.news_claims import claimant_of, mentions_in
from workers.extract.salience import possessive
from workers.nlp.first_names import first_name_gender


def test_a_name_after_a_short_description_is_the_subject_she_means() -> None:
    body = (
        "Tennis great Lorna Quimby remembered her 1971 match with Robin Dalloway.\n\n"
        "“He told me 40 percent of his fans were women,” she said."
    )
    assert claimant_of(body, "“He told") == "Lorna Quimby"


def test_a_verb_before_a_name_is_no_description_of_it() -> None:
    body = (
        "Lorna Quimby runs the club.\n\n"
        "She praised Hal Dorsey in an email to 40,000 members.\n\n"
        "“Now is the time for all 40 of us to stand up,” she said."
    )
    assert claimant_of(body, "“Now is") == "Lorna Quimby"


def test_said_she_gives_the_gender_of_a_name_left_open() -> None:
    body = (
        "Lorna Quimby and Robin Dalloway met the mayor.\n\n"
        "Dalloway said she expects 300 new homes by 2027.\n\n"
        "“We counted 40 empty lots,” he said."
    )
    # "he" cannot be Dalloway, whom the article called "she": the other name left open.
    assert claimant_of(body, "“We counted") not in {"Robin Dalloway", "Dalloway"}


def test_said_he_after_a_name_in_full_gives_its_gender() -> None:
    body = (
        "Lorna Quimby met Robin Dalloway on Monday. Robin Dalloway told reporters that he "
        "would run.\n\n“We counted 40 empty lots,” she said."
    )
    assert claimant_of(body, "“We counted") == "Lorna Quimby"


def test_a_party_word_before_a_given_name_hides_no_gender() -> None:
    assert first_name_gender("Democrat Hillary Roe") == "female"
    assert first_name_gender("Republican Walter Roe") == "male"


def test_capitalised_words_that_are_no_person() -> None:
    assert "Southern" not in mentions_in("Most Southern states vote on March 1.")
    assert (
        mentions_in("In Norwood Heights last week, the rally was loud.").get("Norwood Heights")
        == "place"
    )
    assert (
        mentions_in("Officials plan to turn the Quimby Shoal into a base.").get("Quimby Shoal")
        != "person"
    )
    assert mentions_in("The gala was held at Boca Marina last week.").get("Boca Marina") == "place"
    # A given name after the same words stays a person.
    assert mentions_in("We spoke to Walter Quimby in Boca Marina.").get("Walter Quimby") == "person"
    assert mentions_in("In Walter Quimby's view, the plan failed.").get("Walter Quimby") == "person"


def test_a_surname_opening_a_sentence_before_an_apposition_is_its_subject() -> None:
    body = (
        "Patrick Quimby faces Alan Dorsey in the primary. Dorsey spoke first.\n\n"
        "Quimby, a Jupiter Democrat who has been endorsed by the unions, has made school "
        "funding his priority.\n\n"
        "He said 40 percent of schools lacked supplies."
    )
    assert claimant_of(body, "He said") == "Patrick Quimby"


def test_as_for_names_the_topic_he_means() -> None:
    body = (
        "Walter Roe praised the plan. Ted Dalloway criticised it.\n\n"
        "As for Roe, he said he expects 300 delegates."
    )
    assert claimant_of(body, "As for") == "Walter Roe"


def test_a_name_with_an_apposition_then_its_verb_is_the_subject() -> None:
    body = (
        "Jo Roe teaches history.\n\n"
        "At Boca Marina, where it costs members $70,000 to join, Walter Dalloway, the club "
        "president, suggested rivals were mismanaged. “It was waiting for a recession,” he said."
    )
    assert claimant_of(body, "“It was") == "Walter Dalloway"
    # A list is no apposition: its names are not the subject.
    body = (
        "Jo Roe met the mayor. At the gala, Walter Dalloway, a lawyer, and Tom Doe arrived. "
        "“It was waiting for a recession,” he said."
    )
    assert claimant_of(body, "“It was") != "Walter Dalloway"


def test_a_capitalised_adverb_opening_a_sentence_is_no_speaker() -> None:
    body = (
        "Jo Roe teaches history.\n\n"
        "Back at the bungalow, he led me down the corridor and showed me where he slept.\n\n"
        "“If you like comfort, you will never earn 40 percent more,” he told me."
    )
    assert claimant_of(body, "“If you") == "Jo Roe"


def test_plural_people_before_a_preposition_still_speak() -> None:
    body = "Republicans on Capitol Hill seized on the message, arguing that 40 percent was lost."
    assert claimant_of(body, "Republicans on") is not None
    # (No closing "…, they said.": that clause would frame the sentence; test_closing_frames.)
    body = "None of the major candidates is pushing for 300,000 troops."
    assert claimant_of(body, "None of") is not None


def test_a_possessive_inside_an_apposition_is_not_the_subject() -> None:
    body = (
        "Pat Doe spoke first.\n\n"
        "Jack Roe, Walter Dalloway's deputy, said the campaign would call 40,000 voters.\n\n"
        "“It worked better than the polls,” he said."
    )
    assert claimant_of(body, "“It worked") == "Jack Roe"
    # A possessive opening its own sentence still names who it is about.
    body = (
        "Walter Dalloway's campaign hired 40 staff.\n\n“It worked better than the polls,” he said."
    )
    assert claimant_of(body, "“It worked") == "Walter Dalloway"


def test_a_name_behind_a_role_after_a_clause_break_is_the_subject() -> None:
    body = (
        "Pat Doe spoke first.\n\n"
        "On Monday night, Dalloway campaign manager Jack Roe released a memo.\n\n"
        "In it, he says Dalloway has a lead of 300 delegates."
    )
    assert claimant_of(body, "In it") == "Jack Roe"
    # Not after a preposition or a verb: "…, unlike Jack Roe", "…, said Jack Roe".
    body = (
        "Walter Dalloway spoke first.\n\n"
        "On Monday night, the memo praised rival manager Jack Roe.\n\n"
        "In it, he says Roe has a lead of 300 delegates."
    )
    assert claimant_of(body, "In it") == "Walter Dalloway"


def test_to_or_for_a_name_gives_whose_view_follows() -> None:
    body = (
        "Pat Doe spoke first.\n\n"
        "To Fairview State University history professor Walter Dalloway, the speech failed.\n\n"
        "“It looked like 40 years of heartbreak,” he said."
    )
    assert claimant_of(body, "“It looked") == "Walter Dalloway"


def test_a_name_after_opening_conjunctions_is_the_subject() -> None:
    body = (
        "Jo Roe teaches history. Walter Dalloway met Roe.\n\n"
        "And even Dalloway tried to help, noting that he would wait.\n\n"
        "“It is not my job to pick 40 winners,” he said."
    )
    assert claimant_of(body, "“It is") == "Walter Dalloway"


def test_a_name_with_an_aside_then_its_verb_is_the_subject() -> None:
    body = (
        "Jack Roe said the plan would cost $40 million.\n\n"
        "At the rally in Ohio, Walter Dalloway, without a word, walked past Roe.\n\n"
        "“You cannot show up at 40 rallies and think that is enough,” he said."
    )
    assert claimant_of(body, "“You cannot") == "Walter Dalloway"
    # The aside ends at its sentence: a name that closes one is not the next one's subject.
    body = (
        "Lorna Quimby said she met Jack Roe in 1978.\n\n"
        "She spoke as Roe campaigned for his wife, Anna Roe, as she ran for mayor.\n\n"
        "On Sunday, she said 40 people had seen them."
    )
    assert claimant_of(body, "On Sunday") == "Lorna Quimby"


def test_a_bare_surname_stays_with_the_first_person_given_in_full() -> None:
    body = (
        "Senator Walter Quimby has pushed for 40 new rules.\n\n"
        "He met Lorna Quimby, whose son died in 2012.\n\n"
        "“We need 40 votes,” Quimby said."
    )
    assert claimant_of(body, "“We need") == "Walter Quimby"
    # Capitalised words that are no given name (a headline's) give the surname up.
    body = (
        "Unbowed Quimby returns\n\n"
        "Walter Quimby has pushed for 40 new rules.\n\n"
        "“We need 40 votes,” Quimby said."
    )
    assert claimant_of(body, "“We need") == "Walter Quimby"
    # A plain "Given Surname" keeps it even when the given name is one we do not know.
    body = (
        "Marisol Quimby has run the shelter for 40 years.\n\n"
        "Her husband, Tom Quimby, drives the van.\n\n"
        "“We fed 300 people last week,” Quimby said."
    )
    assert claimant_of(body, "“We fed") == "Marisol Quimby"


def test_a_name_that_speaks_in_its_relative_clause_is_what_she_means() -> None:
    body = (
        "Lorna Quimby spoke first.\n\n"
        "The plan was backed on Friday by Ada Fisher of Ohio, the ranking member, who said "
        "none of the 40 emails was secret.\n\n"
        "“It never made sense to me,” she said."
    )
    assert claimant_of(body, "“It never") == "Ada Fisher"


def test_a_surname_with_has_contracted_opens_the_sentence_as_its_subject() -> None:
    body = (
        "The debate turned sharp when Walter Quimby went after Robert Dorsey.\n\n"
        "Quimby's been arguing for weeks that Dorsey isn't ready for the job.\n\n"
        "“You have never run a budget of 40 million dollars,” he said."
    )
    assert claimant_of(body, "“You have") == "Walter Quimby"


def test_a_possessive_is_no_has() -> None:
    assert possessive("'s aides said on Monday")
    assert not possessive("’s been saying for weeks")
    assert not possessive(" said on Monday")


def test_a_surname_opening_a_sentence_with_an_age_is_the_subject_he_means() -> None:
    body = (
        "Chief executive Mark Ellison said the cuts would save $140 million. Union leader "
        "Tom Kowalski said workers learned of it from a press release. Ellison, 58, joined "
        "the firm in 2014. He said he would not take a bonus this year."
    )
    assert claimant_of(body, "He said he would not") == "Mark Ellison"


def test_a_surname_in_a_list_opening_a_sentence_is_not_the_subject() -> None:
    body = (
        "Mark Ellison said the cuts would save $140 million. Tom Kowalski said the plan "
        "failed. Ellison, Kowalski and the mayor met on Friday. He said 300 jobs would go."
    )
    assert claimant_of(body, "He said 300 jobs") != "Mark Ellison"


def test_a_name_after_a_clause_opening_is_is_the_inverted_subject() -> None:
    body = (
        "Greta Holm spoke first at the rally in Dayton on Monday.\n\n"
        "Across the hall, handing out flyers for Holm, is Hector Vale, a retired welder.\n\n"
        "“We counted 40 empty lots,” he said."
    )
    assert claimant_of(body, "“We counted") == "Hector Vale"


def test_a_name_after_is_inside_a_clause_stays_unsalient() -> None:
    body = (
        "Omar Tisdale spoke first at the rally in Dayton on Monday.\n\n"
        "His rival at the rally is Hector Vale, a retired welder.\n\n"
        "“We counted 40 empty lots,” he said."
    )
    assert claimant_of(body, "“We counted") == "Omar Tisdale"


def test_a_name_in_a_description_opening_its_clause_is_the_subject() -> None:
    body = (
        "Omar Tisdale runs the Dunmore plant.\n\n"
        "At the gate on Friday, a welder named Hector Vale waved at the trucks.\n\n"
        "“We counted 40 empty lots,” he said."
    )
    assert claimant_of(body, "“We counted") == "Hector Vale"


def test_a_name_in_a_description_inside_a_clause_is_no_subject() -> None:
    body = (
        "Omar Tisdale runs the Dunmore plant.\n\n"
        "On Friday he hired a welder named Hector Vale for the night shift.\n\n"
        "“We counted 40 empty lots,” he said."
    )
    assert claimant_of(body, "“We counted") == "Omar Tisdale"
