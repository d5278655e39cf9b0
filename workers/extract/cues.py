"""Cue words: which tokens open an attribution frame, and the shape around them.

The verbs of saying, thinking and finding as a frame can use them (``CUE_WORDS``), a
progressive cue with its auxiliary ("is already claiming", "'re mostly proposing"), the words
skipped between a speaker and the verb ("has also said"), a headline's capitalised verb, and
where an inverted speaker ends ("…,” said Jo Roe in a tweet"). ``attribution`` finds the frames
with them. Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from workers.enrich.name_words import PARTY_WORDS
from workers.enrichment import IRREGULAR_PAST
from workers.nlp import DEMONYMS

from .lexicon import (
    CLAUSE_PRONOUNS,
    COGNITION_VERBS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    MEASURE_NOUNS,
    MEASURE_VERBS,
    QUANTIFIERS,
    RECORDING_NOUNS,
    SPEECH_VERBS,
    is_manner_adverb,
)
from .speakers import is_speaker_phrase
from .speech_acts import ISSUING, VIEW_VERBS, issued_statement, offers_view
from .stance import FEELING_ADJECTIVES, STANCE_ADJECTIVES, STANCE_WORDS

SPEAKER_SKIP = frozenset(
    {
        "has", "have", "had", "also", "later", "earlier", "previously", "repeatedly",
        "again", "then", "further", "separately", "publicly", "recently", "once",
        "often", "would", "will", "has also", "had also", "already", "since", "first",
        "reportedly", "subsequently", "privately", "initially", "flatly", "falsely",
        "correctly", "wrongly", "not", "never", "did", "does", "do", "now", "still",
        "today", "yesterday", "tonight", "frequently", "openly", "even", "just", "n't",
        "both",
    }
)  # fmt: skip
PROGRESSIVE = frozenset(
    {"saying", "arguing", "claiming", "insisting", "warning", "accusing", "pointing",
     "predicting", "touting", "promising", "vowing", "telling", "urging", "calling",
     "reporting", "estimating", "projecting", "alleging", "contending", "asserting",
     "praising", "proposing", "showing", "finding", "declaring", "stating", "explaining",
     "acknowledging", "conceding", "suggesting", "complaining", "noting", "stressing",
     "demanding", "denying", "announcing", "admitting", "maintaining", "signaling",
     "signalling", "boasting", "questioning", "criticizing", "criticising", "blaming",
     "slamming", "condemning", "denouncing", "disavowing", "decrying", "lamenting",
     "disputing", "rebutting", "hailing", "applauding", "lauding", "expecting", "forecasting"}
)  # fmt: skip
PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being", "'s", "’s"})
PROGRESSIVE_AUX = PASSIVE_AUX | frozenset({"'re", "’re", "'m", "’m", "am"})

# Verbs a title-case headline capitalises ("Roe Says Rents Rose 7%"): only unambiguous forms.
HEADLINE_VERBS = frozenset(
    {"Says", "Tells", "Warns", "Promises", "Wants", "Praises", "Slams", "Blasts", "Urges",
     "Vows", "Denies", "Admits", "Insists", "Predicts", "Accuses", "Blames", "Argues",
     "Touts", "Defends", "Pledges", "Demands", "Reveals", "Told", "Slammed", "Blasted",
     "Mocks", "Dismisses", "Rejects", "Warned", "Urged", "Announces", "Endorses", "Unveils",
     "Proposes", "Sides", "Hints", "Claims", "Suggests", "Calls", "Calling", "Asks"}
)  # fmt: skip


CUE_WORDS = (
    SPEECH_VERBS
    | COGNITION_VERBS
    | FINDING_VERBS
    | PROGRESSIVE
    | STANCE_WORDS
    | MEASURE_VERBS
    | frozenset({"asked", "continued", "continues", "read", "reads"})
)
# Verbs that frame a quotation only when it stands next to them: "“…,” Roe continued.", "“…,”
# the letter read.", "The sign reads: “…”" ("Roe read the report" is an act, "asked" a question).
QUOTE_CLOSERS = frozenset({"asked", "continued", "continues", "read", "reads"})
_INTRO_PUNCT = frozenset({",", ":"})


def frames_quotation(doc: Doc, i: int, start: int, end: int, inside: dict) -> bool:
    """Does the verb at ``i`` (one of ``QUOTE_CLOSERS``) close a quotation before it ("“…,” Roe
    continued.") or, for "read(s)" and "continue(d)", open one after it ("The sign reads: “…”",
    "Roe continued, “…”")?"""
    lower = doc[i].lower_
    if lower not in QUOTE_CLOSERS:
        return False
    closes = (
        i + 1 >= end or doc[i + 1].text in {".", ",", ":"} or _circumstance_closes(doc, i, end)
    ) and any(k in inside for k in range(start, i))
    # "Roe continued, “…”"; "It continued: “…”" is the document the quotations before quote.
    own_speaker = i > start and doc[i - 1].lower_ != "it"
    opens = (
        (lower in {"read", "reads"} or (lower in {"continued", "continues"} and own_speaker))
        and i + 2 < end
        and doc[i + 1].text in _INTRO_PUNCT
        and (i + 2) in inside
    )
    return closes or opens


_OPEN_CONTENT = frozenset({"whether", "if", "that", "why", "how", "what", "who", "about"})


def _circumstance_closes(doc: Doc, i: int, end: int) -> bool:
    """ "“…?” Roe asked on Twitter.", "“…,” Roe continued in a statement.": the verb is followed
    only by where or when it was said, up to the end of the sentence (no question of its own:
    "asked on Monday whether …")."""
    if i + 1 >= end or doc[i + 1].lower_ not in AFTER_NAME:
        return False
    rest = [t for t in doc[i + 1 : end] if not (t.is_punct or t.is_space)]
    return len(rest) <= 7 and not any(t.lower_ in _OPEN_CONTENT for t in rest)


# Words after "report(s)"/"estimate(s)" that make it the noun: a verb of its own follows, or a
# participle describing the document.
NOUN_FOLLOWERS = (
    SPEECH_VERBS
    | FINDING_VERBS
    | frozenset({"published", "released", "conducted", "commissioned", "compiled", "issued"})
)


# Words that make the next -s form a plural noun: a verb's -s form agrees with one subject, so
# after a count ("all 50 states", "two dozen states", "several reports", "both claims") the word
# names things.
_PLURAL_COUNTS = (QUANTIFIERS - {"one", "another"}) | {"dozen", "hundred", "thousand", "million"}


def noun_use(doc: Doc, i: int, start: int, end: int) -> bool:
    """Is the cue word at ``i`` a noun, not a verb: a document followed by a verb of its own or
    a participle ("new fundraising reports show", "a news report published Monday said"), or a
    plural after a count ("officials in the two states said")? A number inside a name ("Article
    5 states that …") counts nothing."""
    lower = doc[i].lower_
    if lower in DOCUMENT_NOUNS and i + 1 < end and doc[i + 1].lower_ in NOUN_FOLLOWERS:
        return True
    if i <= start:
        return False
    before = doc[i - 1]
    if before.lower_ in {"has", "have", "had"} and _base_form(lower):
        return True  # "Roe has support from 52 percent": a perfect takes a participle
    if not lower.endswith("s") or lower.endswith("ss"):
        return False
    if before.lower_ in _PLURAL_COUNTS or _qualifies_plural(doc, i):
        return True
    named = i - 2 >= start and doc[i - 2].text[:1].isupper()
    return before.like_num and before.lower_ not in {"one", "1"} and not named


# Cue words that are plural nouns as often ("states", "estimates"); "says" and "argues" never are.
_NOUN_CUES = frozenset(
    {"states", "estimates", "reports", "claims", "notes", "calls", "charges", "comments",
     "remarks", "warnings", "forecasts", "complaints", "accounts", "findings", "records"}
)  # fmt: skip


def _qualifies_plural(doc: Doc, i: int) -> bool:
    """The word before the cue word at ``i`` makes it a plural noun: a party's or a people's
    adjective ("solidly Democratic states"; a quantifier is _PLURAL_COUNTS's), or a frame set off
    right after it ("Cost estimates, he added, were …")."""
    word = doc[i - 1].text
    if doc[i].lower_ not in _NOUN_CUES:
        return False
    if word in PARTY_WORDS or word.lower() in DEMONYMS:
        return True
    aside = doc[i + 1 : i + 4]
    return (
        len(aside) == 3
        and aside[0].text == ","
        and aside[1].lower_ in {"he", "she", "they"}
        and aside[2].lower_ in SPEECH_VERBS
    )


# Participles spelt as their base form, and "had had".
_BASE_PARTICIPLES = frozenset(
    {"read", "forecast", "upset", "hit", "come", "become", "run", "cut", "put", "set", "bet",
     "cast", "spread", "quit", "had"}
)  # fmt: skip


def _base_form(word: str) -> bool:
    """A base form that is no participle ("support", "praise", "claim"; not "said", "shown",
    "forecast")."""
    return not (
        word.endswith(("ed", "en", "n", "ing", "s"))
        or word in IRREGULAR_PAST
        or word in _BASE_PARTICIPLES
    )


def names_document(doc: Doc, start: int, end: int) -> bool:
    """Does the phrase name a document or a recording, whose finding verb needs no "that"
    ("the study found …", "records show he paid …", "the video shows Roe outlining …")?"""
    return any(t.lower_ in DOCUMENT_NOUNS or t.lower_ in RECORDING_NOUNS for t in doc[start:end])


# What a measurement gives after "has"/"had": a name or a pronoun ("has the mayor ahead", "had
# her at 41 percent"), not a perfect ("has found", "has been").
_MEASURED = frozenset({"him", "her", "them", "it", "the", "each", "both", "all"})
_FIGURE_WORDS = frozenset({"%", "percent", "points", "point", "delegates", "seats", "votes"})


def measure_cue(doc: Doc, i: int, end: int) -> bool:
    """Does the verb at ``i`` state what a measurement found: a poll, a count or a forecast
    right before it and a figure after ("the rent survey puts the median rent at $1,450",
    "the party's tally gives her 312 seats", "the new poll has the mayor ahead by 7 points")?
    "The poll has been criticised", "the survey put the question to 900 adults" are no
    finding."""
    lower = doc[i].lower_
    if lower not in MEASURE_VERBS or i + 1 >= end or not _measure_subject(doc, i):
        return False
    after = doc[i + 1]
    if lower in {"has", "had"} and not (
        after.lower_ in _MEASURED or (after.text[:1].isupper() and after.is_alpha)
    ):
        return False
    window = doc[i + 1 : min(i + 14, end)]
    placing = lower not in {"has", "had", "gives", "gave"}
    if placing and not any(t.lower_ == "at" for t in window):
        return False  # "puts Roe at 38 percent"; "put the question to 900 adults" is an act
    return any(t.like_num or t.lower_ in _FIGURE_WORDS for t in window)


# Words between a measurement and its verb that end the search for it: a clause's start, or
# "of" ("a Siena poll of the Ohio race put …": the subject's name is resolved from the whole
# phrase, "Ohio" as readily as "Siena"; such a subject is left to the writer).
_SUBJECT_STOPS = frozenset({"and", "but", "or", "that", "which", "who", "as", "while", "of"})


def _measure_subject(doc: Doc, i: int) -> bool:
    """A measurement ends the subject before ``i``: "the poll", "the poll released on Monday"
    (no punctuation, conjunction, relative or "of" between)."""
    for k in range(i - 1, max(-1, i - 9), -1):
        if doc[k].is_punct or doc[k].lower_ in _SUBJECT_STOPS:
            return False
        if doc[k].lower_ in MEASURE_NOUNS:
            return True
    return False


def progressive_aux(doc: Doc, i: int, start: int) -> int | None:
    """The auxiliary of a progressive cue at ``i`` ("is claiming", "is already claiming",
    "'re mostly proposing", "is showing that") or the copula of a stance adjective ("are
    optimistic that"), adverbs allowed between, or None."""
    lower = doc[i].lower_
    that = i + 1 < len(doc) and doc[i + 1].lower_ == "that"
    feeling = lower in FEELING_ADJECTIVES and that
    if lower in ISSUING | VIEW_VERBS and not (
        issued_statement(doc, i, len(doc)) or offers_view(doc, i, len(doc))
    ):
        return (
            None  # "is releasing an ad that urges …", not "Roe's running mate", "is offering loans"
        )
    # "is reaffirming that …": any verb in the progressive with a "that" clause.
    if lower not in PROGRESSIVE | STANCE_ADJECTIVES and not (
        feeling or (lower.endswith("ing") and (that or lower in STANCE_WORDS))
    ):
        return None  # "is pushing for", "is now talking about": a stance in the progressive
    k = _skip_back(doc, i - 1, start, i)
    if k >= start and doc[k].lower_ in _LINKING and not lower.endswith("ing"):
        # "grew worried that …", "is growing concerned that …", "has become convinced that …":
        # a verb of becoming or seeming links the subject to its state of mind as "is" does.
        aux = _skip_back(doc, k - 1, start, k)
        return (
            aux
            if aux >= start and doc[aux].lower_ in PROGRESSIVE_AUX | {"has", "have", "had"}
            else k
        )
    return k if k >= start and doc[k].lower_ in PROGRESSIVE_AUX else None


_LINKING = frozenset(
    {"grew", "grows", "grow", "growing", "grown", "became", "becomes", "become", "becoming",
     "seemed", "seems", "appeared", "appears", "remained", "remains", "remain", "got", "gets",
     "getting"}
)  # fmt: skip


def _skip_back(doc: Doc, k: int, start: int, i: int) -> int:
    """The first token at or before ``k`` that is no auxiliary-like or manner adverb, at most
    three tokens before ``i``."""
    while (
        k >= start
        and i - k <= 3
        and (doc[k].lower_ in SPEAKER_SKIP or is_manner_adverb(doc[k].text))
    ):
        k -= 1
    return k


# Words that end an inverted speaker's name and begin the circumstances of the saying.
AFTER_NAME = frozenset(
    {"in", "on", "during", "as", "while", "after", "before", "when", "via", "through"}
)


def speaker_end(doc: Doc, verb: int, end: int) -> int:
    """Where an inverted speaker after ``verb`` ends ("…,” said Jo Roe, a former aide")."""
    m = verb + 1
    while m < end and doc[m].text not in {",", ".", ";", "!", "?"}:
        if m > verb + 1 and doc[m].lower_ in AFTER_NAME and doc[m - 1].text[:1].isupper():
            break  # "…,” said Jo Roe in a tweet", "… said Roe as she left": the name ends
        m += 1
    # "…,” said a senior official who was not authorized to speak": the official.
    return next((r for r in range(verb + 2, m) if doc[r].lower_ in {"who", "whose"}), m)


_FINITE_FORMS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
     "should", "may", "might", "must"}
)  # fmt: skip


