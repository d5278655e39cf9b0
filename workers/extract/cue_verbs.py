"""Learned cue verbs: verbs news uses to attribute a claim to their subject.

Beyond the verbs of saying and the stance frames written by hand, PolNeAR's annotators treat
many more verbs as cues when their subject is someone who can hold a view ("Roe discussed the
levy", "Roe compared the plan to a tax", "the union refused to sign"). ``cue_verbs.json`` holds, for
each verb stem, how often it was a cue with its subject as the source and how often the same
verb after such a subject was left to the writer (rebuilt by ``python -m
evaluation.build_cue_verbs --polnear DIR`` from train only; counts, no corpus text). A stem is a
cue when it has at least ``MIN_CUES`` cue uses and a cue share of at least ``MIN_SHARE`` (the cut
chosen by cross-validation on two halves of train). ``learned_cue`` tells whether token ``i`` is
such a verb in a finite form; its subject is found as for any verb of saying, and must be a
view holder (``attribution``). Narrated acts ("voted", "filed", "signed") fall below the cut and
stay the writer's. Such a frame credits the clause to its subject but names no speaker for the
quotations after it (``Attribution.speaks``): "share the blame" is no verb of saying. Pure: no
Django.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from .complements import that_clause_verb
from .cues import CUE_WORDS
from .lexicon import QUOTE_PARTICIPLES
from .speakers import Attribution

MIN_CUES = 4
MIN_SHARE = 0.6
MODALS = frozenset(
    {"would", "will", "could", "can", "may", "might", "should", "must", "did", "does", "do"}
)  # fmt: skip
_RELATIVES = frozenset({"who", "whom", "whose", "which"})
_SIBILANT = ("sh", "ch", "x", "ss", "zz")


def stem(word: str) -> str:
    """A verb's stem, the same for its base, -s and -ed forms ("votes", "voted" -> "vot";
    "admits", "admitted" -> "admit"; "calls", "called" -> "cal"; "denies", "denied" -> "deny")."""
    w = word.lower()
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("es") and w[:-2].endswith(_SIBILANT):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("ed"):
        w = w[:-1] if w.endswith("eed") else w[:-2]  # "agreed" -> "agree", "voted" -> "vot"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def finite_form(word: str) -> bool:
    """A past or -s form ("conceded", "touts"); base forms count after a modal only."""
    return word.endswith("ed") or (
        word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
    )


COUNTS: dict[str, list[int]] = json.loads(Path(__file__).with_name("cue_verbs.json").read_text())[
    "verbs"
]


def learned(counts: dict[str, list[int]], min_cues: int, min_share: float) -> frozenset[str]:
    """The stems above the cut."""
    return frozenset(
        k
        for k, (cue, plain) in counts.items()
        if cue >= min_cues and cue / (cue + plain) >= min_share
    )


# Stems above the cut whose verbs also name acts a newsroom reports rather than claims: "Police
# fired tear gas", "The board named Roe chief executive", "The senator refused to release his
# returns", "Roe decided to cut the budget", "Roe offered 3 reasons". PolNeAR's annotators made
# many of their uses cues, but crediting such a sentence to its subject tells an editor that the
# subject claimed it; on train these stems moved most of the claims the rule took off the outlet
# that pair with no gold attribution (offer, decide, refuse, avoid). Reviewed by hand, not learned.
ACTS = frozenset(
    {"aim", "avoid", "decid", "expos", "fir", "ignor", "knock", "list", "nam", "offer",
     "plead", "present", "refus", "seek"}
)  # fmt: skip
LEARNED = learned(COUNTS, MIN_CUES, MIN_SHARE) - ACTS


def learned_cue(doc: Doc, i: int, end: int) -> bool:
    """Is token ``i`` a learned cue verb in a finite form (not a passive's "… by")?"""
    word = doc[i].text
    if not (word.isalpha() and word.islower()) or stem(word) not in LEARNED:
        return False
    if i + 1 < end and doc[i + 1].lower_ == "by":
        return False
    return finite_form(word) or (i > 0 and doc[i - 1].lower_ in MODALS)


def relative_subject(doc: Doc, start: int, end: int) -> bool:
    """ "a rival whom Roe fired": the verb sits in a relative clause, no frame of its own."""
    return any(t.lower_ in _RELATIVES for t in doc[start:end])


def learned_frame(doc: Doc, found: Attribution | None, end: int) -> Attribution | None:
    """``found``, marked as no verb of saying when its verb is a learned cue: its subject
    holds the clause, not the quotations after it."""
    if found is None or found.kind != "reported_speech" or found.verb >= end:
        return found
    i = found.verb
    if doc[i].lower_ in CUE_WORDS or that_clause_verb(doc, i, end) or not learned_cue(doc, i, end):
        return found
    if _saying_follows(doc, i, end):
        return found  # "Roe distanced herself from the plan by saying …": Roe spoke
    return replace(found, speaks=False)


# Words before a participle of saying that makes it the subject's ("…, saying", "by saying").
_BEFORE_SAYING = frozenset({",", "—", "–", "--", "by", "after", "while"})


def _saying_follows(doc: Doc, i: int, end: int) -> bool:
    """A participle of saying after verb ``i`` in the same clause ("distanced herself from the
    plan, saying …", "… by telling reporters …"): the verb's subject spoke."""
    return any(
        doc[k].lower_ in QUOTE_PARTICIPLES and doc[k - 1].lower_ in _BEFORE_SAYING
        for k in range(i + 2, min(i + 25, end))
    )
