"""Frames that close a sentence and name the outlet's source for all of it: ", according to
the Ledger." and ", the Ledger reported."; and ", according to the Ledger," set off by commas
inside it. Pure: no Django."""

from __future__ import annotations

from spacy.tokens import Doc

from workers.enrich.name_words import UNMARKED_PAST
from workers.enrichment import IRREGULAR_PAST

from .closing_verbs import MORE_CLOSING_VERBS, closing_verb_at
from .cues import AFTER_NAME, SPEAKER_SKIP, speaker_end
from .lexicon import DOCUMENT_NOUNS, SPEECH_VERBS, is_manner_adverb
from .sentence_asides import sentence_aside
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
        if (
            doc[i].lower_ == "according"
            and doc[i + 1].lower_ == "to"
            and (_set_off(doc, i, start) or _after_saying(doc, i, start))
        ):
            return Attribution("according_to", (i + 2, last + 1), i, trailing=True)
    return None


def aside_according_to(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "Roe's share rose 5 points, according to the Ledger's poll, the largest gain …": an
    "according to" set off by commas inside the sentence names the outlet's source for it."""
    if "ccording" not in doc[start:end].text:
        return None
    for i in range(start + 3, end - 3):
        if i in inside or doc[i].lower_ != "according" or doc[i + 1].lower_ != "to":
            continue
        before = doc[i - 2].lower_
        if (
            not _set_off(doc, i, start)
            or before in SPEECH_VERBS
            or before == "that"
            or any(k in inside for k in range(start, i))
        ):
            return None  # "Roe reported (that), according to aides, …": Roe's report
        j = i + 2
        while j < end and j not in inside and doc[j].text not in {",", ";", ".", "(", "—", "–"}:
            j += 1
        if (
            j < end - 2
            and doc[j].text == ","
            and j - (i + 2) <= 12
            and is_speaker_phrase(doc, i + 2, j)
        ):
            return Attribution("according_to", (i + 2, j), i, trailing=True)
        return None
    return None


def _set_off(doc: Doc, i: int, start: int) -> bool:
    """A comma before token ``i``, or a comma American style puts inside the closing quotation
    mark before it ("… like me,'' according to …")."""
    if doc[i - 1].text == ",":
        return True
    return i - 2 > start and doc[i - 1].text in {"”", '"', "''"} and doc[i - 2].text.endswith(",")


def _after_saying(doc: Doc, i: int, start: int) -> bool:
    """ "“…,” Roe said in a statement according to the Ledger.": a closing frame before the
    "according to", the comma left out."""
    return any(doc[k].lower_ in _CLOSING_VERBS for k in range(max(start, i - 5), i)) and any(
        doc[k].text in {",", "”", '"', "''"} for k in range(max(start, i - 12), i)
    )


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
    tail = last
    while tail > last - 3 and doc[tail].lower_ in _CLOSING_TAIL | {"late"}:
        tail -= 1  # "…, the Ledger reported late Thursday."
    tail = _before_circumstance(doc, start, tail, inside, _REPORTED)  # "… reported in 1991."
    if doc[tail].lower_ in _REPORTED and tail < last:
        last = tail
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


# Verbs of a reporting clause that closes a sentence ("…, Roe said."); "told" and "wrote" take
# other words after them and are left to the scan and ``closing_report``.
_CLOSING_VERBS = frozenset({"said", "says", "added", "adds", "noted", "found", "finds"})
# "…, records show.": a document's verb; it closes a sentence only after a document noun.
_SHOWING_VERBS = frozenset({"show", "shows", "showed", "indicate", "indicates", "indicated"})
_CLOSING_TAIL = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on",
     "today", "yesterday", "tonight", "earlier", "later", "last", "this", "week", "month",
     "year", "night", "morning"}
)  # fmt: skip