def inverted_speaker(doc: Doc, verb: int, end: int) -> int | None:
    """The end of the speaker after an inverted ``verb`` ("…,” said Jo Roe, a former aide"), or
    None: no speaker phrase, or the reported clause itself ("…, said it won 300 seats", "…, says
    the fund lost $4 million"; a past form in -ed is left to the speaker: "said an official
    involved in the talks")."""
    m = speaker_end(doc, verb, end)
    pronoun = doc[verb + 1].lower_ in CLAUSE_PRONOUNS if verb + 1 < len(doc) else False
    clause = m > verb + 2 and (
        pronoun
        or any(t.text in IRREGULAR_PAST or t.lower_ in _FINITE_FORMS for t in doc[verb + 2 : m])
    )  # "…, say the park was a waste": the reported clause, no speaker
    named = is_speaker_phrase(doc, verb + 1, m) or press_name(doc, verb + 1, m)
    return m if m > verb + 1 and not clause and named else None


# What a publication is called after its name: "Time magazine", "the Politico website".
_PUBLICATION_NOUNS = frozenset({"magazine", "website", "blog", "newsletter", "daily", "weekly"})


def press_name(doc: Doc, start: int, end: int) -> bool:
    """ "Time magazine", "the Acme News website": a publication's name and what it is."""
    return (
        1 < end - start <= 6
        and doc[end - 1].lower_ in _PUBLICATION_NOUNS
        and doc[end - 2].text[:1].isupper()
    )


def speaker_follows(doc: Doc, verb: int, end: int) -> bool:
    return inverted_speaker(doc, verb, end) is not None
