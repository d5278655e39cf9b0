"""A finite verb with a "that" clause credits its subject, whatever the verb ("the panel
determined that …", "critics charge that …", "she guessed that …"); the extractor used to
credit the outlet unless the verb was on a list. Guards: a "that" clause stating a fact or a
condition ("it means that …", "the law requires that …"), an impersonal subject ("It helps
that …"), a demonstrative "that" before a noun ("won that race"), "so that", and a plural
noun before a relative "that" ("one of four cases that …") stay the outlet's.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # -ed: a finding, a guess, a recognition.
        (
            "The state tax panel determined that the company owed $4 million in back taxes.",
            "state tax panel",
        ),
        ("Jo Roe guessed that the stadium would cost at least $300 million.", "Jo Roe"),
        (
            "In rejecting the appeal, the commission recognized that 12 ballots had been lost.",
            "commission",
        ),
        # -s, and a base form after a plural subject or a modal.
        (
            "The Roe campaign projects that a 1 percent levy would raise $75 million.",
            "Roe campaign",
        ),
        ("Critics charge that the mayor cut 300 jobs from the parks budget.", "critics"),
        ("Ada Cole would later concede that 40 families had lost their homes.", "Ada Cole"),
        # The clause may open with a name (after a past form), a number or a comma.
        ("Jo Roe realized that Harlow had lost 3 seats in the 2022 election.", "Jo Roe"),
        ("The auditors established that Harlow spent 12 percent more than planned.", "auditors"),
        (
            "The trustees determined that, under the 1998 rules, 3 schools must close.",
            "trustees",
        ),
    ],
)
def test_verb_with_that_clause_credits_its_subject(body: str, claimant: str) -> None:
    assert last_claimant(body) == claimant


@pytest.mark.parametrize(
    "body",
    [
        # A fact or a condition, not anyone's view.
        "The merger means that prices will rise 10 percent next year.",
        "The new law requires that employers pay overtime after 40 hours.",
        "The council ensured that 300 families had heat through the winter.",
        # An impersonal subject: the writer's own comment.
        "It helps that the mayor is popular with 60 percent of voters.",
        # A demonstrative before a noun, and "so that".
        "Jo Roe won that race by 12 points in 2014.",
        "The city widened the road so that 40,000 cars a day could pass.",
        # A plural noun before a relative "that", under a subject with its own verb.
        "The fire was one of 12 cases that the city recorded in May.",
        # A noun after a capitalised name ending in -s: "so … that" states a result.
        "Floods are so common in the Wills area that 3 of every 4 homes have been rebuilt.",
        # A plural noun after an adjective or another noun, and an adjective after a plural.
        "Aides sent the mayor consistent reminders that the city had 3 months of cash left.",
        "The governor met 40 union members that the strike had left without pay.",
        "The flood left residents fearful that 40 more homes would be lost.",
        # A negated verb: the subject does not hold the clause, the writer states it.
        "Even her 3 closest aides did not know that she had moved to Harlow in 2019.",
        # A demonstrative before a name, and a result clause.
        "The plan would use that Harlow depot for 300 new buses.",
        "The storm so battered the coast that 40 roads closed for a week.",
        # An event or a thing as the subject: the writer's reading of it, nobody's view.
        "The debate just proved that he is not fit to lead 300 million people.",
        "Last week's flooding showed that 12 levees need repair.",
        # A narrated event with no "that" clause stays the outlet's.
        "The council voted 5 to 4 to close 3 libraries in March.",
    ],
)
def test_that_clause_look_alikes_stay_the_outlets(body: str) -> None:
    assert last_claimant(body) is None
