"""Sources an "according to" names although nothing in the article resolves them: a law, a
plan, a book, a web address ("according to the city charter", "according to acme-news.fr"),
and the object pronoun that stands for a subject one ("according to him"). Pure: no Django.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .candidates import EntityRef
from .sources import UNNAMED

# An object pronoun after "according to" stands for the subject one ("according to him").
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_QUOTE_MARKS = "\"'“”‘’` "
_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$")


def according_source(phrase: str) -> EntityRef | None:
    """ "according to the city charter", "according to his plan", "according to acme-news.fr": an
    "according to" names its source even where no name or description resolves it: the phrase
    itself (the quotation marks round a title off), as the article words it; a web address is the
    site's own name."""
    words = re.sub(r"[\"“”`]|''", "", phrase).strip(_QUOTE_MARKS).split()
    if len(words) > 1 and words[0].lower() in {"the", "a", "an"} and not words[1][:1].isupper():
        words = words[1:]  # "the city charter"; a title keeps its article ("The Long Road")
    text = " ".join(words).strip(_QUOTE_MARKS)
    if not text or not any(ch.isalpha() for ch in text):
        return None
    named = text[:1].isupper() or _DOMAIN_RE.match(text) is not None
    return EntityRef(text, "organization" if named else UNNAMED)


_PHRASE_ENDS = frozenset({",", ";", ".", ")", "(", "“", "”", "-", "--", "—", "–"})


def according_to_end(doc: Doc, first: int, end: int) -> int:
    """Where the source named after "according to" (its first token ``first``) ends: at
    punctuation or a relative word, running on through an unspaced hyphen ("the 50-state
    poll"), never past ``end``."""
    j = first
    while j < end and (
        (doc[j].text not in _PHRASE_ENDS and doc[j].lower_ not in {"that", "which", "who"})
        or (doc[j].text == "-" and not doc[j - 1].whitespace_)
    ):
        j += 1
    return j
