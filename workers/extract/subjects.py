"""The subject a clause opens with, and the frames that hang on it without a verb of saying
next to it: "Roe hit back on Monday, saying …", "The Arizona senator toured the plant and says …".

``leading_subject`` finds that subject after any opening conjunction, adverb ("Likewise, …", "More
recently, …"), subordinate clause ("As they met, …") or introductory phrase ("In May, …", "On
Monday, …"; ``openings``): a pronoun, a name ("Jane Roe"), or a short description ("The billionaire
businessman", "a federal judge", "The group’s director"), which ends where its verb begins (an
auxiliary, an adverb, a past tense). ``participle_attribution`` credits a clause ending in ",
saying …" (or ", asking …", ", reminding …") to that subject. Resolving a description to the person
it describes is ``discourse``'s job. Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import (
    PRONOUNS,
    QUANTIFIERS,
    QUOTE_PARTICIPLES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    is_manner_adverb,
)
from .openings import (
    INTRO_OPENERS,
    OPENING_ADVERBS,
    OPENING_WORDS,
    adverb_phrase,
    after_intro,
    skip_opening,
)
from .speakers import Attribution, is_speaker_phrase, past_conjunctions

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it"})
_REPORTING_PARTICIPLES = QUOTE_PARTICIPLES | {
    "claiming", "suggesting", "calling", "accusing", "predicting", "vowing", "promising",
    "urging", "complaining", "asserting", "acknowledging", "conceding", "blaming",
    "slamming", "criticizing", "criticising", "dismissing", "praising", "denouncing",
    "condemning", "touting", "questioning", "demanding", "lamenting", "boasting",
    "chastising", "blasting", "bashing", "pledging", "decrying", "announcing", "contending",
    "alleging", "maintaining", "reiterating", "recalling", "denying", "charging", "signaling",
    "signalling", "recommending", "proposing", "admitting", "estimating",
    "portraying", "depicting", "asking", "reminding", "describing", "characterizing",
    "characterising", "emphasizing", "emphasising", "ruling", "concluding", "finding",
}  # fmt: skip
# "The index fell 2%, suggesting …": after a description, the reporter's inference, not its;
# "The storm hit the coast, slamming 40 homes": a force of nature's blows are no verdict.
_DESCRIPTION_PARTICIPLES = _REPORTING_PARTICIPLES - {
    "suggesting", "slamming", "blasting", "bashing",
}  # fmt: skip

# "Roe drew fire by saying …", "… after claiming …", "… for arguing …": the subject said it.
_BY_SAYING = frozenset({"by", "after", "for", "while"})
_DESCRIPTION_OPENERS = frozenset({"the", "a", "an"})
# Words that open a plural description as an article does ("Two residents", "Both women",
# "Several aides"): never a subject on their own when a noun follows.
_COUNT_OPENERS = (QUANTIFIERS | {"six", "seven", "eight", "nine", "ten", "dozens"}) - {
    "our", "your", "my", "these", "those", "new", "top", "more", "other", "another", "one",
}  # fmt: skip
# Words that end a description and begin its verb phrase.
_VERB_OPENERS = frozenset(
    {"has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "can", "may",
     "might", "must", "did", "does", "do", "also", "later", "then", "first", "again", "still",
     "already", "never", "not", "once", "recently", "previously", "initially", "on", "last",
     "this", "earlier", "began", "took", "made", "went", "came", "gave", "held", "led", "spoke",
     "ran", "won", "lost", "left", "sent", "kept", "got", "stood", "told", "said", "saw", "met",
     "struck", "hit", "put", "set", "cut", "brought", "fought", "wrote", "broke", "chose",
     "drew", "fell", "felt", "found", "knew", "grew", "paid", "rose", "shook", "threw", "spent",
     "heard", "sat", "shot", "sought", "taught", "thought", "tore", "withdrew", "says"}
)  # fmt: skip
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_CLOSING_QUOTES = frozenset({"”", '"', "''", "’"})
_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})


def _verb_begins(doc: Doc, k: int, words: int) -> bool:
    """Token ``k`` begins the verb phrase of a description ``words`` words long."""
    token = doc[k]
    if token.lower_ in _VERB_OPENERS or token.lower_ in SPEECH_VERBS:
        return words >= 1
    # "The embattled governor", "a newly elected mayor": right after the article, modifiers.
    past = token.text.islower() and token.text.endswith("ed") and len(token.text) > 3
    return (words >= 1 and past) or (words >= 2 and is_manner_adverb(token.text))


def description_subject(doc: Doc, first: int, limit: int) -> tuple[int, int] | None:
    """A short description opening the clause ("The billionaire businessman", "a U.S. District
    Court judge", "Two local residents"), up to the word its verb phrase begins with, or None."""
    if doc[first].lower_ not in _DESCRIPTION_OPENERS | _COUNT_OPENERS:
        return None
    k = first + 1
    while k < limit and k - first <= 7:
        token = doc[k]
        if _verb_begins(doc, k, k - first - 1):
            head = doc[k - 1]
            return (first, k) if head.is_alpha and k - first >= 2 else None
        if not (token.is_alpha or token.text in _POSSESSIVE or token.text.endswith(".")):
            return None  # a comma, a number, a quotation: no plain description
        k += 1
    return None


def _counted_subject(doc: Doc, first: int, limit: int) -> tuple[int, int] | None:
    """ "Two residents of the town …", or a counted group set off by a comma before the names
    of its members ("Two nurses, Jo Roe and Ada Quill, …": the two speak together)."""
    found = description_subject(doc, first, limit)
    if found is not None:
        return found
    comma = next((k for k in range(first + 2, min(first + 5, limit)) if doc[k].text == ","), None)
    if comma is None or any(not t.is_alpha for t in doc[first:comma]):
        return None
    return (first, comma) if comma + 1 < limit and doc[comma + 1].text[:1].isupper() else None


def leading_subject(
    doc: Doc, start: int, limit: int, described: bool = True
) -> tuple[int, int] | None:
    """The name, pronoun or (when ``described``) description a clause opens with, before
    ``limit``."""
    first = past_conjunctions(doc, start, limit)
    if first >= limit:
        return None
    first = skip_opening(doc, first, limit)
    if doc[first].lower_ in _SUBJECT_PRONOUNS:
        return (first, first + 1)
    if described and doc[first].lower_ in _DESCRIPTION_OPENERS:
        return description_subject(doc, first, limit)
    if doc[first].lower_ in _COUNT_OPENERS and first + 1 < limit and doc[first + 1].is_alpha:
        if doc[first + 1].text.islower():  # "Two residents …", "Both women": the whole phrase
            return _counted_subject(doc, first, limit) if described else None
        if doc[first].lower_ == "both":
            first += 1  # "Both Roe and Doe …": the names
    last = first
    while last < limit and doc[last].text[:1].isupper() and not doc[last].is_punct:
        last += 1
    if last > first and doc[first].text not in OPENING_WORDS:
        return (first, last)
    return None


def participle_attribution(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "Trump shot back in a statement, saying he had made money": a clause that opens
    with a name, a pronoun or a description and ends in ", saying …" is that subject's. Not
    in a quotation left open ("“The agency is reluctant, citing …": the quoted speaker's)."""
    marks = [t for t in doc[start:end] if t.text in _QUOTE_MARKS]
    if marks and marks[0].i == start and len(marks) % 2:
        return None
    for i in range(start + 2, end - 1):
        if i in inside or doc[i].lower_ not in _REPORTING_PARTICIPLES:
            continue
        comma = i - 2 if is_manner_adverb(doc[i - 1].text) else i - 1  # ", wrongly suggesting"
        if doc[comma].text in _CLOSING_QUOTES and comma - 1 > start and doc[comma - 1].text == ",":
            comma -= 1  # "… a defense of “small-town values,” saying …": the comma is quoted
        if doc[comma].text not in {",", "–", "—", "--"} and doc[comma].lower_ not in _BY_SAYING:
            continue  # "…, saying", "… – saying", "… by saying", "… after claiming"
        described = doc[i].lower_ in _DESCRIPTION_PARTICIPLES
        subject = leading_subject(doc, start, i, described)
        return Attribution("reported_speech", subject, i, trailing=False) if subject else None
    return None


def aside_subject(doc: Doc, start: int, comma: int, inside: dict) -> tuple[int, int] | None:
    """The name a clause opens with when an aside too long for an appositive separates it from
    its verb ("Jo Roe, the former governor, who has resented the mayor's rise, called …";
    "Last month, the Ledger, a British newspaper, revealed …"): the name before the first
    comma, or None."""
    first = past_conjunctions(doc, start, comma)
    if first < comma and (doc[first].lower_ in OPENING_ADVERBS or adverb_phrase(doc, first, comma)):
        return None
    first = after_intro(doc, first, comma)
    run = next((k for k in range(first + 1, min(first + 9, comma)) if doc[k].text == ","), None)
    if run is None or not (doc[first].text[:1].isupper() or doc[first].lower_ == "the"):
        return None
    if doc[first].lower_ in INTRO_OPENERS | OPENING_ADVERBS or comma - run > 45:
        return None
    if not is_speaker_phrase(doc, first, run):
        return None
    between = doc[run + 1 : comma]
    if (comma - 1) in inside or any(t.text in {";", ":"} for t in between):
        return None  # "Roe, “…,” said": a quotation ending at the comma is content
    return (first, run)


# Words an introductory phrase opens with that no speaker phrase does ("At the club, …",
# "Amid the unrest, …"); participles that open one are told by the preposition after them
# ("Asked about the vote, …", "Alarmed by the unrest, …", "Speaking to reporters, …").
_FRONTED_OPENERS = INTRO_OPENERS | {
    "with", "without", "for", "from", "amid", "among", "despite", "unlike", "like", "under",
    "across", "near", "through", "upon", "until", "inside", "outside", "yesterday", "today",
}  # fmt: skip
_PARTICIPLE_LINKS = frozenset({"about", "by", "to", "with", "at", "in", "on", "after", "for"})


def _introductory(doc: Doc, first: int, end: int) -> bool:
    """Tokens ``first:end`` are an introductory phrase, not a speaker."""
    opener = doc[first]
    if opener.lower_ in _FRONTED_OPENERS:
        return True
    participle = opener.text[:1].isupper() and opener.lower_.endswith(("ed", "ing"))
    return participle and end - first >= 2 and doc[first + 1].lower_ in _PARTICIPLE_LINKS


def fronted_subject(
    doc: Doc, start: int, host_end: int, comma: int, inside: dict
) -> tuple[int, int] | None:
    """The subject set off by commas after an introductory phrase that the walk over
    appositives took for a speaker ("On Saturday, Senator Jo Roe of Ohio, a rival, said";
    "At the club, where dues are high, Jo Roe, its president, said"; "In Ohio, the governor,
    a Republican, said"): the first of the comma-set phrases between ``host_end`` and the
    verb's ``comma`` that names someone, else the first description; None when the tokens
    before ``host_end`` are no introductory phrase."""
    first = past_conjunctions(doc, start, host_end)
    if first >= host_end or not _introductory(doc, first, host_end):
        return None
    if any(doc[k].text == "," or k in inside for k in range(first, host_end)):
        return None
    described = None
    a = host_end + 1
    for b in range(host_end + 1, comma + 1):
        if b < comma and (doc[b].text != "," or b in inside):
            continue
        segment, a = (a, b), b + 1
        if segment[0] >= b or any(k in inside for k in range(*segment)):
            continue
        opener = doc[segment[0]]
        if opener.lower_ in OPENING_ADVERBS or not is_speaker_phrase(doc, *segment):
            continue  # "however", "where dues are high"
        if opener.text[:1].isupper() and opener.lower_ not in _DESCRIPTION_OPENERS:
            return segment
        if described is None and opener.lower_ in _DESCRIPTION_OPENERS | {"its", "their"}:
            described = segment
    return described


# Plural heads of a group that speaks together, besides role nouns ("labor unions and …").
_GROUP_HEADS = frozenset(
    {"groups", "unions", "families", "parents", "teachers", "students", "companies", "firms",
     "agencies", "governments", "organizations", "organisations", "allies", "advisers"}
)  # fmt: skip


_AGENT_ENDINGS = ("ers", "ists", "ians", "ents", "ants")


def people_head(doc: Doc, a: int, b: int) -> bool:
    """Tokens ``a:b`` are headed by a people noun or a name ("RNC members", "Mrs. Roe")."""
    head = doc[b - 1]
    if head.lower_ in PRONOUNS or not head.is_alpha:
        return head.text.endswith(".") and head.text[:1].isupper()  # "Jo Roe Jr."
    lower = head.lower_
    return (
        head.text[:1].isupper()
        or lower in ROLE_NOUNS
        or lower.rstrip("s") in ROLE_NOUNS
        or lower in _GROUP_HEADS
        or lower.endswith(_AGENT_ENDINGS)  # "farmers", "economists", "residents"
    )


# Modifiers that two conjuncts can share one head with: "current and former officials".
_SHARED_MODIFIERS = frozenset(
    {"current", "former", "past", "present", "retired", "active", "senior", "junior", "local",
     "state", "federal", "foreign", "domestic", "male", "female", "young", "old", "older",
     "younger", "elected", "appointed", "civilian", "military", "public", "private", "new"}
)  # fmt: skip
_POST_LINKS = frozenset({"in", "at", "from", "of", "for", "with", "on", "inside", "outside"})


def _shared_head(doc: Doc, first: int, conj: int, end: int) -> tuple[int, int] | None:
    """An "and" inside one subject: modifiers sharing its head ("five past and current
    employees") or places after it ("officials in the bureau and at the Treasury")."""
    # The subject opens the clause or follows its last comma ("…, current and former
    # officials said").
    first = max([first, *(k + 1 for k in range(first, conj) if doc[k].text == ",")])
    if first >= conj or any(doc[k].text == "," for k in range(conj, end)):
        return None
    if doc[conj + 1].lower_ in _POST_LINKS:
        link = next((k for k in range(first + 1, conj) if doc[k].lower_ in _POST_LINKS), None)
        return (first, end) if link is not None and people_head(doc, first, link) else None
    left = doc[first:conj]
    modifiers = 1 <= len(left) <= 2 and all(
        t.lower_ in _SHARED_MODIFIERS or t.like_num for t in left
    )
    if modifiers and doc[conj + 1].lower_ in _SHARED_MODIFIERS and end - conj > 2:
        return (first, end) if people_head(doc, conj + 1, end) else None
    return None


def coordinated_subject(doc: Doc, first: int, conj: int, end: int) -> tuple[int, int] | None:
    """Subjects joined by "and" that the clause opens with ("RNC members and officials
    insist", "both Mrs. Roe and her campaign said", "the families, supporters and staff
    said"): the first conjunct when it is a name or the list has commas, else the whole
    coordination (``first:end``, ``conj`` the "and"); None when a conjunct is no people
    phrase ("The economy grew and officials said": two clauses)."""
    shared = _shared_head(doc, first, conj, end)
    if shared is not None:
        return shared
    segments, a = [], first
    for k in range(first, conj + 1):
        if k == conj or doc[k].text == ",":
            segments.append((a, k))
            a = k + 1
    segments = [(a, b) for a, b in segments if a < b]
    while segments and not people_head(doc, *segments[0]):
        segments = segments[1:]  # "Until Roe spoke, both Mrs. Doe and …": an opening clause
    if segments and doc[segments[0][0]].lower_ == "both":
        segments[0] = (segments[0][0] + 1, segments[0][1])
    first = segments[0][0] if segments else first
    if not segments or conj + 1 >= end or any(b - a > 6 for a, b in segments):
        return None
    if not all(people_head(doc, a, b) for a, b in [*segments, (conj + 1, end)]):
        return None
    run = end
    while run > conj + 1 and doc[run - 1].text[:1].isupper():
        run -= 1
    before_name = doc[run - 1]  # "… frontrunner Jo Roe", not "… CEO of Acme Foods"
    titled = run < end and before_name.is_alpha and before_name.text.islower()
    if titled and before_name.lower_ not in {"of", "for", "at", "in", "the", "and"}:
        return None  # "Former Secretary of State and party frontrunner Jo Roe": one person
    a, b = segments[0]
    named = doc[a].text[:1].isupper() and doc[b - 1].text[:1].isupper()
    return segments[0] if named or len(segments) > 1 else (first, end)


_NOT_SUBJECTS = frozenset({"here", "there", "this", "that", "what", "which", "it"})
_IRREGULAR_PAST = frozenset({"went", "gave", "made", "put", "took", "wrote", "spoke", "told"})
# What a label before a colon may name instead of a verb: "WSJ editorial: “…”", "From Roe's
# Facebook post: “…”", "The statement reads: “…”".
_LABEL_WORDS = frozenset(
    {"editorial", "post", "tweet", "statement", "letter", "email", "op-ed", "column", "memo",
     "reads", "read", "release", "message"}
)  # fmt: skip


def _saying_verb(word: str) -> bool:
    """A past tense or a verb of saying: "resisted", "worded it", "went on", "to say"."""
    return (
        (word.endswith("ed") and len(word) > 4)
        or word in SPEECH_VERBS
        or word in _IRREGULAR_PAST
        or word == "say"
        or word in _LABEL_WORDS
    )


def colon_subject(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "Roe resisted: “Governors do not have that power.”", "The campaign, in a Q&A, worded
    it more carefully: “…”": a clause that ends in a colon opening a quotation gives the
    quotation to the subject it opens with."""
    colon = next(
        (k for k in range(start + 2, end - 1) if doc[k].text == ":" and k not in inside), None
    )
    if colon is None or (colon + 1) not in inside or not doc[colon - 1].is_alpha:
        return None
    if not doc[colon - 1].text.islower():
        return None  # "Roe: “…”" and "Paul Ryan: …" are the colon quote's (``speakers``)
    subject = leading_subject(doc, start, colon)
    comma = next((k for k in range(start + 1, colon) if doc[k].text == ","), None)
    if subject is None and comma is not None:
        # "The campaign, in a Q&A on its emails, worded it carefully: “…”": before the aside.
        subject = aside_subject(
            doc, start, max(k for k in range(comma, colon) if doc[k].text == ","), inside
        )
    if subject is None or subject[1] >= colon or doc[subject[0]].lower_ in _NOT_SUBJECTS:
        return None  # "Here is the score: “…”" names no one
    if not any(_saying_verb(t.lower_) for t in doc[subject[1] : colon]):
        return None  # "In Paris, the mood was grim: “…”": no one acts, no one speaks
    return Attribution("reported_speech", subject, colon, trailing=False)
