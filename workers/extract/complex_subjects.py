"""Subjects of a verb of saying too long or too complex for the walk back from the verb
(``attribution``): the fallback when that walk found no speaker.

News sets much between a source and its verb: a relative clause ("Some residents who have
followed the budget debates over the years said …"), a participle ("veterans interviewed at
the rallies, including Jo Roe, said …"), asides in commas, dashes or brackets ("Ada Roe,
director of the tenants' union, or TU - which was founded in 2009 - said …"), a title before a
name ("the governor's rival Sen. Tom Pell (R-Ohio) said …"), an adverbial inside the verb
("have in the past said", "Sunday night recounted"). ``complex_subject`` reads the clause
forward from where its subject can begin: a head (a name, a description, a people noun, "That
person") and its prepositional phrases make the speaker; what follows must be post-modifiers
only, never a verb of the clause's own ("The levy rose 40 percent, …" has no such subject).
An opening with no comma ("Saturday at the convention Sen. Ann Holt (D-Mass.) said") gives the
name before the verb. Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import (
    COGNITION_VERBS,
    DOCUMENT_NOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    is_manner_adverb,
)
from .openings import INTRO_OPENERS, OPENING_ADVERBS, skip_opening
from .sources import ORG_HEAD_NOUNS, UNNAMED_NOUNS
from .speakers import (
    BOUNDARY_WORDS,
    Attribution,
    is_speaker_phrase,
    past_conjunctions,
)
from .subject_words import (
    AUX,
    MODIFIER_SLOTS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_MARKS,
    RELATIVES,
    TIME_WORDS,
    calls_it,
    finite_at,
    is_dash,
    next_stop,
    participle,
    quoted,
    verb_start,
    verbish,
)
from .subjects import people_head

_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Words that, capitalised at the start, open no name ("Those mourning …", "Looks like …").
_NOT_HEADS = frozenset(
    {"those", "these", "some", "many", "most", "all", "both", "each", "few", "several", "such",
     "others", "another", "any", "none", "one", "first", "then", "now", "finally", "also"}
)  # fmt: skip
# Verbs of saying mostly passive in a headline ("Shooter's friend denied bail").
_PASSIVE_PRONE = frozenset({"denied", "accused", "charged", "blamed"})
# Verbs of saying that are as often plural nouns ("domestic violence reports").
_NOUN_FORMS = frozenset(
    {"reports", "report", "claims", "claim", "notes", "note", "estimates", "estimate",
     "comments", "promises", "demands", "forecasts", "forecast", "states", "cites", "cite",
     "posted", "charged"}
)  # fmt: skip
# People nouns the lexicon's role nouns leave out ("veterans", "the ex-wife of …").
_PEOPLE = frozenset(
    {"veterans", "veteran", "person", "women", "men", "citizens", "victims", "friends",
     "neighbors", "neighbours", "colleagues", "relatives", "fans", "survivors", "patients",
     "nurses", "troops", "soldiers", "scholars", "judges", "wife", "husband", "son",
     "daughter", "mother", "father", "brother", "sister", "widow", "friend", "owner",
     "owners", "farmers", "traders", "parents", "students", "teachers", "clergy", "rival",
     "rivals", "challenger", "challengers"}
)  # fmt: skip
_SUBJECT_STOPS = BOUNDARY_WORDS - {"which", "that"}


def _clause_like(doc: Doc, a: int, b: int, inside: dict) -> bool:
    """Tokens ``a:b`` hold a verb of their own at top level, outside a relative clause: an
    auxiliary, a verb of saying, or a past with an object ("vetoed the bill")."""
    for k in range(a, b):
        if quoted(doc, k, inside):
            continue
        lower = doc[k].lower_
        if lower in RELATIVES and k > a:
            return False  # "a strategist who currently polls for …": what follows is its own
        if lower in AUX or lower in SPEECH_VERBS - {"report", "reports", "notes", "claims"}:
            return True
        if lower in PRONOUNS | {"i", "we", "you"}:
            return True  # "… with all the skepticism you'd expect": a clause's subject
        if k > a and finite_at(doc, k, b):
            return True  # "the board of elections on Monday rejected both objections"
    return False


def _relative_ok(doc: Doc, a: int, b: int, inside: dict) -> bool:
    """ "who have followed the debates", "which was founded in 2009 and which has backed the
    plan": a relative clause with its own verb (in "which residents said" the verb is ours)."""
    if doc[a].lower_ == "whom":
        return False
    verbs = [k for k in range(a + 1, b) if not quoted(doc, k, inside) and verbish(doc, k)]
    plain = [k for k in range(a + 1, min(a + 4, b)) if doc[k].text.islower()]
    third = any(doc[k].lower_.endswith("s") and doc[k].is_alpha for k in plain[:2])
    for k in range(a + 1, b - 1):
        joined = doc[k].lower_ in {"and", "but"} and doc[k + 1].lower_ not in RELATIVES
        if joined and any(verbish(doc, m) for m in range(k + 1, b)):
            return False  # "who lost homes were angry and officials …": two clauses
    return bool(verbs) or third


