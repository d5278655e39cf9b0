"""Clauses: a sentence carrying two independent claims is split in two; so is one closing on a
bracketed aside with a source of its own ("Roe cites the drought (rain fell by 40 percent,
according to the weather service).": the aside is the weather service's, the rest Roe's)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from workers.enrichment import NOT_NAME_WORDS, EntityMention

from .features import IRREGULAR_PAST, NOT_PAST
from .lexicon import SPEECH_VERBS

_CLAUSE_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas", "yet"})
_SUBJECT_STARTERS = frozenset(
    {"he", "she", "it", "they", "we", "i", "the", "a", "an", "its", "his", "her",
     "their", "this", "that", "these", "those", "our", "there"}
)  # fmt: skip
# Words that cannot open an independent clause's subject ("…, and then left").
_NOT_SUBJECTS = frozenset(
    {"then", "also", "not", "so", "to", "in", "on", "at", "by", "for", "with", "from",
     "of", "as", "into", "over", "under", "after", "before", "during", "including",
     "especially", "even", "still", "yet", "more", "less", "other", "others", "all",
     "both", "each", "now", "later", "soon", "again", "instead", "thus", "therefore"}
)  # fmt: skip
_FINITE_AUX = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
     "did", "does", "do", "may", "must", "should"}
)  # fmt: skip


# A title before a name opening the clause: "Ms.", "Dr.", "Sen.", "Gov.".
_TITLE_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,3}\.")


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    for tok in doc[start:end]:
        low = tok.lower_
        if low in _FINITE_AUX or low in SPEECH_VERBS or low in IRREGULAR_PAST:
            return True
        if len(low) > 3 and low.endswith("ed") and low not in NOT_PAST:
            return True
    return False


def split_clauses(doc: Doc, start: int, end: int, inside: dict) -> list[tuple[int, int]]:
    """Split a sentence's tokens into independent clauses (see module docstring)."""
    cuts: list[tuple[int, int]] = []  # (left_end, right_start) token indices
    for i in range(start + 1, end - 1):
        if i in inside:
            continue
        text = doc[i].text
        if text == ";":
            right = i + 1
        elif text == "," and doc[i + 1].lower_ in _CLAUSE_CONJUNCTIONS:
            right = i + 2
        else:
            continue
        while right < end and doc[right].is_space:
            right += 1
        if right >= end:
            continue
        first = doc[right]
        subject_like = (
            first.lower_ in _SUBJECT_STARTERS
            or (first.text[:1].isupper() and first.is_alpha)
            or _TITLE_ABBREVIATION.fullmatch(first.text) is not None  # "…, and Ms. Roe said"
            or (
                # a bare noun subject: "…, but imports rose …"
                first.is_alpha
                and first.lower_ not in _NOT_SUBJECTS
                and not first.lower_.endswith("ly")
                and not _has_finite_verb(doc, right, right + 1)
            )
        )
        left_start = cuts[-1][1] if cuts else start
        words_left = [t for t in doc[left_start:i] if t.is_alpha]
        words_right = [t for t in doc[right:end] if t.is_alpha]
        if (
            subject_like
            and len(words_left) >= 3
            and len(words_right) >= 3
            and _has_finite_verb(doc, left_start, i)
            and _has_finite_verb(doc, right + 1, min(right + 7, end))
        ):
            cuts.append((i, right))
    aside = closing_source_aside(doc, cuts[-1][1] if cuts else start, end, inside)
    if aside is not None:
        cuts.append((aside, aside))
    if not cuts:
        return [(start, end)]
    ranges: list[tuple[int, int]] = []
    prev = start
    for left_end, right_start in cuts:
        ranges.append((prev, left_end))
        prev = right_start
    ranges.append((prev, end))
    return ranges


def names_own_subject(doc: Doc, start: int, mentions: list[EntityMention]) -> bool:
    """Does the clause open with an actor of its own ("…; Sheinbaum rejected the offer",
    "…, and she left")?  Such a clause narrates; it does not continue the reported
    speech of an earlier clause ("X said A, and revenue doubled" does)."""
    first = doc[start]
    if first.lower_ in {"he", "she", "they", "i", "we"}:
        return True
    if first.idx > 0 and any(m.start == first.idx for m in mentions):
        return True
    return (
        first.text[:1].isupper()
        and first.text not in NOT_NAME_WORDS
        and start > 0
        and (not doc[start - 1].is_space)
    )


def closing_source_aside(doc: Doc, start: int, end: int, inside: dict) -> int | None:
    """The "(" of a bracketed aside that closes the sentence and credits its own source
    ("…, according to the weather service)."), a clause of its own before it; else None. A
    bracket that names a source only ("(Reuters)") or holds no clause ("(D-Md.)") is not."""
    close = end - 1
    while close > start and doc[close].is_punct and doc[close].text != ")":
        close -= 1
    if doc[close].text != ")" or close in inside:
        return None
    opening = next((k for k in range(close - 1, start, -1) if doc[k].text in "()"), None)
    if opening is None or doc[opening].text != "(" or opening in inside:
        return None
    aside = [t.lower_ for t in doc[opening + 1 : close]]
    if "according" not in aside or aside.index("according") < 3:
        return None
    before = [t for t in doc[start:opening] if t.is_alpha]
    if len(before) < 4 or not _has_finite_verb(doc, start, opening):
        return None
    return opening
