"""Noun frames: a noun naming what someone put forward, with its content after it.

"Roe's claim that …", "Doe's plan to …", "complaints from the minister that …", "accusations by
Acme, a rival, that …": the owner or the agent of the noun is the claimant of the content, even
when the sentence around it is the outlet's ("Roe has gained ground with Doe's plan to …").
``attribution`` tries it when no verb frame is found. Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Nouns for what someone put forward: "Roe's claim that …", "complaints from Doe that …".
CLAIM_NOUNS = frozenset(
    {"claim", "claims", "assertion", "assertions", "argument", "arguments", "contention",
     "allegation", "allegations", "accusation", "accusations", "charge", "complaint",
     "complaints", "insistence", "suggestion", "warning", "warnings", "prediction",
     "predictions", "belief", "boast", "criticism", "statement", "remarks", "comments",
     "promise", "pledge", "vow", "threat", "proposal", "plan", "call", "demand", "view"}
)  # fmt: skip
# Nouns whose content is a plan rather than a proposition: "Roe's plan to …".
INTENT_NOUNS = frozenset({"promise", "pledge", "vow", "threat", "proposal", "plan", "call"})
_OWNER_MARKS = frozenset({"'s", "’s", "'", "’"})


def _owner_before(doc: Doc, mark: int, start: int) -> tuple[int, int] | None:
    """The capitalised name before a possessive mark ("Jo Roe's"), as a token range."""
    k = mark
    while k > start and mark - k < 4 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
        k -= 1
    return (k, mark) if k < mark else None


def _is_name(span) -> bool:
    return 0 < len(span) <= 4 and all(t.text[:1].isupper() for t in span)


def noun_frame(doc: Doc, start: int, end: int, inside: dict) -> tuple[int, int, int] | None:
    """ "Roe's claim that …", "Doe's plan to …", "complaints from the minister that …",
    "Roe's most surprising suggestion was that …": a noun naming what its owner or agent
    put forward, with the content after it. (speaker start, speaker end, noun) or None."""
    for i in range(start + 1, end - 2):
        lower = doc[i].lower_
        if lower not in CLAIM_NOUNS or i in inside:
            continue
        after = i + 1
        if doc[after].lower_ in {"was", "is"}:
            after += 1  # "the suggestion was that …"
        opens = doc[after].lower_ == "that" or (
            lower in INTENT_NOUNS and doc[after].lower_ == "to" and after == i + 1
        )
        # "complaints from his counterpart that …", "accusations by Acme, a rival, that …"
        agent = None
        if doc[after].lower_ in {"by", "from"}:
            that = next(
                (k for k in range(after + 2, min(after + 14, end)) if doc[k].lower_ == "that"),
                None,
            )
            if that is not None and not any(
                doc[k].text in {";", "“", '"'} for k in range(after, that)
            ):
                stop = next((k for k in range(after + 1, that) if doc[k].text == ","), that)
                agent, opens = (after + 1, stop), stop > after + 1
                named = doc[stop + 1 : that - 1]
                if stop < that and doc[that - 1].text == "," and _is_name(named):
                    agent = (stop + 1, that - 1)  # "by the secretary, Jo Roe, that": the name
        if not opens:
            continue
        if agent is not None:
            return (agent[0], agent[1], i)
        # The owner: "Roe's claim", "Roe's most surprising suggestion" (two words between).
        for mark in range(i - 1, max(start, i - 4) - 1, -1):
            if doc[mark].text in _OWNER_MARKS:
                owner = _owner_before(doc, mark, start)
                if owner is not None:
                    return (owner[0], owner[1], i)
                break
            if not doc[mark].is_alpha or not doc[mark].text.islower():
                break
    return None
