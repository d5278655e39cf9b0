"""A source the article describes rather than names, whose description holds a name as a
modifier: "the New York businessman", "the Florida Republican", "the Senate minority leader",
"at least four Democratic U.S. senators", "a former Republican committee staffer".

The place, party or institution in such a description says *where from* or *which side*, not
*who*: the claimant is the described person (the article's earlier referent with that title
when the discourse knows one), else the description itself as an unnamed source — never
"New York", "Republican" or the Senate.
"""

from __future__ import annotations

import re

from workers.enrichment import EntityMention

from .candidates import EntityRef
from .lexicon import QUANTIFIERS
from .sources import UNNAMED

_OPENERS = frozenset({"the", "a", "an", "this", "that"}) | QUANTIFIERS | {"at"}
# Words that end the description's head and open what follows it.
_POST = frozenset(
    {"of", "for", "in", "on", "at", "from", "with", "by", "including", "who", "whom", "which",
     "that", "whose", "and", "or", "said", "says"}
)  # fmt: skip
# Party words that are the head of a description ("one Republican involved in …").
_PARTY_HEADS = frozenset({"republican", "republicans", "democrat", "democrats"})
_TOKEN_RE = re.compile(r"[^\s,;:()]+")


def modified_description(
    phrase: str, mentions: list[EntityMention], phrase_start: int
) -> tuple[EntityRef, str] | None:
    """(the description as an unnamed source, its head noun) when ``phrase`` is a determiner,
    names used as modifiers and a common-noun head ("the New York businessman"), else None."""
    text = phrase.split(",")[0].strip()
    tokens = [(m.group(), m.start()) for m in _TOKEN_RE.finditer(text)]
    if len(tokens) < 2 or tokens[0][0].lower() not in _OPENERS:
        return None
    if tokens[0][0].lower() == "at" and tokens[1][0].lower() != "least":
        return None
    offset = phrase_start + (len(phrase) - len(phrase.lstrip()))
    # The head: the last word before a post-modifier (a preposition, a relative, a participle).
    cut = len(tokens)
    for k in range(2, len(tokens)):
        word = tokens[k][0]
        if word.lower() in _POST or (word.islower() and word.endswith(("ed", "ing"))):
            cut = k
            break
    head, head_at = tokens[cut - 1]
    head_lower = head.lower().strip("'’\".")
    if not (head.isalpha() and (head.islower() or head_lower in _PARTY_HEADS)):
        return None
    head_start = offset + head_at
    modifiers = [m for m in mentions if m.end <= head_start]
    named_after = [m for m in mentions if m.start >= head_start]
    if not modifiers or any(m.kind == "person" and m.text.lower() not in _PARTY_HEADS
                            for m in modifiers + named_after):
        return None  # no name as modifier; or a person named in it ("the U.S. envoy Jo Roe")
    if any(m.start <= head_start < m.end for m in mentions):
        return None  # the head is part of a name ("the Acme company" tokenised as one)
    words = [t for t, _ in tokens]
    if words[0].lower() in {"the", "a", "an", "this", "that"}:
        words = words[1:]
    if len(words) > 10:
        return None
    return EntityRef(" ".join(words), UNNAMED), head_lower
