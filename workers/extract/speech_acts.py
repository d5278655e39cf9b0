"""Acts of speech that carry a content without a verb of saying: a question put ("Roe asked
whether the levy was legal", "a reporter asked the mayor if rents would rise") and a view
offered ("Roe offered her thoughts on the levy", "aides offered contradictory accounts of the
deal"). Their subject (the one who asks, the one who offers the view) holds the content; a
fact-checker records it as the claimant, not the outlet that reports it (``stance.stance_cue``
opens the frame). "offered a discount", "offered to resign" are acts, not views.
Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

_QUESTION_WORDS = frozenset({"whether", "if"})
# Words of an addressee between "asked" and "whether" ("asked the mayor whether", "asked
# him if"): a short phrase with no clause of its own.
_NOT_ADDRESSEE = frozenset({"to", "that", "for", "about", "and", "but", "or", "when", "because"})


def yes_no_question(doc: Doc, i: int, end: int) -> bool:
    """Is the verb of asking at ``i`` followed by a question ("whether …", "if …"), an
    addressee of up to four words allowed between? Not "asked to leave if …" (a request, its
    condition) nor "asked about it, if only …"."""
    if not doc[i].lower_.startswith("ask"):
        return False  # "ordered a review of whether …" is a directive
    for k in range(i + 1, min(i + 6, end - 2)):
        word = doc[k]
        if word.lower_ in _QUESTION_WORDS:
            return k == i + 1 or doc[k - 1].lower_ not in {"even", "as"}
        abbreviation = word.text.endswith(".") and word.text[:1].isupper()  # "asked Mr. Roe if"
        if word.is_punct or word.lower_ in _NOT_ADDRESSEE or not (word.is_alpha or abbreviation):
            return False
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


def offers_view(doc: Doc, i: int, end: int) -> bool:
    """Is the verb at ``i`` "offered" with a view as its object ("offered his own thoughts on",
    "is offering her positive reviews of"), up to three words (a determiner, adjectives)
    before the noun?"""
    if doc[i].lower_ not in OFFERING:
        return False
    for k in range(i + 1, min(i + 5, end)):
        if doc[k].lower_ in _VIEW_NOUNS:
            return True
        if not doc[k].is_alpha or doc[k].lower_ in {"to", "that", "and", "or"}:
            return False
    return False
