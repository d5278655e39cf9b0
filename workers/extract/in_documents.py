"""Polls, surveys, studies and laws as the frame of a clause that has no verb of saying: "In a new
Gallup poll, 40% of voters …", "Under Ohio law, …" (``in_document``) and "Roe had 38 percent
support in a Fox poll." (``closing_in_document``). Split from ``speakers``, whose phrase shapes
they use. Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import INSTRUMENT_NOUNS
from .speakers import BOUNDARY_WORDS, LEADING_CONJUNCTIONS, POST_MODIFIERS, Attribution

_IN_DOCUMENT_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies"})


def in_document(doc: Doc, start: int, end: int) -> Attribution | None:
    """ "In a new Gallup poll, 40% of voters …": the poll the clause opens with reports it;
    "Under Ohio law, …": the law whose terms the clause sets out."""
    first = start
    while first < end and doc[first].lower_ in LEADING_CONJUNCTIONS:
        first += 1
    if first >= end or doc[first].lower_ not in {"in", "under"}:
        return None
    comma = next((k for k in range(first + 1, min(first + 14, end)) if doc[k].text == ","), None)
    if comma is None:
        return None
    nouns = _IN_DOCUMENT_NOUNS if doc[first].lower_ == "in" else INSTRUMENT_NOUNS
    words = [t.lower_ for t in doc[first + 1 : comma]]
    noun = next((k for k, w in enumerate(words) if w in nouns), None)
    if noun is None or set(words[:noun]) & BOUNDARY_WORDS:
        return None  # "In eight states where exit polls were taken, …" names no poll
    return Attribution("according_to", (first + 1, comma), first, trailing=False)


_POLL_NOUNS = frozenset({"poll", "survey", "polls", "surveys"})
_MONTHS = frozenset(
    {"Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"}
)  # fmt: skip
_POLL_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "their", "its", "his", "her"})


def closing_in_document(doc: Doc, start: int, end: int) -> Attribution | None:
    """ "Roe had 38 percent support in a Fox poll.", "…, in the most recent Acme survey, up
    eight points": a named or described poll the figure was measured in. Not "in the polls"."""
    for k in range(start + 3, end - 2):
        if doc[k].lower_ != "in":
            continue
        # "in recent polls from Quinnipiac": without a determiner, the phrase must name its maker.
        bare = doc[k + 1].lower_ not in _POLL_DETERMINERS
        first = k + 1 if bare else k + 2
        stop = first
        while stop < end and doc[stop].text not in {",", ".", ";", "!", "?", "—", "–"}:
            stop += 1
        words = [t.lower_ for t in doc[first:stop]]
        noun = next((m for m, w in enumerate(words) if w in _POLL_NOUNS), None)
        if noun is None or noun > 8 or set(words[:noun]) & BOUNDARY_WORDS:
            continue
        named = any(t.text[:1].isupper() for t in doc[first:stop])
        if (bare or (noun == 0 and words[0].endswith("s"))) and not named:
            continue  # "in national polls", "in the polls" name nothing a reader could check
        following = doc[first + noun + 1] if noun + 1 < len(words) else None
        titled = doc[first + noun].text[:1].isupper()  # "the latest Acme News Poll stands at"
        dated = following is not None and (following.like_num or following.text in _MONTHS)
        if (
            following is not None
            and not (titled or dated)
            and following.lower_ not in POST_MODIFIERS
        ):
            continue  # "voters in the poll were undecided": the poll is no closing phrase
        # "in a poll" alone names nothing a reader could check: a name or a modifier is needed.
        if noun == 0 and doc[k + 1].lower_ in {"a", "an"}:
            continue
        if titled and following is not None and not dated:
            return Attribution("according_to", (k + 1, first + noun + 1), k, trailing=False)
        rest = [t for t in doc[stop:end] if not (t.is_punct or t.is_space)]
        if stop < end and doc[stop].text != "," and rest:
            continue  # the phrase must close the clause or be set off by a comma
        return Attribution("according_to", (k + 1, stop), k, trailing=True)
    return None
