"""An aside on the whole sentence after its closing frame: "Renters oppose the levy, a new
Harbor Poll finds, a result likely to shape the vote.", "Rents rose 9 percent, the agency
said, the steepest rise in a decade." The frame before the aside ("a new Harbor Poll finds")
closes what the sentence reports, as it would at the full stop. Pure: no Django."""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import FINDING_VERBS, SPEECH_VERBS

_DETERMINERS = frozenset({"a", "an", "the"})
# A clause of its own after the comma ("…, the mayor is …", "…, a poll finds."): no aside.
_FINITE = (
    frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would"})
    | SPEECH_VERBS
    | FINDING_VERBS
)


def sentence_aside(doc: Doc, start: int, end: int, inside: dict) -> int:
    """Where a clause ends once a closing aside on the whole sentence is set aside (the aside's
    comma, kept as the clause's last token); ``end`` when there is none. The aside is a noun
    phrase opened by an article after the last comma, with no quotation and no finite verb of
    its own outside a relative clause ("a result that is likely to …")."""
    comma = next(
        (k for k in range(end - 3, start + 4, -1) if doc[k].text == "," and k not in inside), None
    )
    if comma is None or doc[comma + 1].lower_ not in _DETERMINERS:
        return end
    for k in range(comma + 1, end):
        if k in inside or doc[k].text in {"“", "”", '"', "''", ";", ":"}:
            return end
        if doc[k].lower_ in {"that", "which", "who"}:
            break  # the aside's own relative clause: its verbs are the aside's
        if doc[k].lower_ in _FINITE:
            return end
    return comma + 1
