"""A verb with a "that" clause: its subject puts the clause forward, whatever the verb.

News reports much of what people claim, conclude or learn with a verb followed by "that" and a
clause ("the panel determined that …", "she guessed that …", "critics charge that …", "the
campaign projects that …"), and the verbs that do it are too many to list. The shape is the
rule: a finite verb, "that", then a word that opens a clause (a determiner, a pronoun, a
number, a quotation mark, or after a past form a name). A finite verb is a past form (-ed), an
-s form after a singular subject (a name, "he"/"she", a role: "the campaign projects"), or a
base form after a modal or "did" ("would later concede") or after a plural subject ("critics
charge", "they maintain"). ``that_clause_verb`` tells whether the token at ``i`` opens such a
frame; its subject is found as for any verb of saying (``attribution``), with the guards of a
stance frame, must hold no verb of its own (``verbless_subject``) and must be someone who can
put a view forward (``view_holder``): a name, a personal pronoun, a role or a document — not
an event or a thing ("the debate proved that …" is the writer's reading of the debate).

Left out: verbs whose "that" clause states a fact or a condition rather than anyone's view
("it means that …", "the law requires that …", "it seems that …", "made sure that …"); the
subjects "it", "this", "there" ("It helps that …" is the writer's own comment); a result
clause ("so numerous that …"); a plural noun before a relative or appositive "that"
("consistent reminders that …", "staff members that …", "one of four cases that …"); an
adjective after a plural ("left voters fearful that …"); "that" before a noun, a demonstrative
("would use that Harlow base"); a negated verb ("did not know that …": the clause is the
writer's, not a view the subject holds). Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .cues import SPEAKER_SKIP
from .lexicon import DOCUMENT_NOUNS, ROLE_NOUNS, is_manner_adverb

# Verbs whose "that" clause is a fact, a condition or a consequence, not a view held.
_NOT_REPORTING = frozenset(
    {
        "means", "meant", "mean", "ensure", "ensures", "ensured", "require", "requires",
        "required", "seems", "seemed", "seem", "appears", "appeared", "appear", "happened",
        "happens", "matters", "mattered", "helps", "helped", "follows", "followed", "is",
        "was", "has", "had", "does", "did", "so", "such", "turns", "turned",
        "provided", "assuming", "given", "mandates", "mandated", "dictates", "dictated",
        "stipulates", "stipulated", "guaranteed", "guarantees", "makes", "made", "needs",
        "needed", "remains", "remained", "reflects", "reflected", "underscores",
        "underscored", "illustrates", "illustrated",
    }
)  # fmt: skip
# Auxiliaries after which a base form is finite: "would argue that", "did realize that".
_BASE_AFTER = frozenset(
    {"would", "will", "could", "can", "may", "might", "should", "must", "did", "do", "does"}
)  # fmt: skip
_NEGATIONS = frozenset({"not", "n't", "never", "nobody", "no"})
# Words that open the clause after "that".
_CLAUSE_OPENERS = frozenset(
    {
        "the", "a", "an", "he", "she", "they", "we", "i", "you", "it", "there", "his", "her",
        "their", "its", "our", "my", "your", "this", "these", "those", "no", "not", "none",
        "all", "some", "many", "most", "more", "few", "if", "when", "while", "because",
        "once", "since", "in", "despite", "only", "even", "both", "every", "each", "any",
    }
)  # fmt: skip
_FINITE = frozenset(
    {"is", "are", "was", "were", "be", "been", "has", "have", "had", "'s", "’s", "'re", "’re"}
)  # fmt: skip
_ADJECTIVE_ENDINGS = ("ful", "ous", "ic", "able", "ible", "less", "ary")
_OPENING_MARKS = frozenset({",", "“", '"', "‘", "'"})
# Subjects whose "that" clause is the writer's own comment ("It helps that …").
IMPERSONAL_SUBJECTS = frozenset({"it", "this", "there", "that", "which", "what"})


def _after_auxiliary(doc: Doc, i: int) -> bool:
    """A base form after a modal or "did", adverbs between ("would later concede")."""
    k = i - 1
    while k >= 0 and i - k <= 3 and doc[k].lower_ not in _BASE_AFTER:
        if not (doc[k].lower_ in SPEAKER_SKIP or is_manner_adverb(doc[k].text)):
            return False
        k -= 1
    return k >= 0 and doc[k].lower_ in _BASE_AFTER


_COPULAS = frozenset({"is", "are", "was", "were", "'s", "’s", "'re", "’re"})


def _after_copula(doc: Doc, i: int) -> bool:
    """A progressive: "is reaffirming that …", "are now conceding that …"."""
    k = i - 1
    while k > 0 and i - k <= 2 and (doc[k].lower_ in SPEAKER_SKIP or is_manner_adverb(doc[k].text)):
        k -= 1
    return k > 0 and doc[k].lower_ in _COPULAS


def _plural(word: str) -> bool:
    """An -s form ("charges", "critics"), not "-ss", "-us", "-ous" or "-is" ("nervous")."""
    return word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _singular_subject(doc: Doc, k: int) -> bool:
    """The end of a subject before an -s verb: a name, "he"/"she" or a role ("the campaign
    projects that …"); a plural noun after an adjective ("consistent reminders that …") is none."""
    word = doc[k].text
    if word.lower() in {"he", "she"} or word.lower() in ROLE_NOUNS:
        return True
    return word.isalpha() and word[:1].isupper() and not doc[k].is_sent_start


def _plural_subject(doc: Doc, k: int) -> bool:
    """A plural subject before a base form: "critics charge that", "they maintain that" (a
    role, or a capitalised plural opening the sentence: "the Wills area that …" is no verb)."""
    word = doc[k].text
    if word.lower() in {"they", "we"}:
        return True
    base = doc[k + 1].lower_
    if base.endswith(_ADJECTIVE_ENDINGS):
        return False  # "leaving progressives fearful that …": an adjective, no verb
    return _plural(word) and (word.lower() in ROLE_NOUNS or bool(doc[k].is_sent_start))


def _result_clause(doc: Doc, i: int) -> bool:
    """ "so numerous that …", "so annoyed officials that …": a result, not a view."""
    return any(t.lower_ in {"so", "such"} for t in doc[max(0, i - 8) : i])


def verbless_subject(doc: Doc, start: int, end: int) -> bool:
    """A subject phrase holds no verb of its own ("the incident was one of four cases that
    …": "cases" is a noun, its "that" a relative pronoun)."""
    return not any(t.lower_ in _FINITE for t in doc[start:end])


_HOLDER_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})
# Words that open a subject phrase with a capital only because they open the sentence.
_OPENERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
     "my", "your", "some", "many", "most", "one", "another", "such", "every", "each"}
)  # fmt: skip

