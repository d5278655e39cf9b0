"""The edges of a speaker phrase that are no part of the source it names: punctuation a list or
a quotation left before it ("- Acme Labs argues", "’ he added", "[Ledger] -Jo Roe argues")
and, in a description of one person given twice ("the Ohio governor and Democratic nominee"),
the second description. Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

_OPENING_BRACKETS = {"[": "]", "(": ")"}


def trimmed_start(doc: Doc, start: int, end: int) -> int:
    """The phrase's first token once leading punctuation and a bracketed tag ("[Ledger]") are
    skipped; ``start`` when nothing is (a phrase is never trimmed to nothing)."""
    k = start
    while k < end - 1:
        closing = _OPENING_BRACKETS.get(doc[k].text)
        if closing is not None:
            close = next((m for m in range(k + 1, end - 1) if doc[m].text == closing), None)
            if close is None:
                break
            k = close + 1
        elif not any(ch.isalnum() for ch in doc[k].text):
            k += 1
        else:
            break
    return k


# Words that open a second party after the "and" ("the mayor and his aides", "the union and
# some lawyers", "the plan and how it …").
_SECOND_PARTY = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "this", "that", "some", "many", "other",
     "several", "most", "all", "how", "what", "why", "who", "it", "they"}
)  # fmt: skip


def first_description_end(doc: Doc, start: int, end: int) -> int:
    """ "the Ohio governor and Democratic nominee": one person described twice,
    the first description names them; ``end`` unless the phrase is "the … and …" with no second
    party ("the mayor and his aides", "the press and donors") after the "and"."""
    if doc[start].lower_ != "the":
        return end
    conj = next((k for k in range(start + 2, end - 1) if doc[k].lower_ == "and"), None)
    if conj is None or doc[conj + 1].lower_ in _SECOND_PARTY or doc[conj - 1].text[:1].isupper():
        return end
    # One person: a singular noun closes each description ("… governor and … nominee"), not
    # a plural ("the press and donors").
    last = doc[end - 1].lower_
    if end - conj < 3 or last.endswith("s") or not all(t.is_alpha for t in doc[start:end]):
        return end
    return conj


# Title-case prepositions that open a headline's topic after its speaker: "Ledger Chief On
# Rents: “…”", "Jo Roe About The Levy: “…”".
_TOPIC_OPENERS = frozenset({"On", "About"})


def headline_speaker_end(doc: Doc, first: int, colon: int) -> int:
    """The end of the speaker in a headline's capitalised run before a colon: "Ledger Chief On
    Rents: “We Will Not …”" is the chief's words on rents, not the rents'. ``colon`` unless
    "On"/"About" follows a word of the run."""
    return next((k for k in range(first + 1, colon) if doc[k].text in _TOPIC_OPENERS), colon)
