"""A statement announced at a paragraph's end: "Roe issued the following statement:", "The
union released a statement:". News style pastes the statement itself as the next paragraph,
in quotation marks or not; the announcer is its speaker (``quotation_speakers`` carries an
attribution that closes a paragraph on a colon into the next one). The announcing clause is
read as the announcer's reported speech so that its subject is resolved as a speaker is.
"Roe issued a statement saying …" is ``speech_acts.issued_statement``'s. Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .cues import SPEAKER_SKIP
from .speakers import Attribution, is_speaker_phrase
from .speech_acts import ISSUING
from .subjects import leading_subject

# What is issued and then pasted: a statement, not a plan or a report with figures.
_ANNOUNCED = frozenset(
    {"statement", "tweet", "message", "letter", "note", "post", "release", "email", "e-mail",
     "response", "remarks", "reply"}
)  # fmt: skip
# Words between the verb and the noun: "the following", "a brief", "a written".
_MAX_BETWEEN = 4


def announcing_attribution(doc: Doc, start: int, end: int) -> Attribution | None:
    """The attribution of a clause (tokens ``start``..``end``) that announces a statement with
    a colon and nothing after it ("Roe issued the following statement:"), its speaker the
    verb's subject; None for any other clause ("Roe released a plan:", "The statement said:")."""
    if end - start < 3 or doc[end - 1].text != ":":
        return None
    for i in range(start, end - 2):
        if doc[i].lower_ not in ISSUING:
            continue
        noun = next(
            (
                k
                for k in range(i + 1, min(i + 2 + _MAX_BETWEEN, end - 1))
                if doc[k].lower_ in _ANNOUNCED
            ),
            None,
        )
        if noun is None or noun + 1 != end - 1:
            continue  # "released a statement on the levy to reporters:" is not a bare announcement
        last = i - 1
        while last >= start and doc[last].lower_ in SPEAKER_SKIP:
            last -= 1  # "Roe has also issued …"
        subject = leading_subject(doc, start, last + 1)
        if subject is None or subject[1] != last + 1:
            # "Later, the union released …": the words after the opener's comma.
            first = max((k + 1 for k in range(start, last) if doc[k].text == ","), default=start)
            subject = (first, last + 1)
        if subject[0] > last or not is_speaker_phrase(doc, *subject):
            return None
        return Attribution("reported_speech", subject, i, trailing=False)
    return None
