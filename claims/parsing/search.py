"""What an editor types in a search box, as terms: words (in any order), "quoted phrases",
prefixes (`immig*`), and exclusions (`-word`, `-"a phrase"`).

Pure (no Django): `claims.selectors.search` turns the terms into PostgreSQL full-text search, or
into substring matches on SQLite. A search is bounded: at most `MAX_TERMS` terms and
`MAX_LENGTH` characters, so that one request cannot ask for a hundred index lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TERMS = 12
MAX_LENGTH = 200

# A quoted phrase (closing quote optional: a half-typed phrase still searches) or a bare word.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# What a prefix term may hold: letters and digits only (it goes into a tsquery as `word:*`).
_WORD = re.compile(r"\w+")


class SearchQueryError(ValueError):
    """The search asks for too much; the message says what the bound is."""


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False  # quoted: these words next to each other, in this order
    prefix: bool = False  # `word*`: any word starting with it
    negated: bool = False  # `-word`: claims without it


def parse_search(value: str, *, strict: bool = True) -> list[Term]:
    """The terms of `value`. Too long or too many terms: `SearchQueryError` when `strict`, else
    the first `MAX_LENGTH` characters and `MAX_TERMS` terms are kept."""
    value = value.strip()
    if len(value) > MAX_LENGTH:
        if strict:
            raise SearchQueryError(f"A search is at most {MAX_LENGTH} characters.")
        value = value[:MAX_LENGTH]
    terms: list[Term] = []
    for match in _TOKEN.finditer(value):
        negated_phrase, phrase, word = match.groups()
        if word is None:
            text = " ".join(phrase.split())
            if text:
                terms.append(Term(text, phrase=True, negated=bool(negated_phrase)))
            continue
        negated = word.startswith("-") and len(word) > 1
        word = word[1:] if negated else word
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if prefix and not _WORD.fullmatch(word):
            prefix = False  # `U.S.*`: the parser would split it; searched as typed instead
        if word.strip("-"):
            terms.append(Term(word, prefix=prefix, negated=negated))
    if len(terms) > MAX_TERMS:
        if strict:
            raise SearchQueryError(
                f"A search has at most {MAX_TERMS} words or quoted phrases; this one has "
                f"{len(terms)}."
            )
        terms = terms[:MAX_TERMS]
    return terms
