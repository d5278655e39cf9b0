"""A share of the people a poll asked, holding a view: "Just 30 percent of voters consider the
mayor honest.", "Fifteen percent of voters in the poll were undecided.", "About 9 in 10
renters are unhappy with the levy." The share speaks for the poll as it does with "say" (the
poll's finding, not the outlet's), although its verb is no verb of saying. A share of things
("Ten percent of the budget goes to roads") holds no view. Pure: no Django."""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import DOCUMENT_NOUNS, ROLE_NOUNS, SHARE_RE
from .speakers import Attribution, past_conjunctions

# People a poll asks, besides the role nouns ("voters", "respondents", "democrats", …).
_PEOPLE = frozenset(
    {"americans", "adults", "independents", "parents", "women", "men", "latinos", "hispanics",
     "millennials", "students", "renters", "tenants", "homeowners", "residents", "those",
     "respondents", "people", "voters", "republicans", "democrats", "catholics", "evangelicals"}
)  # fmt: skip
# Views in the present, and the past of thinking ("backed the measure", "approved the levy" in
# the past narrate a vote, an act).
_VIEW_VERBS = frozenset(
    {"consider", "considers", "considered", "hold", "holds", "think", "thinks", "thought",
     "believe", "believes", "believed", "favor", "favors", "favour", "favours", "approve",
     "approves", "disapprove", "disapproves", "oppose", "opposes", "support", "supports",
     "back", "backs", "prefer", "prefers", "want", "wants", "trust", "trusts", "view",
     "views", "viewed", "expect", "expects", "rate", "rates", "agree", "agrees", "disagree",
     "disagrees"}
)  # fmt: skip
_COPULAS = frozenset({"are", "were", "is", "was", "remain", "remained"})
_STATES = frozenset(
    {"undecided", "unhappy", "happy", "angry", "satisfied", "dissatisfied", "optimistic",
     "pessimistic", "confident", "worried", "concerned", "unsure", "opposed", "uncertain",
     "likely", "unlikely", "enthusiastic", "frustrated", "afraid", "comfortable",
     "uncomfortable", "skeptical", "sceptical", "convinced", "willing", "unwilling"}
)  # fmt: skip
_ADVERBS = frozenset({"still", "also", "now", "already", "strongly", "somewhat", "either", "not"})


def share_view(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """The share of those asked opening the clause, when its verb states a view ("consider",
    "oppose", "are unhappy"); ``None`` otherwise."""
    first = past_conjunctions(doc, start, end)
    if first >= end or first in inside or not SHARE_RE.match(doc[first : min(first + 6, end)].text):
        return None
    for k in range(first + 1, min(first + 16, end - 1)):
        if k in inside or doc[k].text in {",", ";", ":", "(", "—", "–"}:
            return None
        lower = doc[k].lower_
        state = lower in _COPULAS and _state_follows(doc, k, end)
        if lower not in _VIEW_VERBS and not state:
            continue
        sp_end = k
        while sp_end - 1 > first and doc[sp_end - 1].lower_ in _ADVERBS:
            sp_end -= 1
        subject = doc[first:sp_end]
        if any(t.lower_ in DOCUMENT_NOUNS for t in subject):
            return None  # "… of the county budget", "… of voters in the poll": left as it was
        people = any(t.lower_ in _PEOPLE or t.lower_ in ROLE_NOUNS for t in subject)
        bare = all(t.like_num or t.text in {"%", "-"} or t.lower_ in _FILLERS for t in subject)
        if not (people or bare):
            return None  # "Ten percent of the budget goes …": no one asked
        return Attribution("reported_speech", (first, sp_end), k, trailing=False)
    return None


# Words of a bare share ("Just 30 percent", "About 9 in 10", "Only half").
_FILLERS = frozenset(
    {"just", "only", "about", "almost", "nearly", "roughly", "some", "over", "under", "more",
     "than", "fewer", "less", "percent", "in", "half", "a", "third", "quarter", "majority",
     "minority", "plurality", "two-thirds", "three-quarters", "fully", "well", "barely"}
)  # fmt: skip


def _state_follows(doc: Doc, k: int, end: int) -> bool:
    """A state of mind after the copula at ``k`` ("are unhappy", "were still undecided")."""
    j = k + 1
    while j < end and doc[j].lower_ in _ADVERBS | {"very", "more", "less", "most", "deeply"}:
        j += 1
    return j < end and doc[j].lower_ in _STATES
