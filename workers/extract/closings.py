"""Frames that close a sentence and name the outlet's source for all of it: ", according to
the Ledger." and ", the Ledger reported." Pure: no Django."""

from __future__ import annotations

from spacy.tokens import Doc

from .speakers import Attribution, is_speaker_phrase


def closing_according_to(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "Roe pledged to back the bill, according to Doe.": an "according to" that closes the
    sentence names the outlet's source for all of it, an earlier frame included ("“…,” Roe
    said, according to the Ledger": the Ledger reports that Roe said it)."""
    if "ccording" not in doc[start:end].text:
        return None  # most clauses: skip the token walk below
    last = end - 1
    while last > start and (doc[last].is_punct or doc[last].is_space) and last not in inside:
        last -= 1
    for i in range(last - 2, start, -1):
        if i in inside or doc[i].text in {",", ";", "“", "”", '"'} or doc[i].lower_ == "that":
            return None  # the phrase must run unbroken from "according to" to the end
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to" and doc[i - 1].text == ",":
            return Attribution("according_to", (i + 2, last + 1), i, trailing=True)
    return None


_REPORTED = frozenset({"reported", "reports", "wrote", "writes"})


def closing_report(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "“…,” Roe said, the Ledger reported.", "…, reports the Ledger.": a report set off by a
    comma that closes the sentence names the outlet's source for all of it, like a closing
    "according to"."""
    last = end - 1
    while last > start and doc[last].is_punct and last not in inside:
        last -= 1
    if last - start < 4 or last in inside:
        return None
    if doc[last].lower_ in _REPORTED:  # "…, the Ledger reported."
        k = last - 1
        while k > start and doc[k].text not in {",", "”", '"', "''"} and last - k <= 5:
            k -= 1
        quoted = doc[k].text != "," and doc[k - 1].text == ","  # "…,” the Ledger reported."
        if (doc[k].text != "," and not quoted) or k + 1 >= last:
            return None
        if any(t.lower_ == "and" for t in doc[k + 1 : last]) or not is_speaker_phrase(
            doc, k + 1, last
        ):
            return None
        return Attribution("reported_speech", (k + 1, last), last, trailing=True)
    verb = next(
        (k for k in range(last, max(start, last - 6), -1) if doc[k].lower_ in _REPORTED), None
    )
    if verb is None or doc[verb - 1].text != "," or not is_speaker_phrase(doc, verb + 1, last + 1):
        return None
    if not doc[verb + 1].text[:1].isupper() and doc[verb + 1].lower_ != "the":
        return None  # "…, reports said" is no frame; "…, reports the Ledger." is
    return Attribution("reported_speech", (verb + 1, last + 1), verb, trailing=True)
