"""Learned cue verbs (``workers.extract.cue_verbs``): a verb the PolNeAR train annotators mostly
read as a cue credits its subject when that subject can hold a view; a narrated act below the
cut stays the outlet's; an explicit speaker still wins; and the verb does not make its subject
the speaker of the quotations after it.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claim
from tests.workers.news_claims import last_claimant as _claimant
from workers.extract import cue_verbs
from workers.extract.cue_verbs import finite_form, learned, stem


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (("votes", "voted", "vote"), "vot"),
        (("admits", "admitted", "admit"), "admit"),
        (("denies", "denied", "deny"), "deny"),
        (("pushes", "pushed", "push"), "push"),
        (("agrees", "agreed", "agree"), "agre"),
        (("discusses", "discussed", "discuss"), "discus"),
    ],
)
def test_every_form_of_a_verb_has_one_stem(forms: tuple[str, ...], expected: str) -> None:
    assert {stem(form) for form in forms} == {expected}


def test_finite_forms() -> None:
    assert finite_form("conceded") and finite_form("touts")
    assert not finite_form("discuss") and not finite_form("famous") and not finite_form("touting")


def test_the_cut_needs_both_evidence_and_share() -> None:
    counts = {"tout": [9, 3], "vot": [14, 72], "hint": [3, 0]}
    assert learned(counts, 4, 0.6) == frozenset({"tout"})
    assert learned(counts, 3, 0.6) == frozenset({"tout", "hint"})


def test_the_shipped_lexicon_is_counts_of_stems() -> None:
    assert cue_verbs.COUNTS, "cue_verbs.json is missing"
    for key, (cue, plain) in cue_verbs.COUNTS.items():
        assert key.isalpha() and key.islower() and cue >= 2 and plain >= 0
    assert "discus" in cue_verbs.LEARNED  # "discussed": a cue far more often than narration
    assert "vot" not in cue_verbs.LEARNED  # "voted": mostly narration


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("Jane Roe discussed the 3 percent cut with the board on Monday.", "Jane Roe"),
        ("The senator has discussed a 12-week limit with the clinic owners.", "senator"),
        ("Jane Roe later remarked on the 40 percent rise in rents.", "Jane Roe"),
        ("Jane Roe compared the 3 percent levy to a tax on bread.", "Jane Roe"),
    ],
)
def test_a_learned_verb_credits_its_subject(body: str, claimant: str) -> None:
    got = _claimant(body)
    assert got is not None and claimant.lower() in got.lower(), got


@pytest.mark.parametrize(
    "body",
    [
        # Narrated acts: not in the lexicon, the writer's report.
        "Jane Roe voted for the 3 percent cut on Monday.",
        # Above the cut but also acts a newsroom reports (cue_verbs.ACTS): the writer's.
        "Police fired tear gas at 200 protesters on Monday.",
        "The board named Jane Roe chief executive in 2019.",
        "The senator refused to release 10 years of tax returns.",
        "Jane Roe offered 3 reasons to the committee.",
        "Jane Roe decided to cut the budget by 20 percent.",
        "The mayor signed 12 bills into law on Friday.",
        # A learned verb after a subject that holds no view, or in a passive.
        "The 3 percent levy was discussed at length on Monday.",
        "The plan discussed by the board cuts 3 percent of the budget.",
        "The case was filed by the group in 2013 and seeks records about 3 employees.",
        # A relative clause inside the subject: "whom Roe fired" frames nothing.
        "Jo Doe, a rival whom Roe fired in 2014, now runs 3 of the city's agencies.",
    ],
)
def test_a_narrated_act_stays_the_outlets(body: str) -> None:
    assert last_claim(body).attribution == "author"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("Jane Roe discussed the 3 percent cut with the board, John Doe said.", "John Doe"),
        ("Jane Roe discussed a 3 percent cut, according to the auditor.", "auditor"),
    ],
)
def test_an_explicit_speaker_is_not_overridden(body: str, claimant: str) -> None:
    got = _claimant(body)
    assert got is not None and claimant.lower() in got.lower(), got


def test_a_learned_verb_names_no_speaker_for_the_quotation_after_it() -> None:
    body = (
        "Jane Roe discussed the 3 percent cut with the board. "
        "“The levy has cost families $400 a year since 2019.”"
    )
    claim = last_claim(body)
    assert claim.claimant is None or "Roe" not in claim.claimant.name, claim.claimant