# People named by what they do or are: "auditors", "trustees", "residents", "historians".
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ees", "ians", "ants", "ents", "ives")
# Bodies that reach and state conclusions.
_BODIES = frozenset(
    {"panel", "board", "jury", "team", "bank", "institute", "center", "centre", "tribunal",
     "inquiry", "regulator", "watchdog", "public", "majority", "minority", "electorate"}
)  # fmt: skip


def view_holder(doc: Doc, start: int, end: int) -> bool:
    """Can the subject phrase ``start:end`` put a view forward? A personal pronoun, a
    capitalised name (not a sentence's capitalised opening word such as "The"), or a phrase
    headed by a role, people ("auditors", "trustees", "residents"), a body that decides ("the
    panel", "the board") or a document."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words:
        return False
    if any(t.lower_ in _HOLDER_PRONOUNS for t in words):
        return True
    if any(t.text[:1].isupper() and t.lower_ not in _OPENERS for t in words):
        return True
    head = words[-1].lower_
    return (
        head in ROLE_NOUNS
        or head in DOCUMENT_NOUNS
        or head in _BODIES
        or head.endswith(_PEOPLE_ENDINGS)
    )


def that_clause_verb(doc: Doc, i: int, end: int) -> bool:
    """Is token ``i`` a finite verb followed by "that" and a clause?"""
    if i + 2 >= end or doc[i + 1].lower_ != "that":
        return False
    word = doc[i].text
    if not (word.isalpha() and word.islower()) or word in _NOT_REPORTING:
        return False
    if word in SPEAKER_SKIP or is_manner_adverb(word) or _result_clause(doc, i):
        return False
    if any(t.lower_ in _NEGATIONS for t in doc[max(0, i - 3) : i]):
        return False  # "did not know that …": the subject does not put the clause forward
    if not (
        word.endswith("ed")
        or (_plural(word) and word not in ROLE_NOUNS and i > 0 and _singular_subject(doc, i - 1))
        or _after_auxiliary(doc, i)
        or (word.endswith("ing") and _after_copula(doc, i))
        or (i > 0 and _plural_subject(doc, i - 1))
    ):
        return False
    opener = doc[i + 2]
    return (
        opener.lower_ in _CLAUSE_OPENERS
        or opener.text in _OPENING_MARKS
        or opener.like_num
        # A name opens a clause after a past form ("conceded that Roe won"); after another
        # form "that" is as often a demonstrative ("would use that Harlow base").
        or (opener.text[:1].isupper() and opener.is_alpha and word.endswith("ed"))
        or _bare_plural_clause(doc, i + 2, end)
    )


def _bare_plural_clause(doc: Doc, k: int, end: int) -> bool:
    """A clause opened by a bare plural and its verb: "records state that deputies found …",
    "the panel determined that officers were …" (not "that deputies' cars …")."""
    word = doc[k].text
    if not (word.islower() and _plural(word)) or k + 1 >= end:
        return False
    verb = doc[k + 1].lower_
    return (
        verb in _FINITE
        or verb in _BASE_AFTER
        or verb in _IRREGULAR_PASTS
        or (verb.isalpha() and verb.endswith("ed"))
    )


# Common irregular past forms that follow a clause's bare plural subject.
_IRREGULAR_PASTS = frozenset(
    {"found", "paid", "took", "made", "kept", "sold", "gave", "left", "lost", "spent", "told",
     "knew", "saw", "got", "ran", "hid", "shot", "fled", "stole", "held", "sent", "brought",
     "bought", "met", "began", "became", "won", "fell", "rose", "went", "came", "did"}
)  # fmt: skip
