"""What a clause opens with before its subject: an adverb ("Likewise, …"), an adverb phrase
("More recently, …"), a subordinate clause ("As they met in Ottawa, …"), an introductory
phrase ("In May, …", "On Monday, …"), and the capitalised words that open a sentence without
being its subject ("For many voters, …"). ``skip_opening`` steps over them to where the
subject begins (``subjects``). Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import is_manner_adverb

OPENING_ADVERBS = frozenset(
    {"likewise", "still", "meanwhile", "indeed", "however", "instead", "separately", "later",
     "earlier", "now", "then", "yet", "also", "again", "moreover", "overall", "today",
     "yesterday", "similarly", "nevertheless", "nonetheless", "afterward", "afterwards"}
)  # fmt: skip
# Words that open an introductory phrase set off by a comma: "In May, …", "On Monday, …".
INTRO_OPENERS = frozenset(
    {"in", "on", "at", "after", "during", "since", "before", "over", "last", "earlier",
     "later", "this", "by", "throughout", "following", "within"}
)  # fmt: skip
# Subordinators whose clause opens the sentence before its main clause's subject.
_SUBORDINATORS = frozenset(
    {"When", "As", "While", "Before", "After", "Since", "If", "Because", "Although", "Though",
     "Once", "Until", "Whereas"}
)  # fmt: skip
# Capitalised words that open a sentence without being its subject ("For many voters, …").
OPENING_WORDS = frozenset(
    {"The", "A", "An", "In", "On", "At", "After", "For", "With", "By", "As", "Despite",
     "Since", "During", "Before", "Under", "Over", "Although", "Though", "While", "When", "If",
     "Because", "Unlike", "Like", "Amid", "Among", "Through", "Without", "To", "Of"}
)  # fmt: skip


def adverb_phrase(doc: Doc, first: int, limit: int) -> bool:
    """Does an adverb phrase and its comma open the clause ("More recently, …", "Most
    importantly, …")?"""
    return (
        first + 3 < limit and doc[first + 2].text == "," and is_manner_adverb(doc[first + 1].text)
    )


def after_intro(doc: Doc, first: int, limit: int) -> int:
    """The token after an introductory phrase and its comma ("In May, …"), else ``first``."""
    if doc[first].lower_ not in INTRO_OPENERS:
        return first
    # "In an interview with The Wall Street Journal, …": up to ten words.
    comma = next((k for k in range(first + 1, min(first + 11, limit)) if doc[k].text == ","), None)
    if comma is None or comma + 1 >= limit:
        return first
    return _after_region(doc, comma + 1, limit)


def _after_region(doc: Doc, k: int, limit: int) -> int:
    """Past the state or country set off after a place ("In Beaumont, Tex., Roe …", "In
    Lyon, France, the mayor …"), else ``k`` ("In Ohio, Roe, a farmer, …")."""
    end = next((e for e in range(k + 1, min(k + 4, limit)) if doc[e].text == ","), None)
    if end is None or end + 1 >= limit:
        return k
    words = [t for t in doc[k:end] if t.text != "."]
    if not words or not all(t.text[:1].isupper() for t in words):
        return k
    if doc[end - 1].text.endswith(".") or all(t.ent_type_ == "PLACE" for t in words):
        return end + 1  # "Tex.", "N.Y.", "France"
    return k


# The last word of a time phrase that opens a clause ("The day before, …", "A week later, …",
# "That evening, …").
_TIME_TAILS = frozenset(
    {"before", "later", "earlier", "ago", "after", "afterward", "afterwards", "night",
     "morning", "afternoon", "evening", "week", "weekend", "month", "year", "day"}
)  # fmt: skip


def _after_time_phrase(doc: Doc, first: int, limit: int) -> int:
    """The token after a time phrase and its comma ("The day before, Roe …"), else ``first``."""
    comma = next((k for k in range(first + 1, min(first + 5, limit)) if doc[k].text == ","), None)
    if comma is None or comma + 1 >= limit or doc[comma - 1].lower_ not in _TIME_TAILS:
        return first
    if not all(t.is_alpha and t.text.islower() for t in doc[first + 1 : comma]):
        return first  # "The Roe day, …"
    return comma + 1


def _after_participle_phrase(doc: Doc, first: int, limit: int) -> int:
    """The token after a participle phrase and its comma ("Growing sharper as she spoke, Roe
    …", "Pressed on the figures, Roe …"), else ``first``; a capitalised word or a possessive
    after the participle makes it a name ("Fleming Roe, …", "Fleming's son, …")."""
    word = doc[first]
    if not (word.is_title and len(word) > 4 and word.lower_.endswith(("ing", "ed"))):
        return first
    if first + 1 >= limit or not (doc[first + 1].is_alpha and doc[first + 1].text.islower()):
        return first  # "Schilling's son, …": a name's possessive
    comma = next((k for k in range(first + 2, min(first + 12, limit)) if doc[k].text == ","), None)
    return comma + 1 if comma is not None and comma + 1 < limit else first


def skip_opening(doc: Doc, first: int, limit: int) -> int:
    """Where the subject begins after what the clause opens with at ``first``."""
    first = _after_participle_phrase(doc, _after_time_phrase(doc, first, limit), limit)
    if first + 2 < limit and doc[first + 1].text == "," and doc[first].lower_ in OPENING_ADVERBS:
        first += 2  # "Likewise, Roe …"
    elif adverb_phrase(doc, first, limit):
        first += 3  # "More recently, Roe …", "Most importantly, Roe …"
    if doc[first].text in _SUBORDINATORS and first + 1 < limit:
        # "As they met, Roe was away, promising …": the main clause's subject; "When Roe
        # answered by asserting …" (no comma): the subordinate clause's own.
        comma = next((k for k in range(first + 2, limit - 1) if doc[k].text == ","), None)
        first = comma + 1 if comma is not None else first + 1
    return after_intro(doc, first, limit)