def closing_said(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "He vowed to win the seat, Roe said.": a short reporting clause set off by a comma at
    the end of the sentence frames all of it (so does a document's: "…, records show."), so a
    cue earlier in the sentence ("vowed", "his comments", "which he is expected to win") is
    part of what Roe said; likewise an inverted
    "…, said Roe, a pollster." ``None`` when the sentence does not close that way."""
    end = sentence_aside(doc, start, end, inside)  # "…, a poll finds, a result that …"
    last = end - 1
    while last > start and (doc[last].is_punct or doc[last].is_space) and last not in inside:
        last -= 1
    if last in inside:
        return None
    verb = last
    while verb > last - 3 and doc[verb].lower_ in _CLOSING_TAIL:
        verb -= 1  # "…, Roe said on Monday."
    verb = _before_circumstance(doc, start, verb, inside)  # "…, Roe said in a statement."
    verb = closing_verb_at(doc, start, verb, inside)  # "…, Roe told reporters."
    showing = doc[verb].lower_ in _SHOWING_VERBS and doc[verb - 1].lower_ in DOCUMENT_NOUNS
    closing = doc[verb].lower_ in _CLOSING_VERBS or doc[verb].lower_ in MORE_CLOSING_VERBS
    if verb <= start + 3 or not (closing or showing):
        return closing_said_inverted(doc, start, end, inside)
    comma = verb - 1
    while comma > start and verb - comma <= 7 and doc[comma].text != ",":
        if comma in inside or doc[comma].text in {"“", "”", '"', "''", ";", ":", "—", "–"}:
            return None
        comma -= 1
    if doc[comma].text != "," or comma + 1 >= verb or comma - 1 in inside:
        return None  # "…,” Roe said.": a quotation's own frame, left to the scan
    words = doc[comma + 1 : verb]
    if any(t.lower_ in {"and", "but", "which", "who", "that", "as"} for t in words):
        return None  # "…, as Roe said.", "…, which critics said"
    if any(
        t.lower_ in {"the", "a", "an"}
        and doc[t.i - 1].lower_ not in {"of", "for", "at", "from", "with"}
        for t in words[1:]
    ):
        return None  # "…, a figure the union said.": an object and its own clause
    sp_end = verb
    while sp_end - 1 > comma + 1 and _adverb(doc[sp_end - 1].text):
        sp_end -= 1  # "…, researchers there found.", "…, Roe later said."
    if not is_speaker_phrase(doc, comma + 1, sp_end):
        return None
    return Attribution("reported_speech", (comma + 1, sp_end), verb, trailing=True)


_CIRCUMSTANCE_STOPS = frozenset({"that", "which", "who", "whether", "if", "and", ",", ";", ":"})


def _before_circumstance(
    doc: Doc, start: int, last: int, inside: dict, verbs: frozenset[str] = frozenset()
) -> int:
    """The closing verb before where or how it was said ("…, Roe said in posing the question
    to Doe.", "…, the agency said in a statement."): a phrase opened by "in", "on", "during",
    … that runs to the end of the sentence with no clause or quotation of its own; ``last``
    when the sentence does not close that way."""
    for k in range(last - 1, max(start + 3, last - 9), -1):
        if k in inside or doc[k].lower_ in _CIRCUMSTANCE_STOPS or doc[k].text in _QUOTE_MARKS:
            return last
        if doc[k].lower_ in AFTER_NAME and doc[k - 1].lower_ in (verbs or _CLOSING_VERBS):
            return k - 1
    return last


_QUOTE_MARKS = frozenset({"“", "”", '"', "''"})
# Place adverbs after a speaker: "officials there", "researchers here".
_PLACE_ADVERBS = frozenset({"there", "here", "locally", "abroad"})


def _adverb(word: str) -> bool:
    """An adverb between a closing clause's speaker and its verb."""
    return word in SPEAKER_SKIP or word in _PLACE_ADVERBS or is_manner_adverb(word)


_INVERTED_VERBS = frozenset({"said", "says", "added", "adds"})
_FINITE = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "costs"}
)


def past_verb(doc: Doc, start: int, end: int) -> bool:
    """A lower-case past form inside a would-be speaker ("the city hired 300 teachers", "the
    fund lost $4 million", "the plan cost $4 billion"), not one an article or an adverb
    makes an adjective ("the retired judge", "a newly elected senator")."""
    return any(
        t.is_alpha
        and t.is_lower
        and (t.text.endswith("ed") or t.text in IRREGULAR_PAST or t.text in UNMARKED_PAST)
        and not (doc[t.i - 1].lower_ in {"a", "an", "the"} or doc[t.i - 1].lower_.endswith("ly"))
        for t in doc[start:end]
    )


def closing_said_inverted(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "Doe lacks support in the Senate, said Jo Roe, a pollster at Lee College.": an inverted
    reporting clause after a comma at the end of the sentence frames all of it, like "…, Roe
    said."; ``None`` when the sentence does not close that way."""
    last = end - 1
    while last > start and (doc[last].is_punct or doc[last].is_space) and last not in inside:
        last -= 1
    for verb in range(last - 1, max(start + 3, last - 30), -1):
        if verb in inside or doc[verb].text in {"“", "”", '"', "''", ";", ":"}:
            return None  # a quotation's own frame ("…,” said Roe."), left to the scan
        if doc[verb].lower_ not in _INVERTED_VERBS or doc[verb - 1].text != ",":
            continue
        m = speaker_end(doc, verb, end)
        first = doc[verb + 1]
        if (
            m <= verb + 1
            or m - verb > 8
            or not (first.text[:1].isupper() or first.lower_ in {"a", "an", "the"})
        ):
            return None  # "…, says he …", "…, said to …": no inverted speaker
        if m <= last and doc[m].text != ",":
            return None  # the speaker must close the sentence, or an apposition after it
        if (
            any(t.lower_ in _FINITE for t in doc[verb + 1 : m])
            or past_verb(doc, verb + 2, m)
            or not is_speaker_phrase(doc, verb + 1, m)
        ):
            return None  # "…, said the problem was …", "…, said the city hired …": what was said
        return Attribution("reported_speech", (verb + 1, m), verb, trailing=True)
    return None


def carries_on(doc: Doc, attr: Attribution, start: int) -> bool:
    """ "Rents rose 9 percent, according to the agency, and prices will rise again.", "…, the
    agency said; …": a frame closing a clause cut at ", and" or ";" (the clause at ``start``)
    carries on into it, as "The agency said A, and B" does. Not a quotation's frame ("“A,”
    Roe said, and the crowd cheered": the crowd's cheer is the writer's)."""
    if not attr.trailing or attr.speaker is None or attr.first_person:
        return False
    first = min(attr.verb, attr.speaker[0])
    last = max(attr.verb + 1, attr.speaker[1])
    if doc[first - 1].text != "," or doc[first - 2].text in _QUOTE_MARKS:
        return False
    return [t.lower_ for t in doc[last:start]] in ([",", "and"], [","], [";"])
