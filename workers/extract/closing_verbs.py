"""Where the verb of a reporting clause closing a sentence stands, past what follows it: "…, Roe
argued.", "…, Roe told reporters.", "…, Roe told the Ledger on Monday.", "…, officials said
privately." News closes a sentence with any verb of saying, not only "said"; "told" takes
whom it was told. Pure: no Django."""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import is_manner_adverb

# Verbs of saying that close a sentence as "said" does ("…, Roe argued.").
MORE_CLOSING_VERBS = frozenset(
    {"argued", "argues", "warned", "warns", "explained", "explains", "claimed", "claims",
     "insisted", "insists", "wrote", "writes", "estimated", "estimates", "estimate",
     "predicted", "predicts", "acknowledged", "acknowledges", "conceded", "concedes",
     "contended", "contends", "countered", "recalled", "recalls", "stressed", "cautioned",
     "suggested", "suggests", "confirmed", "confirms", "announced", "announces", "observed",
     "noted", "notes", "reported", "reports", "added", "adds",
     "told", "tells"}
)  # fmt: skip
_TOLD = frozenset({"told", "tells"})
# Words that cannot stand in whom something was told: a clause or a quotation goes on.
_NOT_ADDRESSEE = frozenset({"that", "which", "who", "whether", "if", "to", "and", "but", ","})
_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on",
     "today", "yesterday", "last", "this", "week", "month", "year", "night", "morning"}
)  # fmt: skip


def closing_verb_at(doc: Doc, start: int, last: int, inside: dict) -> int:
    """The verb of a reporting clause that ends at ``last`` past a manner adverb ("said
    privately") or whom it was told ("told reporters", "told the Ledger on Monday"); ``last``
    when no such verb is found."""
    if (
        last - 1 > start
        and is_manner_adverb(doc[last].text)
        and doc[last - 1].lower_ in (MORE_CLOSING_VERBS | {"said", "says"})
    ):
        return last - 1  # "…, officials said privately."
    for k in range(last - 1, max(start + 3, last - 7), -1):
        if k in inside or doc[k].lower_ in _NOT_ADDRESSEE or doc[k].text in {"“", "”", '"'}:
            return last
        if doc[k].lower_ in _TOLD:
            told = doc[k + 1 : last + 1]
            if all(not t.is_punct or t.text == "." for t in told) and not any(
                t.pos_ in {"VERB", "AUX"} for t in told if t.lower_ not in _TIME_WORDS
            ):
                return k  # "…, Roe told reporters.", "…, Roe told the Ledger on Monday."
            return last
    return last
