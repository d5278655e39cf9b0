"""Stance frames: a source's position, demand or verdict rather than its words.

News reports much of what people claim without a verb of saying: "Roe wants the tax
repealed", "Roe has called for a $15 minimum wage", "Roe denounced the plan as a giveaway",
"Roe issued a statement saying …", "Roe is continuing to insist that …". The subject of such
a frame holds the content, and a fact-checker records them as its claimant. ``stance_cue``
tells whether the token at ``i`` opens one; ``chain_start`` steps back over a chain of
verbs between the subject and the cue ("is continuing to insist", "have taken to saying").
The subject itself is found as for any verb of saying (``attribution``). Left out on
purpose: verbs of action that news narrates far more often than it attributes with them
("attacked", "rejected", "refused", "backed", "dismissed", "signed").
Pure: no Django.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc

# Verbs whose subject takes a position on (or passes a verdict on) what follows.
STANCE_VERBS = frozenset(
    {
        "wants", "want", "wanted", "supports", "support", "opposes", "oppose",
        "endorsed", "endorses", "endorse", "favors", "favours", "favored", "favoured",
        "praises", "praise", "hailed", "hails", "applauded", "applauds", "condemned",
        "condemns", "condemn", "denounced", "denounces", "denounce", "mocked", "mocks",
        "ridiculed", "ridicules", "derided", "derides", "blasted", "blasts", "castigated",
        "castigates", "chided", "chides", "rebuked", "rebukes", "lambasted", "lambastes",
        "criticize", "criticise", "accuse", "blame", "deny", "dispute", "vow", "pledge",
        "pledges", "promise", "demand", "urge", "propose", "voiced", "voices",
        "lamented", "bemoaned", "bemoans", "decry", "assailed", "assails",
        "bashed", "bashes", "chastised", "chastises", "commended", "commends", "trashed",
        "excoriated", "excoriates", "berated", "berates", "scolded", "scolds", "disparaged",
        "advocated", "championed", "reaffirmed", "reaffirms", "rebutted", "rebuts",
    }
)  # fmt: skip
# Verbs that take a stance only with their particle: "called for", "points to".
PARTICLE_CUES = {
    "called": frozenset({"for", "on"}),
    "calls": frozenset({"for", "on"}),
    "points": frozenset({"to", "out"}),
    "pressed": frozenset({"for"}),
    "presses": frozenset({"for"}),
    "pushed": frozenset({"for"}),
    "pushes": frozenset({"for"}),
    "apologized": frozenset({"for"}),
    "apologised": frozenset({"for"}),
    "railed": frozenset({"against"}),
    "rails": frozenset({"against"}),
    # "has threatened to tear up the deal": a stated intent; "threatened by floods" is not.
    "threatened": frozenset({"to"}),
    "threatens": frozenset({"to"}),
    "advocates": frozenset({"for"}),
}
# "called the plan ''a giveaway''": naming something in a quotation is a verdict.
_NAMING = frozenset(
    {"called", "calls", "call", "labeled", "labelled", "dubbed", "branded", "characterized",
     "characterised", "characterizes"}
)  # fmt: skip
# "issued a statement saying": a verb of issuing a statement, its noun, then the content.
_ISSUING = frozenset(
    {"issued", "issues", "released", "releases", "sent", "sends", "put", "puts",
     "posted", "posts", "published", "publishes", "distributed", "circulated", "launched",
     "launches", "started", "starts", "filed", "files", "unveiled", "unveils", "introduced",
     "introduces", "signed", "signs", "wrote", "writes", "aired", "airs", "ran", "runs"}
)  # fmt: skip
_STATEMENT_NOUNS = frozenset(
    {"statement", "statements", "release", "email", "e-mail", "letter", "memo", "tweet",
     "message", "note", "video", "ad", "advertisement", "post", "report", "notice",
     "petition", "petitions", "op-ed", "lawsuit", "suit", "complaint", "ads", "letters",
     "resolution", "motion", "brief", "editorial", "column"}
)  # fmt: skip
# A plan or a bill someone puts forward states what it would do: "unveiled a $3 billion plan
# to fix …", "introduced a bill that would ban …".
_PLAN_NOUNS = frozenset(
    {"plan", "plans", "proposal", "proposals", "bill", "bills", "legislation", "budget",
     "agenda", "amendment", "measure"}
)  # fmt: skip
_CONTENT_OPENERS = frozenset(
    {"saying", "stating", "arguing", "claiming", "that", "warning", "urging", "calling",
     "demanding", "asking", "accusing", "alleging", "seeking", "criticizing", "criticising",
     "blaming", "questioning", "touting", "insisting", "contending", "asserting", "disputing",
     "rejecting", "denying"}
)  # fmt: skip
_PLAN_OPENERS = frozenset({"to", "that", "which", "would"})
# "made it clear that …", "has made the case that …".
_MAKING = frozenset({"made", "makes", "make", "making"})
_MADE_CASES = (
    "it clear",
    "clear",
    "the case that",
    "the point that",
    "the argument that",
)
# Verbs of a chain between a subject and its cue: "is continuing to insist".
_CHAIN_VERBS = frozenset(
    {"continuing", "continues", "continue", "continued", "trying", "tries", "tried", "try",
     "taken", "took", "began", "begun", "begins", "begin", "beginning", "pivoted",
     "moved", "went", "goes", "go", "rushed", "hastened", "attempted", "sought", "seeks",
     "seemed", "seems", "appeared", "appears", "used", "struggled", "struggling", "likely",
     "expected", "poised", "set", "going", "planning", "plans", "planned"}
)  # fmt: skip


# Every word that can open a stance frame: anything else is passed over at once.
STANCE_WORDS = (
    STANCE_VERBS
    | frozenset(PARTICLE_CUES)
    | _NAMING
    | _ISSUING
    | _MAKING
    | frozenset({"agree", "agrees", "quoted", "quotes"})
)


def stance_cue(doc: Doc, i: int, end: int, inside: dict) -> bool:
    """Does token ``i`` open a stance frame (see the module docstring)?"""
    lower = doc[i].lower_
    after = doc[i + 1].lower_ if i + 1 < end else ""
    if lower in STANCE_VERBS:
        return True
    if lower in {"agree", "agrees"} and after == "that":
        return True  # "experts agree that …"
    if lower in _MAKING:
        words = [t.lower_ for t in doc[i + 1 : min(i + 5, end)]]
        return any(" ".join(words).startswith(case) for case in _MADE_CASES)
    if lower in PARTICLE_CUES and after in PARTICLE_CUES[lower]:
        return True
    if lower in {"quoted", "quotes"}:
        # "The Post quoted an unnamed official as saying …": the paper reports it.
        window = [t.lower_ for t in doc[i + 2 : min(i + 12, end)]]
        return any(a == "as" and b in {"saying", "telling"} for a, b in pairwise(window))
    if lower in {"put", "puts"} and after == "it":
        # "As Jo Roe put it: “…”", "Roe put it bluntly, …": a way of saying, not an act.
        closing = doc[i + 2] if i + 2 < end else None
        return (
            closing is None
            or closing.text in {":", ",", "."}
            or closing.lower_ == "this"
            or (closing.text.islower() and closing.text.endswith("ly"))  # "put it bluntly"
        )
    # Not "a blog, called “The Feed,”": after a comma, an object must come before the quotation
    # ("Jo Roe, the former governor, called his rival “robotic”").
    after_comma = i > 0 and doc[i - 1].text == ","
    object_first = i + 1 < end and (i + 1) not in inside and doc[i + 1].is_alpha
    naming = lower in _NAMING and i > 0 and (not after_comma or object_first)
    if naming and any(k in inside for k in range(i + 2, min(i + 12, end))):
        return True  # "called the plan ''a giveaway''"
    last = end - 1
    while last > i and doc[last].is_punct and last not in inside:
        last -= 1
    if (
        naming
        and last in inside
        and i + 2 < inside[last][0] < i + 30
        and last - inside[last][0] < 8
    ):
        return True  # "called a report suggesting donors were favoured “outrageous.”"
    if lower in _ISSUING:
        window = [t.lower_ for t in doc[i + 1 : min(i + 9, end)]]
        noun = next((k for k, w in enumerate(window) if w in _STATEMENT_NOUNS), None)
        if noun is not None and any(w in _CONTENT_OPENERS for w in window[noun + 1 :]):
            return True
        plan = next((k for k, w in enumerate(window) if w in _PLAN_NOUNS), None)
        return plan is not None and plan + 1 < len(window) and window[plan + 1] in _PLAN_OPENERS
    return False


def chain_start(doc: Doc, i: int, start: int) -> int | None:
    """The token before a chain of verbs ending at the cue ``i`` ("Roe is continuing to
    insist": the index of "is"), or None when no chain precedes it."""
    j = i - 1
    if j - 1 < start or doc[j].lower_ != "to":
        return None
    j -= 1
    if j - 1 >= start and doc[j].lower_ == "on":
        j -= 1  # "went on to say"
    return j - 1 if doc[j].lower_ in _CHAIN_VERBS else None


# Nouns for what someone put forward: "Roe's claim that …", "complaints from Doe that …".
_CLAIM_NOUNS = frozenset(
    {"claim", "claims", "assertion", "assertions", "argument", "arguments", "contention",
     "allegation", "allegations", "accusation", "accusations", "charge", "complaint",
     "complaints", "insistence", "suggestion", "warning", "warnings", "prediction",
     "predictions", "belief", "boast", "criticism", "statement", "remarks", "comments",
     "promise", "pledge", "vow", "threat", "proposal", "plan", "call", "demand", "view"}
)  # fmt: skip
# Nouns whose content is a plan rather than a proposition: "Roe's plan to …".
_INTENT_NOUNS = frozenset({"promise", "pledge", "vow", "threat", "proposal", "plan", "call"})
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
        if lower not in _CLAIM_NOUNS or i in inside:
            continue
        after = i + 1
        if doc[after].lower_ in {"was", "is"}:
            after += 1  # "the suggestion was that …"
        opens = doc[after].lower_ == "that" or (
            lower in _INTENT_NOUNS and doc[after].lower_ == "to" and after == i + 1
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
