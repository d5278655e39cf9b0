"""Stance frames: a source's position, demand or verdict rather than its words.

News reports much of what people claim without a verb of saying: "Roe wants the tax repealed",
"Roe has called for a $15 minimum wage", "Roe denounced the plan as a giveaway", "Roe issued a
statement saying …", "Roe sent a letter urging …", "Roe unveiled a plan to …" (a document
someone issues speaks for its author: ``speech_acts``), "Roe is continuing to insist that …",
"Roe has talked about …", "Roe came out against …", "Roe asked the police to find out whether …"
(a request), "Roe asked whether the levy was legal" (a question put, ``speech_acts``; "Roe asked
her how she could help" offers help), "Roe ordered the agency to release …" (a directive;
"ordered a review" is an act), "Roe sees the plan as a giveaway", "portraying Doe as …" (a
judgement: an object, "as" and a complement, not "as prices rose"), "Roe reminded voters that
…", "Roe supported the levy". The subject of such a frame holds the content, and a fact-checker
records them as its claimant. ``stance_cue`` tells whether the token at ``i`` opens one;
``chain_start`` steps back over a chain of verbs between the subject and the cue ("is continuing
to insist", "have taken to saying"). The subject itself is found as for any verb of saying
(``attribution``). A stated intent or declining counts with its to-infinitive ("Roe plans to cut
the levy", "the agency declined to release the files"), unless a verb of saying later in the
clause reports it ("…, Doe said"); "attacked" counts with its reason ("attacked Doe for raising
taxes"); a feeling with a "that" clause ("analysts are shocked that …"); a chain through an
adjective after a copula ("was quick to point out that …"); a preference, a challenge, an
identification, a reference ("prefers", "challenged", "identified", "referenced"). Left out on
purpose: verbs of action that news narrates far more often than it attributes with them
("attacked" alone, "backed", "signed", "filed" a document without its content, "focused on",
"celebrated", "promoted", "spoke out": most of their clauses are narration the annotators left
to the writer); "rejected"/"dismissed" count only when their object names what someone said
("rejected the allegation", "dismissed concerns that …") or judge it ("dismissed the protesters
as a fringe group"), not "rejected the bid" or "dismissed the case". Verbs PolNeAR's annotators
mostly read as cues once their clauses inside someone's content are set aside ("discussed",
"compared") are learned in ``cue_verbs``.
Pure: no Django.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc

from .lexicon import SPEECH_VERBS
from .nouns import CLAIM_NOUNS, INTENT_NOUNS
from .speech_acts import (
    ISSUING,
    VIEW_VERBS,
    issued_statement,
    offers_view,
    told_clause,
    yes_no_question,
)

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
        "attributed", "attributes", "supported", "opposed", "recommended", "recommends",
        "recommend", "highlighted", "highlights", "prefers", "prefer", "preferred",
        "challenged", "challenges", "identified", "identifies", "referenced", "references",
        "lauded", "lauds", "extolled", "extols",
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
    "talked": frozenset({"about", "of"}),
    "talks": frozenset({"about", "of"}),
    "talk": frozenset({"about"}),
    "talking": frozenset({"about"}),
    "spoke": frozenset({"of", "about", "out"}),
    "speaks": frozenset({"of", "about", "out"}),
    "speaking": frozenset({"of", "about", "out"}),
    "point": frozenset({"to", "out"}),
    "pushing": frozenset({"for"}),
    "vouched": frozenset({"for"}),
    # "doubled down on his pledge": a position kept and raised. Not "doubling": every "-ing"
    # stance word after an auxiliary opens a frame ("is doubling its staff").
    # "took issue with the figures": disputed them.
    "took": frozenset({"issue"}),
    "takes": frozenset({"issue"}),
    "doubled": frozenset({"down"}),
    "doubles": frozenset({"down"}),
    "concurred": frozenset({"with"}),
    # "sided with the tenants": taking a side is a stance ("Roe Sides With Doe On Levy").
    "sides": frozenset({"with"}),
    "sided": frozenset({"with"}),
    "siding": frozenset({"with"}),
    "singled": frozenset({"out"}),
    "advocate": frozenset({"for"}),
    "advocating": frozenset({"for"}),
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
# "made it clear that …", "has made the case that …".
_MAKING = frozenset({"made", "makes", "make", "making"})
_MADE_CASES = (
    "it clear",
    "that clear",  # "a footnote makes that clear: “…”"
    "this clear",
    "clear",
    "the case that",
    "the point that",
    "the argument that",
    "a point of",
    "no secret",  # "has made no secret of the fact that …": said openly
    "comments about",
    "remarks about",
    "the claim",
    "a claim",
)
# Verbs that report a view only with a "that" clause ("protesters marched" is an act).
_THAT_VERBS = frozenset({"agree", "agrees", "protested", "protests", "complain", "conclude"})
# A state of mind held about a proposition: "supporters are optimistic that …" (after a copula).
STANCE_ADJECTIVES = frozenset(
    {"optimistic", "hopeful", "confident", "convinced", "certain", "adamant", "skeptical",
     "sceptical", "worried", "upset", "pleased", "disappointed", "frustrated", "insistent"}
)  # fmt: skip
# Feelings about a proposition, a view only with "that": "analysts are shocked that Roe
# leads" ("she was proud of her term", "the mayor was furious" are the writer's narration).
FEELING_ADJECTIVES = frozenset(
    {"concerned", "shocked", "surprised", "angry", "furious", "outraged", "alarmed", "glad",
     "proud", "thrilled"}
)  # fmt: skip
# Verdicts on someone, given with their reason ("… for …").
_FAULTING = frozenset({"ripped", "rips", "faulted", "thanked", "credited", "credits", "attacked"})
# Verbs of a request or a directive, when what is requested follows ("to …", "for …"):
# "ordered the agency to release …"; "ordered a review" is an act.
_REQUESTING = frozenset(
    {"asked", "asks", "asking", "requested", "requests", "requesting", "encouraged",
     "encourages", "lobbying", "lobbied", "petitioned", "ordered", "orders", "directed",
     "directs", "instructed", "instructs"}
)  # fmt: skip
# Verbs of judging something to be something: "Roe sees the stadium as a waste", "regards
# the deal as dead"; "sees growth" and "as prices rose" are no judgement (see ``stance_cue``).
_JUDGING = frozenset(
    {"sees", "see", "saw", "views", "view", "regards", "regard", "regarded", "considers",
     "portray", "portrays", "portrayed", "portraying", "depict", "depicts", "depicted",
     "depicting"}
)  # fmt: skip
# Verbs of telling someone something: "reminded voters that …", "assured donors that …".
_TELLING = frozenset({"reminded", "reminds", "assured", "assures", "informed", "informs"})
_DETERMINERS = frozenset({"a", "an", "the", "another", "more", "yet"})
# Verbs that reject what someone said, when their object names it.
_DENYING = frozenset(
    {"rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes", "brushed"}
)  # fmt: skip
# Verbs that keep to what one said, when "by" and a word of saying follow: "stood by her
# remarks", "stands by an accusation he made" ("stood by the door" is an act). Not "standing":
# every "-ing" stance word after an auxiliary opens a frame ("have been standing in the rain").
_UPHOLDING = frozenset({"stood", "stands", "stand"})
_CONTESTED = (CLAIM_NOUNS - INTENT_NOUNS) | frozenset(
    {"concerns", "attacks", "notion", "idea", "reports", "report", "criticisms", "charges",
     "rumors", "rumours", "speculation", "suggestions", "characterization"}
)  # fmt: skip
# Verbs of a chain between a subject and its cue: "is continuing to insist".
_CHAIN_VERBS = frozenset(
    {"continuing", "continues", "continue", "continued", "trying", "tries", "tried", "try",
     "taken", "took", "began", "begun", "begins", "begin", "beginning", "pivoted",
     "moved", "went", "goes", "go", "rushed", "hastened", "attempted", "sought", "seeks",
     "seemed", "seems", "appeared", "appears", "used", "struggled", "struggling", "likely",
     "expected", "poised", "set", "going", "planning", "plans", "planned", "unlikely"}
)  # fmt: skip
# Adjectives of a chain after a copula: "was quick to point out", "is careful to note" (not
# "seemed ready to say": a verb before the adjective).
_CHAIN_ADJECTIVES = frozenset(
    {"quick", "careful", "eager", "keen", "ready", "willing", "reluctant", "hesitant"}
)  # fmt: skip
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
# Verbs of a stated intent or of declining, when a to-infinitive follows: "Roe plans to cut
# the levy", "the agency declined to release the files" (the subject's own position on what
# it will do or say); "plans a rally" is an act. "refused to" is left out: on PolNeAR train
# it gave 8 matches but moved 14 narrated acts ("Roe refused to meet the envoy") off the writer.
INTENT_VERBS = frozenset(
    {"plans", "plan", "planned", "planning", "intends", "intend", "intended", "declined",
     "declines", "decline", "declining"}
)  # fmt: skip
# Words after "to" that make it a preposition, not an infinitive ("plans to the council").
_NOT_INFINITIVE = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
     "my", "your", "him", "them", "us", "me", "it", "all", "some", "any", "each", "every"}
)  # fmt: skip
# Degree words before "likely": "voters were slightly more likely to say …" (a survey's share).
_DEGREE = frozenset({"more", "less", "most", "least", "slightly", "much", "far", "somewhat"})


# Every word that can open a stance frame: anything else is passed over at once.
STANCE_WORDS = (
    STANCE_VERBS
    | frozenset(PARTICLE_CUES)
    | _NAMING
    | ISSUING
    | _MAKING
    | _DENYING
    | _UPHOLDING
    | _REQUESTING
    | _FAULTING
    | _THAT_VERBS
    | _JUDGING
    | _TELLING
    | STANCE_ADJECTIVES
    | FEELING_ADJECTIVES
    | INTENT_VERBS
    | frozenset({"quoted", "quotes", "came", "comes", "coming"})
    | VIEW_VERBS
)


def stance_cue(doc: Doc, i: int, end: int, inside: dict) -> bool:
    """Does token ``i`` open a stance frame (see the module docstring)?"""
    lower = doc[i].lower_
    after = doc[i + 1].lower_ if i + 1 < end else ""
    if lower in STANCE_VERBS:
        if lower.endswith("ed") and after == "by":
            # "was rebuked by X" is a passive (its agent is found later); "a measure opposed by
            # unions" describes the measure, with no auxiliary: no frame for the measure.
            return any(t.lower_ in _PASSIVE_AUX for t in doc[max(0, i - 3) : i])
        return True
    if lower in INTENT_VERBS:
        # "declined to release the files": an infinitive (a lower-case verb) after "to".
        # A verb of saying later in the clause frames it ("Roe plans to cut the levy, Doe
        # said": Doe's report of Roe's plan).
        verb = doc[i + 2] if i + 2 < end else None
        return (
            after == "to"
            and verb is not None
            and verb.is_alpha
            and verb.text.islower()
            and verb.lower_ not in _NOT_INFINITIVE
            and not _reported_later(doc, i + 3, end, inside)
        )
    if lower in _THAT_VERBS and after == "that":
        return True  # "experts agree that …", "his campaign protested that …"
    if lower in STANCE_ADJECTIVES:  # "supporters are optimistic that …"
        return after == "that"
    if lower in FEELING_ADJECTIVES:  # "…, her aides said": the aides report the feeling
        return after == "that" and not _reported_later(doc, i + 2, end, inside)
    if lower in _JUDGING:
        return _judged_as(doc, i, end, inside)
    if lower in _NAMING and lower[:4] != "call" and _judged_as(doc, i, end, inside):
        return True  # "characterized the plan as a giveaway", "branded Roe as a liar"
    if lower in _TELLING:  # "reminded the crowd that …", "assured donors they would …"
        return any(t.lower_ == "that" for t in doc[i + 1 : min(i + 6, end)]) or told_clause(
            doc, i, end
        )
    if lower in _MAKING:
        words = [t.lower_ for t in doc[i + 1 : min(i + 5, end)]]
        return any(" ".join(words).startswith(case) for case in _MADE_CASES)
    if lower in PARTICLE_CUES and after in PARTICLE_CUES[lower]:
        return True
    if lower in {"came", "comes", "coming"}:  # "came out against the pact"
        return after == "out" and i + 2 < end and doc[i + 2].lower_ in {"against", "for", "in"}
    if lower in _FAULTING:
        # "ripped the director for acting as “the judge and the jury”", "thanked voters for …"
        if any(t.lower_ == "for" for t in doc[i + 2 : min(i + 9, end)]):
            return True
        return lower == "attacked" and _judged_as(doc, i, end, inside)  # "… as too soft"
    if lower in _REQUESTING:
        # "asked the department to investigate whether …", "requested an inquiry into …",
        # "asks for an investigation": a request; "asked her how he could help" is a question.
        requested = lower.startswith("request") and after in _DETERMINERS
        if after in {"for", "that"} or requested or yes_no_question(doc, i, end):
            return True  # "asked whether the levy was legal": a question put
        window = [t.lower_ for t in doc[i + 1 : min(i + 12, end)]]
        to = next((k for k, w in enumerate(window) if w == "to"), None)
        questions = {"how", "what", "why", "when", "where", "who", "if", "whether"}
        return to is not None and 0 < to < len(window) - 1 and not set(window[:to]) & questions
    if lower in _UPHOLDING:  # "stood by her remarks"; the same words of saying as a denial's
        return after == "by" and any(t.lower_ in _CONTESTED for t in doc[i + 2 : min(i + 6, end)])
    if lower in _DENYING:
        # "rejected the allegation", "dismissed concerns that …": a stance on someone's claim;
        # "rejected the bid", "dismissed the case" are acts.
        # "dismissed him as a fringe candidate": a verdict on him.
        contested = any(t.lower_ in _CONTESTED for t in doc[i + 1 : min(i + 6, end)])
        return contested or _judged_as(doc, i, end, inside)
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
    if lower in ISSUING:
        return issued_statement(doc, i, end)  # "issued a statement saying …"
    return offers_view(doc, i, end)  # "offered his thoughts on …"


def _reported_later(doc: Doc, k: int, end: int, inside: dict) -> bool:
    """A verb of saying or "according to" in tokens ``k:end``, outside quotations."""
    words = [t.lower_ for t in doc[k:end] if t.i not in inside]
    return bool(SPEECH_VERBS.intersection(words)) or any(
        a == "according" and b == "to" for a, b in pairwise(words)
    )


def _judged_as(doc: Doc, i: int, end: int, inside: dict) -> bool:
    """ "sees the stadium as a waste", "views Roe as the stronger candidate", "considers the
    tax unfair": an object, then "as" and what it is judged to be ("considers" needs no "as"
    but an adjective or a noun phrase, as news writes it: "considers it a mistake")."""
    if i + 1 < end and doc[i + 1].lower_ == "that":
        return True  # "sees that the tide has turned"
    window = doc[i + 1 : min(i + 21, end)]
    for k, t in enumerate(window):
        if t.text in {",", ";", ":"} and t.i not in inside:
            return False
        if t.lower_ == "as" and k > 0:
            return _complement_follows(doc, t.i + 1, end)
    return False


# Words after which a noun or an adjective judged follows the "as" ("as a waste", "as more of
# a threat"); words after which a judgement's complement ends ("as unfair to …", "as weak,").
_COMPLEMENT_OPENERS = frozenset({"a", "an", "more", "less", "too", "so", "largely", "mostly"})
_COMPLEMENT_ENDS = frozenset(
    {"of", "to", "for", "that", "by", "and", "or", "in", "on", "at", "who", "which", ",", ".",
     ";", "—", "–", "-", "but"}
)  # fmt: skip


def _complement_follows(doc: Doc, k: int, end: int) -> bool:
    """After "as": what something is judged to be ("a waste", "dangerous", "evidence that …",
    "the fairest tax"), not a clause ("as trade grows", "as the summer begins", "as Roe left")."""
    if k + 1 < end and doc[k].lower_ == "being":
        k += 1  # "as being too soft on lenders"
    if k >= end or not doc[k].text.islower():
        return False
    if doc[k].lower_ in _COMPLEMENT_OPENERS:
        return True
    if doc[k].lower_ == "the":  # "as the biggest threat", "as the heir of …"
        return k + 2 < end and (
            doc[k + 1].lower_.endswith("est") or doc[k + 2].lower_ in _COMPLEMENT_ENDS
        )
    return k + 1 >= end or doc[k + 1].lower_ in _COMPLEMENT_ENDS


def chain_start(doc: Doc, i: int, start: int) -> int | None:
    """The token before a chain of verbs ending at the cue ``i`` ("Roe is continuing to
    insist": the index of "is"), or None when no chain precedes it."""
    j = i - 1
    if j - 1 < start or doc[j].lower_ != "to":
        return None
    j -= 1
    if j - 1 >= start and doc[j].lower_ == "on":
        j -= 1  # "went on to say"
    if doc[j].lower_ in _CHAIN_ADJECTIVES:
        return j - 1 if j - 1 >= start and doc[j - 1].lower_ in _PASSIVE_AUX else None
    if doc[j].lower_ not in _CHAIN_VERBS:
        return None
    k = j - 1
    while doc[j].lower_ in {"likely", "unlikely"} and k > start and doc[k].lower_ in _DEGREE:
        k -= 1  # "were slightly more likely to say": the copula before the degree words
    return k
