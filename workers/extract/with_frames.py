"""A frame in a "with" phrase that closes a sentence: "Jobs were lost, with Senator Ann Brill
telling reporters that 12,000 had gone.", "The mayor's standing slipped, with 30 percent of
voters saying they approve of her.", "…, with the union calling the plan “a raid”." The
speaker (or the share of those asked) between "with" and the participle says what follows it,
and a fact-checker calls that speaker, not the outlet. Pure: no Django."""

from __future__ import annotations

from spacy.tokens import Doc

from .cues import PROGRESSIVE, names_document
from .lexicon import is_manner_adverb
from .speakers import Attribution, is_speaker_phrase

# Participles that state a finding rather than a saying: their subject must be a document
# ("with polls showing Roe ahead"); "with the economy showing signs of strain" is no frame.
_FINDING_PARTICIPLES = frozenset(
    {"showing", "finding", "suggesting", "signaling", "signalling", "indicating"}
)
_SET_OFF = frozenset({",", "—", "–", "--", ";"})
_NOT_SPEAKER = frozenset({"and", "or", "but", "that", "which", "who", "as", "while", "to"})


def with_frame(
    doc: Doc, start: int, end: int, inside: dict, found: Attribution | None
) -> Attribution | None:
    """The clause's attribution given the one ``found`` so far: the speaker between a set-off
    "with" and a reporting participle ("…, with Jo Roe telling reporters that …", "…, with
    three in 10 saying …") when nothing was found before the participle (a frame inside what
    the speaker says, "saying they would support him", is the speaker's words) and no frame
    closes the sentence; else ``found``."""
    if " with " not in doc[start:end].text or _closes(doc, found):
        return found  # most clauses: skip the token walk below
    frame = _with_frame(doc, start, end, inside)
    return frame if frame is not None and (found is None or found.verb > frame.verb) else found


def _closes(doc: Doc, found: Attribution | None) -> bool:
    """A frame that closes the sentence and frames all of it ("…, the Ledger reported.",
    "…, according to the Ledger."): its speaker follows a comma or "according to"."""
    if found is None or not found.trailing or found.speaker is None:
        return False
    return found.kind == "according_to" or doc[found.speaker[0] - 1].text in _SET_OFF


def _with_frame(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "…, with Jo Roe telling reporters that …": the speaker between a set-off "with" and a
    reporting participle; ``None`` when the clause has no such phrase (a "with" opening the
    sentence frames the main clause, not what follows it)."""
    for w in range(start + 2, end - 3):
        if w in inside or doc[w].lower_ != "with" or doc[w - 1].text not in _SET_OFF:
            continue
        for p in range(w + 2, min(w + 12, end - 1)):
            if p in inside or doc[p].is_punct or doc[p].lower_ in _NOT_SPEAKER:
                break
            lower = doc[p].lower_
            if lower not in PROGRESSIVE and lower not in _FINDING_PARTICIPLES:
                continue
            sp_end = p
            while sp_end - 1 > w + 1 and is_manner_adverb(doc[sp_end - 1].text):
                sp_end -= 1  # "with Roe repeatedly calling him a friend"
            if not is_speaker_phrase(doc, w + 1, sp_end):
                break
            if lower in _FINDING_PARTICIPLES and not names_document(doc, w + 1, sp_end):
                break
            return Attribution("reported_speech", (w + 1, sp_end), p, trailing=False)
    return None
