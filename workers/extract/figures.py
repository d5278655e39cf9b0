"""A measurement's figures running on: the standings a poll reports after the sentence that
names it.

News reports a poll in one clause and lists its standings in the clauses after it: "The mayor
has 41 percent, according to a Harlow poll of 800 residents. Her rival is at 33 percent. The
council member is third at 11 percent.", "The Harlow poll found that rents rose 9 percent in
the north, while they fell 2 percent in the south." Those figures are the poll's, not the
writer's. ``measured_by`` tells whether an attribution's source is a measurement (its speaker
phrase holds a poll, a survey, a count …); ``states_figures`` whether a clause with no
attribution of its own states a share ("at 12 percent", "by 9 points", "18%"). The run ends at
the first clause that states no such figure, speaks of a measurement or names a source of its
own (``extraction``).
Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import MEASURE_NOUNS, SHARE_RE
from .speakers import Attribution

_SHARE_WORDS = frozenset({"percent", "%", "points", "point", "percentage"})
# A clause longer than this is more than a line of standings.
_MAX_TOKENS = 40


def measured_by(doc: Doc, attr: Attribution | None) -> bool:
    """Is the attribution's source a measurement ("a new Harlow poll", "the latest survey")?"""
    if attr is None or attr.speaker is None or attr.first_person:
        return False
    start, end = attr.speaker
    return any(t.lower_ in MEASURE_NOUNS for t in doc[start:end])


def states_figures(doc: Doc, start: int, end: int, inside: dict) -> bool:
    """Does the clause state a share ("trails at 12 percent", "18%", "by 9 points"), outside
    any quotation, in a line of standings' length? Not a clause about a measurement ("The poll
    has a margin of error of 3 points", "a Kestrel poll showed …": another one), nor one whose
    subject is a share of the people asked ("Thirty percent would vote for Roe": theirs)."""
    if end - start > _MAX_TOKENS or any(k in inside for k in range(start, end)):
        return False
    if any(t.lower_ in MEASURE_NOUNS for t in doc[start:end]):
        return False
    if SHARE_RE.match(doc[start : min(start + 6, end)].text):
        return False
    return any(doc[k].lower_ in _SHARE_WORDS and doc[k - 1].like_num for k in range(start + 1, end))
