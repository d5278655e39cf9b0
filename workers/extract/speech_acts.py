"""Acts of speech that carry a content without a verb of saying: a question put ("Roe asked
whether the levy was legal", "a reporter asked the mayor if rents would rise"), a view offered
("Roe offered her thoughts on the levy", "aides offered contradictory accounts of the deal")
and a statement or a plan issued ("Roe issued a statement saying …", "the campaign is releasing
an ad that urges …", "Roe unveiled a plan to …": the document speaks for its author). Their
subject (the one who asks, offers the view, issues the statement) holds the content; a
fact-checker records it as the claimant, not the outlet that reports it (``stance.stance_cue``
opens the frame). "offered a discount", "offered to resign" are acts, not views.
Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import CLAUSE_PRONOUNS

_QUESTION_WORDS = frozenset({"whether", "if"})
# Questions that open with a question word right after the verb ("asked why the levy had
# doubled", "asks how it is fair that …"), not a question of what to do ("asked how to apply")
# nor one put to someone ("asked her how she could help": an offer narrated).
_WH_WORDS = frozenset({"why", "how", "what"})
# Words of an addressee between "asked" and "whether" ("asked the mayor whether", "asked
# him if"): a short phrase with no clause of its own.
_NOT_ADDRESSEE = frozenset({"to", "that", "for", "about", "and", "but", "or", "when", "because"})


def yes_no_question(doc: Doc, i: int, end: int) -> bool:
    """Is the verb of asking at ``i`` followed by a question ("whether …", "if …"), an
    addressee of up to six words allowed between ("asked the former attorney general Jo Roe
    whether …")? Not "asked to leave if …" (a request, its
    condition) nor "asked about it, if only …"."""
    if not doc[i].lower_.startswith("ask"):
        return False  # "ordered a review of whether …" is a directive
    for k in range(i + 1, min(i + 8, end - 2)):
        word = doc[k]
        if word.lower_ in _QUESTION_WORDS:
            return k == i + 1 or doc[k - 1].lower_ not in {"even", "as"}
        if word.lower_ in _WH_WORDS:  # right after the verb only (see ``_WH_WORDS``)
            return k == i + 1 and doc[k + 1].lower_ != "to" and not doc[k + 1].is_punct
        abbreviation = word.text.endswith(".") and word.text[:1].isupper()  # "asked Mr. Roe if"
        if word.is_punct or word.lower_ in _NOT_ADDRESSEE or not (word.is_alpha or abbreviation):
            return False
    return False


_FINITE = frozenset(
    {"'d", "’d", "'ll", "’ll", "would", "will", "had", "has", "have", "was", "were", "is", "are",
     "could", "can", "should", "must", "might", "may", "did", "does"}
)  # fmt: skip


def told_clause(doc: Doc, i: int, end: int) -> bool:
    """Does a clause without "that" follow the verb of telling at ``i`` and its one- or
    two-word addressee ("reminded Roe he would need 15 percent", "assured donors they had
    …")? Not "reminded her of the day she was …"."""
    for k in (i + 2, i + 3):
        if k + 1 >= end or not all(
            t.is_alpha and t.lower_ not in {"of", "about"} for t in doc[i + 1 : k]
        ):
            return False
        if doc[k].lower_ in CLAUSE_PRONOUNS and doc[k + 1].lower_ in _FINITE:
            return True
    return False


OFFERING = frozenset({"offered", "offers", "offer", "offering"})
# Nouns of a view or an account that someone offers.
_VIEW_NOUNS = frozenset(
    {"thoughts", "view", "views", "opinion", "opinions", "assessment", "assessments", "praise",
     "condolences", "criticism", "criticisms", "critique", "review", "reviews", "warning",
     "warnings", "defense", "defence", "explanation", "explanations", "apology", "apologies",
     "account", "accounts", "description", "descriptions", "take", "perspective", "prediction",
     "predictions", "language", "words", "advice", "argument", "arguments", "rationale",
     "reassurance", "reassurances", "response", "rebuttal", "verdict", "theory", "theories"}
)  # fmt: skip


# Raising or floating a point puts it forward as one's own: "Roe raised the example of Ohio",
# "Doe floated the idea of a levy", "the report raises new questions about …"; addressing one
# answers it ("Roe addressed the fact that …", "addressed concerns about …"). "raised taxes",
# "raised $3 million", "floated the shares", "addressed the crowd", "cast a vote" are acts: no
# point made ("cast doubt on …" makes one).
RAISING = frozenset(
    {"raised", "raises", "raising", "floated", "floats", "floating", "sounded", "sounds",
     "sounding", "addressed", "addresses", "addressing", "cast", "casts", "casting"}
)  # fmt: skip
_RAISED_NOUNS = _VIEW_NOUNS | frozenset(
    {"example", "examples", "possibility", "prospect", "notion", "idea", "ideas", "specter",
     "spectre", "question", "questions", "concern", "concerns", "doubt", "doubts", "objection",
     "objections", "alarm", "fears", "worries", "comparison", "analogy", "point", "points",
     "note", "caution", "fact", "criticism", "reports", "rumors", "rumours", "allegations",
     "controversy", "issue", "aspersions"}
)  # fmt: skip
VIEW_VERBS = OFFERING | RAISING


def offers_view(doc: Doc, i: int, end: int) -> bool:
    """Is the verb at ``i`` "offered" with a view as its object ("offered his own thoughts on",
    "is offering her positive reviews of"), or "raised"/"floated" with a point made ("raised the
    example of", "floated the idea that"), up to three words (a determiner, adjectives) before
    the noun?"""
    lower = doc[i].lower_
    if lower not in VIEW_VERBS:
        return False
    nouns = _VIEW_NOUNS if lower in OFFERING else _RAISED_NOUNS
    for k in range(i + 1, min(i + 5, end)):
        if doc[k].lower_ in nouns:
            return True
        if not doc[k].is_alpha or doc[k].lower_ in {"to", "that", "and", "or"}:
            return False
    return False


# "issued a statement saying": a verb of issuing a statement, its noun, then the content.
ISSUING = frozenset(
    {"issued", "issues", "released", "releases", "sent", "sends", "put", "puts",
     "posted", "posts", "published", "publishes", "distributed", "circulated", "launched",
     "launches", "started", "starts", "filed", "files", "unveiled", "unveils", "introduced",
     "introduces", "signed", "signs", "wrote", "writes", "aired", "airs", "ran", "runs",
     "emailed", "emails", "issuing", "releasing", "sending", "posting", "publishing",
     "launching", "unveiling", "airing", "running", "circulating"}
)  # fmt: skip
_STATEMENT_NOUNS = frozenset(
    {"statement", "statements", "release", "email", "e-mail", "letter", "memo", "tweet",
     "message", "note", "video", "ad", "advertisement", "post", "report", "notice",
     "petition", "petitions", "op-ed", "lawsuit", "suit", "complaint", "ads", "letters",
     "resolution", "motion", "brief", "editorial", "column", "article", "story", "spot", "spots",
     "robocall", "robocalls", "commercial", "commercials", "mailer", "mailers", "advertisements"}
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
     "rejecting", "denying", "reporting", "confirming", "explaining", "announcing",
     "deploring", "condemning", "denouncing", "vowing", "promising", "pledging", "noting",
     "declaring", "stressing", "defending", "praising", "welcoming", "outlining", "detailing",
     "describing", "predicting", "estimating", "acknowledging", "admitting", "expressing",
     "attacking", "spotlighting", "highlighting"}
)  # fmt: skip
_PLAN_OPENERS = frozenset({"to", "that", "which", "would"})


def issued_statement(doc: Doc, i: int, end: int) -> bool:
    """Does the verb of issuing at ``i`` issue a statement with its content ("issued a statement
    saying …", "sent a letter urging …") or a plan with what it would do ("introduced a bill
    that would ban …")?"""
    window = [t.lower_ for t in doc[i + 1 : min(i + 9, end)]]
    noun = next((k for k, w in enumerate(window) if w in _STATEMENT_NOUNS), None)
    if noun is not None and any(w in _CONTENT_OPENERS for w in window[noun + 1 :]):
        return True
    plan = next((k for k, w in enumerate(window) if w in _PLAN_NOUNS), None)
    return plan is not None and plan + 1 < len(window) and window[plan + 1] in _PLAN_OPENERS