def _aside_ok(doc: Doc, a: int, b: int, inside: dict) -> bool:
    """A comma-set aside ``a:b``: an appositive, a participle, a place, a party, "including
    Jo Roe", "or TU", "for instance"; never a clause ("…, the levy rose, …")."""
    if a >= b:
        return False
    first = doc[a].lower_
    if first in _SUBJECT_STOPS - {"or"} or first in PRONOUNS | {"i", "we", "you"}:
        return False
    return not _clause_like(doc, a, b, inside)


def _postmodifiers(doc: Doc, p: int, end: int, inside: dict) -> bool:
    """Tokens ``p:end`` are post-modifiers of a subject's head, and closed before the verb."""
    aside = False  # a comma has opened an aside
    while p < end:
        tok = doc[p]
        if tok.text == "(":
            close = next_stop(doc, p, end, inside, frozenset({")"}))
            if close >= end or close - p > 25:
                return False
            p = close + 1
        elif is_dash(doc, p):
            shut = next((m for m in range(p + 1, min(end, p + 31)) if is_dash(doc, m)), None)
            if shut is None or shut == p + 1:
                return False
            if any(doc[m].text in {";", ":"} for m in range(p + 1, shut)):
                return False
            close = shut
            p = close + 1
        elif tok.text == ",":
            if p == end - 1:
                return aside  # the aside's closing comma ("The plan, first reported by" has none)
            stop = p + 1
            while stop < end and not (
                not quoted(doc, stop, inside)
                and (doc[stop].text in {",", "("} or is_dash(doc, stop))
            ):
                stop += 1
            # "…, a pro-Clinton ''super PAC,'' posited": the closing comma is quoted.
            quoted_close = doc[end - 1].text in QUOTE_MARKS and doc[end - 2].text == ","
            if (stop >= end and not quoted_close) or not _aside_ok(doc, p + 1, stop, inside):
                return False
            p, aside = stop, True
        elif quoted(doc, p, inside):
            return False
        elif tok.lower_ in RELATIVES | {"whom"}:
            stop = _post_end(doc, p + 1, end, inside)
            if not _relative_ok(doc, p, stop, inside):
                return False
            p = stop
        elif tok.lower_ in PREPOSITIONS or participle(doc, p, end):
            stop = _post_end(doc, p + 1, end, inside)
            if _clause_like(doc, p + 1, stop, inside):
                return False
            p = stop
        else:
            return False
    return True


def _post_end(doc: Doc, k: int, end: int, inside: dict) -> int:
    """Where a relative clause, participle or prepositional phrase from ``k`` ends: the next
    top-level comma, bracket or dash, else the verb."""
    while k < end and not (
        not quoted(doc, k, inside) and (doc[k].text in {",", "("} or is_dash(doc, k))
    ):
        k += 1
    return k


def _head_end(doc: Doc, s: int, end: int, inside: dict) -> int:
    """Where the head noun phrase opening at ``s`` ends (a preposition, a relative pronoun,
    a participle, a comma, a bracket or a dash begins its post-modifiers)."""
    k = s
    while k < end:
        tok = doc[k]
        lower = tok.lower_
        if quoted(doc, k, inside) or tok.text in {",", "(", ";", ":"} or is_dash(doc, k):
            break
        post = participle(doc, k, end) and doc[k - 1].lower_ not in MODIFIER_SLOTS
        if k > s and (lower in PREPOSITIONS | RELATIVES | {"whom"} or post):
            break  # "Trump's leading rivals": an adjective after the possessive
        if k > s and (lower in AUX or lower in SPEECH_VERBS):
            break
        if lower == "and" and not (k + 1 < end and _nominal(doc, k + 1)):
            break
        if k > s and _finite_after_name(doc, k, end):
            return s  # "Clinton leads Sanders by 271 pledged delegates": a clause, no head
        if k > s and (is_manner_adverb(tok.text) or finite_at(doc, k, end)):
            return s  # "Clinton currently leads Sanders", "these became my friends"
        k += 1
    return k


