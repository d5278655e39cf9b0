"""The words around the subject of a verb of saying, for ``complex_subjects``: where the verb
group begins ("has long said", "have in the past said", "Sunday night recounted", ", for
instance, argue"), which tokens are finite verbs ("rejected both objections"), participles
("interviewed at the rallies") or spaced dashes, and two frames with no verb of saying beside
them: "calls the audit nothing short of an attack" (``calls_it``) and a verb after the dash
that closes an aside ("A spokesman - a former aide - noted": ``closes_aside``). Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from workers.nlp.date_matcher import MONTHS

from .cues import SPEAKER_SKIP
from .lexicon import COGNITION_VERBS, SPEECH_VERBS, is_manner_adverb, is_time_phrase

AUX = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
     "might", "must", "should", "does", "did", "do", "am", "be", "been", "being", "'d", "’d",
     "'ll", "’ll", "'ve", "’ve", "'re", "’re"}
)  # fmt: skip
# Finite pasts with no "-ed": a clause of its own when one follows the head at top level.
IRREGULAR = frozenset(
    {"began", "took", "made", "went", "came", "gave", "held", "led", "ran", "won", "lost",
     "left", "sent", "kept", "got", "stood", "saw", "met", "struck", "hit", "put", "set", "cut",
     "brought", "fought", "broke", "chose", "drew", "fell", "felt", "found", "knew", "grew",
     "paid", "rose", "shook", "threw", "spent", "heard", "sat", "shot", "sought", "taught",
     "tore", "became", "built", "bought", "sold", "told", "said", "wrote", "spoke"}
)  # fmt: skip
RELATIVES = frozenset({"who", "whose", "which", "that"})
PREPOSITIONS = frozenset(
    {"of", "for", "at", "in", "from", "with", "across", "on", "to", "under", "near", "inside",
     "outside", "around", "throughout", "within", "among", "by", "over", "behind", "like",
     "including", "against", "into", "between", "during", "after", "since", "about"}
)  # fmt: skip
# Words between a subject and its verb besides ``SPEAKER_SKIP``: "have long said", "all urged".
_INNER_SKIP = frozenset({"long", "all", "each", "too", "themselves", "himself", "herself"})
_NEGATIONS = frozenset({"not", "never", "n't"})
_DAY_PARTS = frozenset({"night", "morning", "afternoon", "evening"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
TIME_WORDS = _WEEKDAYS | {m.lower() for m in MONTHS} | {"today", "yesterday", "tonight"}
_PARENTHETICALS = frozenset(
    {"for instance", "for example", "however", "in fact", "though", "too", "of course",
     "in turn", "meanwhile", "in particular", "at least", "by contrast", "in contrast"}
)  # fmt: skip
_DASHES = frozenset({"-", "—", "–", "--"})
QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``", "‘", "’"})
PRONOUNS = frozenset({"he", "she", "they", "it"})
# Participles a name follows ("a staffer named Jo Roe"); "covered Hillary Clinton's …" is a verb.
NAMING = frozenset({"named", "called", "dubbed", "nicknamed", "titled"})


def verb_start(doc: Doc, start: int, verb: int) -> int:
    """Where the verb group ending at ``verb`` begins, past auxiliaries, adverbs and
    adverbials ("has long said", "have in the past said", "Sunday night recounted",
    ", for instance, argue")."""
    k = verb - 1
    while k >= start:
        lower = doc[k].lower_
        if lower in _NEGATIONS:
            return start  # "never mentioned the name": what was left unsaid
        if lower in SPEAKER_SKIP or lower in _INNER_SKIP or is_manner_adverb(doc[k].text):
            k -= 1
        elif k - 1 >= start and is_time_phrase(doc[k - 1].lower_, lower):
            k -= 2
        elif k - 1 >= start and lower in _DAY_PARTS and doc[k - 1].lower_ in _WEEKDAYS:
            k -= 2  # "Broaddrick Sunday night recounted"
        elif lower == "," and (aside := _parenthetical(doc, start, k)) is not None:
            k = aside - 1  # "Cement makers, for instance, argue"
        elif (inner := _adverbial(doc, start, k)) is not None:
            k = inner
        else:
            break
    return k + 1


def _parenthetical(doc: Doc, start: int, comma: int) -> int | None:
    """The comma opening ", for instance," that closes at ``comma``."""
    for size in (1, 2, 3):
        k = comma - size - 1
        if k > start and doc[k].text == "," and doc[k + 1 : comma].text.lower() in _PARENTHETICALS:
            return k
    return None


def _adverbial(doc: Doc, start: int, k: int) -> int | None:
    """ "(have) in the past (said)", "earlier in the day (touted)": a short phrase after an
    auxiliary or "earlier"/"later", ending at ``k``; the index before it, or None."""
    for q in range(k, max(start, k - 4) - 1, -1):
        if doc[q].lower_ in {"in", "at", "on", "during"} and q - 1 >= start:
            before = doc[q - 1].lower_
            words = doc[q : k + 1]
            if all(t.is_alpha and t.text.islower() for t in words) and (
                before in AUX or before in {"earlier", "later"}
            ):
                return q - 1
    return None


def quoted(doc: Doc, k: int, inside: dict) -> bool:
    return k in inside or doc[k].text in QUOTE_MARKS


def next_stop(doc: Doc, k: int, end: int, inside: dict, stops: frozenset[str]) -> int:
    """The next top-level token at or after ``k`` whose text is in ``stops``, else ``end``."""
    while k < end and (quoted(doc, k, inside) or doc[k].text not in stops):
        k += 1
    return k


def is_dash(doc: Doc, k: int) -> bool:
    """A spaced dash, not the hyphen of "40-employee"."""
    return doc[k].text in _DASHES and (doc[k].whitespace_ != "" or doc[k].text != "-")


def verbish(doc: Doc, k: int) -> bool:
    t = doc[k]
    lower = t.lower_
    return t.text.islower() and (
        lower in AUX or lower in IRREGULAR or (lower.endswith("ed") and len(lower) > 3)
    )


MODIFIER_SLOTS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
     "newly", "recently", "once", "long", "well", "self", "-", "'s", "’s"}
)  # fmt: skip


def finite_at(doc: Doc, k: int, end: int) -> bool:
    """Token ``k`` is a finite past ("rejected both objections", "became my friends"), not
    an adjective after an article ("the embattled governor") nor a participle ("filed by")."""
    if not verbish(doc, k) or doc[k].lower_ in AUX | NAMING:
        return False
    after = doc[k + 1].lower_ if k + 1 < end else ","
    return doc[k - 1].lower_ not in MODIFIER_SLOTS and after not in PREPOSITIONS | {"as", ","}


def participle(doc: Doc, k: int, end: int) -> bool:
    """ "interviewed at the rallies", "leaving the meeting", "named Jo Roe": a participle
    after a head (a past needs a preposition or a name after it)."""
    word = doc[k]
    if not (word.is_alpha and word.text.islower() and len(word) > 4):
        return False
    if word.lower_.endswith("ing"):
        return True
    after = doc[k + 1] if k + 1 < end else None
    past = word.lower_.endswith("ed") or word.lower_ in {"known", "chosen", "given", "taken"}
    if not past or after is None:
        return False
    return after.lower_ in PREPOSITIONS | {"as"} or (after.is_title and word.lower_ in NAMING)


_CALLS = frozenset({"call", "calls", "called"})
_SECOND_OBJECT = frozenset({"a", "an", "nothing", "her", "his", "their", "its", "our", "one"})
_TIME_NOUNS = frozenset({"day", "week", "month", "year", "time", "later", "ago", "minute"})


def calls_it(doc: Doc, verb: int, end: int, inside: dict) -> bool:
    """ "calls the audit nothing short of an attack", "called the incident a reason to …",
    "calls North Carolina her home state": naming something as something is a verdict; "called
    a meeting", "called the police", "called his lawyer a day later" are acts."""
    if doc[verb].lower_ not in _CALLS or verb + 2 >= end:
        return False
    first = doc[verb + 1]
    if not (first.lower_ in {"the", "this", "that"} or first.is_title) or first.lower_ == "i":
        return False
    k, words = verb + 2, 0
    while k < end and words < 7 and (k in inside or doc[k].lower_ not in _SECOND_OBJECT):
        if doc[k].text in {";", ":", "."} or doc[k].lower_ in PREPOSITIONS | RELATIVES:
            return False
        if doc[k].text == ",":  # "called Mr. Yanukovych, a former …, an outstanding leader"
            k = next_stop(doc, k + 1, end, inside, frozenset({","}))
        k, words = k + 1, words + 1
    if k + 1 >= end or words >= 7:
        return False
    second = doc[k + 1 : min(k + 4, end)]
    return not any(t.lower_ in _TIME_NOUNS for t in second)


def closes_aside(doc: Doc, start: int, dash: int) -> bool:
    """The spaced dash at ``dash`` closes an aside a dash opened earlier in the clause ("A
    spokesman for the brand - a 40-employee business - noted"), unlike the hyphen of "oft-stated"
    or the dash opening "measures - deemed insufficient by Democrats -"."""
    if doc[dash + 1].lower_ not in SPEECH_VERBS | COGNITION_VERBS:
        return False  # "attacks in Europe - just days after … - raised new questions"
    return is_dash(doc, dash) and any(is_dash(doc, m) for m in range(start, dash))