def _finite_after_name(doc: Doc, k: int, end: int) -> bool:
    """ "Clinton leads Sanders": a lower-case "-s" word between a name and a name or an
    article is the clause's verb."""
    word, before = doc[k], doc[k - 1]
    after = doc[k + 1] if k + 1 < end else None
    return (
        word.is_alpha
        and word.text.islower()
        and word.lower_.endswith("s")
        and not word.lower_.endswith("ss")
        and before.is_title
        and after is not None
        and (after.is_title or after.lower_ in {"the", "a", "an", "his", "her", "its", "their"})
    )


def _nominal(doc: Doc, k: int) -> bool:
    tok = doc[k]
    return tok.is_alpha and tok.lower_ not in PRONOUNS | RELATIVES and not verbish(doc, k)


def _heads_someone(doc: Doc, a: int, b: int) -> bool:
    """Tokens ``a:b`` end in a head that can speak: a name, a people or role noun, an
    organisation's or a document's noun."""
    head = doc[b - 1]
    lower = head.lower_
    if lower in TIME_WORDS or lower in PRONOUNS:
        return False
    nouns = ROLE_NOUNS | UNNAMED_NOUNS | ORG_HEAD_NOUNS | DOCUMENT_NOUNS | _PEOPLE
    if head.is_title and b - a == 1 and doc[b].lower_ in PREPOSITIONS - {"of", "from"}:
        return False  # "Close to 50 interviews …", "Looks like someone": no name
    shouted = [t for t in doc[a:b] if t.is_alpha and len(t) > 3 and t.text.isupper()]
    if len(shouted) >= 2 or (doc[a].lower_ in _NOT_HEADS and b - a == 1):
        return False  # "AUSTRALIAN OLYMPIC TEAM REFUSES …": a headline run in
    return lower in nouns or lower.rstrip("s") in nouns or people_head(doc, a, b) or head.is_title


def _name_run(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """The name (and title) just before ``e``, a short party bracket after it allowed ("the
    convention Sen. Ann Holt (D-Mass.)"), after a lower-case word."""
    stop = e
    if doc[e - 1].text == ")":
        opening = next((m for m in range(e - 2, max(s, e - 8), -1) if doc[m].text == "("), None)
        if opening is None:
            return None
        stop = opening
    run = stop
    while run > s and stop - run < 5 and doc[run - 1].text[:1].isupper():
        run -= 1
    if stop - run < 2 or run <= s:
        return None
    before = doc[run - 1]
    if not (before.is_alpha and before.text.islower()):
        return None
    if before.lower_ in PREPOSITIONS | {"and", "or", "the"}:
        return None
    return (run, e)


def _named_after(doc: Doc, s: int, h: int, e: int) -> tuple[int, int] | None:
    """ "Trump's leading rivals, Sens. Ted Cruz of Texas and Marco Rubio of Florida, have
    urged": the name set off after a description speaks (the first named)."""
    if not (doc[h - 1].is_alpha and doc[h - 1].text.islower()) or h + 1 >= e or doc[h].text != ",":
        return None
    first = h + 1
    comma = next((k for k in range(first, min(e, first + 9)) if doc[k].text == ","), None)
    if comma is not None and doc[comma - 1].text[:1].isupper():
        # "his wife, longtime Hillary Clinton aide Huma Abedin, announced": after its title.
        back = comma
        while back > first and doc[back - 1].text[:1].isupper() and comma - back < 4:
            back -= 1
        if back > first and doc[back - 1].is_alpha and doc[back - 1].text.islower():
            first = back if comma - back >= 2 else first
    run = first
    while (
        run < e and (doc[run].text[:1].isupper() or doc[run].text == ".") and doc[run].text != "I"
    ):
        run += 1  # "Sens . Ted Cruz": a title's stop split off
    if run - first < 2 or doc[run].text not in {",", "of", "and", "from"}:
        return None
    return (first, run)


def _subject_at(doc: Doc, s: int, e: int, inside: dict) -> tuple[int, int] | None:
    """The speaker of a subject spanning ``s:e``, or None when it is no subject."""
    if doc[s].lower_ in {"that", "this"} and s + 1 < e and doc[s + 1].text.islower():
        s += 1  # "That person said": the person
    if doc[s].lower_ in {"first", "then", "finally", "also"} and s + 1 < e:
        s += 1  # "First his wife, …, announced"
    if doc[s].lower_ in _SUBJECT_STOPS | PREPOSITIONS | RELATIVES | OPENING_ADVERBS:
        return None
    h = _head_end(doc, s, e, inside)
    if h == s or not _heads_someone(doc, s, h):
        return None
    if not _postmodifiers(doc, h, e, inside):
        return None
    if h - s > 12:
        return _name_run(doc, s, h)  # "the governor's Republican rival Sen. Tom Pell"
    named = _named_after(doc, s, h, e)
    if named is not None:
        return named
    conj = next((k for k in range(s + 1, h) if doc[k].lower_ == "and"), None)
    if conj is not None and doc[conj - 1].is_title and is_speaker_phrase(doc, s, conj):
        return (s, conj)  # "Eisenhower and his future secretary of State": the first named
    # Its prepositional phrases with it ("A spokesman for the Harbor Foods brand"), when short.
    stop = h
    while stop < e and doc[stop].lower_ in PREPOSITIONS - {"including"}:
        nxt = _head_end(doc, stop + 1, e, inside)
        if nxt - s > 12 or nxt == stop + 1:
            break
        stop = nxt
    if stop < e and doc[stop].text == "(" and doc[e - 1].text == ")" and e - stop <= 6:
        stop = e  # "Sen. Tom Pell (R-Ohio)": the party tag is the name's
    return (s, stop)


def _opening_phrase(doc: Doc, k: int) -> bool:
    """Token ``k`` opens a phrase before the subject: a preposition, an adverb, a participle,
    a subordinator ("Alongside the talks, …", "For starters, …", "Since May, when …, …")."""
    lower = doc[k].lower_
    participle = doc[k].is_title and lower.endswith(("ing", "ed")) and len(lower) > 4
    return (
        lower in PREPOSITIONS | INTRO_OPENERS | OPENING_ADVERBS | TIME_WORDS | BOUNDARY_WORDS
        or lower in {"alongside", "beyond", "besides", "toward", "towards", "amid", "despite"}
        or participle
        or is_manner_adverb(doc[k].text.lower())
    )


def complex_subject(doc: Doc, start: int, verb: int, end: int, inside: dict) -> Attribution | None:
    """The speaker of the verb of saying at ``verb`` when its subject is long or complex (see
    the module docstring), as an attribution, or None."""
    lower = doc[verb].lower_
    saying = lower in SPEECH_VERBS | COGNITION_VERBS or calls_it(doc, verb, end, inside)
    if not saying or lower in _NOUN_FORMS | _PASSIVE_PRONE:
        return None  # "… who filed domestic violence reports against him blames …"
    if verb + 1 < end and doc[verb + 1].lower_ == "by":
        return None  # "The campaign, first reported by the Ledger, …": a participle
    e = verb_start(doc, start, verb)
    if e <= start or doc[e - 1].lower_ in _BE | RELATIVES | {"whom"} | BOUNDARY_WORDS:
        return None  # "it was said", "who said", "which residents said"
    if doc[e - 1].lower_ in PRONOUNS and (e - 1 == start or not doc[e - 2].is_alpha):
        return Attribution("reported_speech", (e - 1, e), verb, trailing=False)
    if doc[e - 1].lower_ in {"i", "we", "you"} or doc[e - 1].like_num:
        return None  # "which poll you believe", "by 270 pledged delegates"
    first = past_conjunctions(doc, start, e)
    if first >= e:
        return None
    opened = skip_opening(doc, first, e)
    after = [t for t in doc[verb + 1 : end] if not t.is_punct]
    short = len(after) <= 8 and not any(t.lower_ == "that" for t in after)
    # After a comma, a subject follows an opening phrase ("Alongside the talks, critics …") or
    # content the frame closes ("Rents rose 12 percent, residents who … said.").
    commas = short or _opening_phrase(doc, opened)
    candidates = [opened]
    candidates += [
        k + 1
        for k in range(opened, e - 1)
        if not quoted(doc, k, inside)
        and ((doc[k].text == "," and commas) or doc[k].lower_ in _SUBJECT_STOPS - {"what"})
    ]
    unpunctuated = doc[first].lower_ in INTRO_OPENERS | TIME_WORDS and opened == first
    if unpunctuated and not any(doc[k].text == "," for k in range(first, e)):
        # "Saturday at the convention Sen. Ann Holt (D-Mass.) said": the name before the verb.
        named = _name_run(doc, first, e)
        if named is not None:
            return Attribution("reported_speech", named, verb, trailing=False)
    for s in candidates:
        if s >= e:
            continue
        found = _subject_at(doc, s, e, inside)
        if found is not None:
            # "The levy rose 40 percent, residents who … said.": the content came first.
            trailing = s != opened and doc[s - 1].text == "," and short
            return Attribution("reported_speech", found, verb, trailing=trailing)
    return None
