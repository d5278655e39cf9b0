"""A sentence's subject that refers back: whom a following "he", "she" or "it" means.

A reader takes a pronoun for the subject of the sentence before it. When that subject is not
a name but a description of someone the article named ("Sen. Pat Quist … The Ohio senator
dismissed the story. He said …", "Acme Corp. … The company denied it. It said …") or an
organisation named through its owner ("Roe's campaign backtracked. It said …"), the referent
it describes becomes the most recent subject, as if the name had opened the sentence.

Only a description that resolves to a referent the article already gave (or to an owned
organisation) counts: an unknown "the journalist" or "the report" adds nothing. Pure: no
Django.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .candidates import EntityRef
from .descriptions import wanted_titles
from .pronouns import Referent, people
from .sources import ORG_HEAD_NOUNS, UNNAMED, owned_source

# "Roe's campaign", "the Roe campaign's lawyers" are handled by owned_source; this finds
# a sentence that opens with one before its verb ("Roe's campaign quickly backtracked …").
_HEADS = "|".join(sorted((h for h in ORG_HEAD_NOUNS if " " not in h), key=len, reverse=True))
_OWNED_OPENING_RE = re.compile(
    r"^(?:(?:But|And|Still|Meanwhile|Now|Later),?\s+)?"
    rf"(?P<phrase>(?:[A-Z][\w.-]*\s+){{0,2}}[A-Z][\w.-]*['’]s?\s+(?:[a-z]+\s+)?(?:{_HEADS}))\s+"
    r"(?:[a-z]+ly\s+)?(?:has|had|is|was|said|says|[a-z]+ed)\b"
)


# "Democratic leaders are wary …", "But Chinese officials say …": capitalised modifiers and a
# plural noun for people, then the verb.
_GROUP_OPENING_RE = re.compile(
    r"^(?:(?:But|And|Still|Meanwhile|Now|Yet),?\s+)?"
    r"(?P<phrase>(?:[A-Z][a-z][\w-]*\s+){1,2}(?P<noun>[a-z]+s))\s+(?:[a-z]+ly\s+)?[a-z]+\b"
)


def described_subject(
    description: str,
    referents: list[Referent],
    resolve: Callable[[str, list], EntityRef | None],
) -> Referent | None:
    """The referent a definite description opening a sentence refers back to ("the Ohio
    senator" -> Sen. Pat Quist, named before), as a salient subject; else None."""
    words = description.split()
    if len(words) < 2 or words[0].lower() not in {"the", "this", "that"}:
        return None
    # "The Ohio senator" when the article named only "Sen. Pat Quist": the title alone.
    for phrase in (description, f"the {words[-1]}" if wanted_titles(description) else ""):
        ref = resolve(phrase, []) if phrase else None
        if ref is None or ref.kind not in {"person", "organization"}:
            continue
        known = next((r for r in reversed(referents[-40:]) if r.ref.name == ref.name), None)
        if known is not None:
            return Referent(known.ref, known.gender, known.heads, known.news, salient=True)
    return None


def owned_subject(sentence: str) -> Referent | None:
    """ "Roe's campaign backtracked …": the organisation a sentence opens with, named through
    its owner, as a salient subject a following "it" means; None for a person described
    through someone ("Roe's lawyer") or any other opening."""
    match = _OWNED_OPENING_RE.match(sentence)
    if match is None:
        return None
    ref = owned_source(match.group("phrase"))
    if ref is None or ref.kind != "organization":
        return None
    return Referent(ref, None, (), False, salient=True)


def group_subject(sentence: str) -> Referent | None:
    """ "Democratic leaders are wary of the plan, but they …": the group a sentence opens with,
    named by capitalised modifiers and a plural noun for people, is whom "they" means; not a
    plural of things ("Chinese imports rose")."""
    match = _GROUP_OPENING_RE.match(sentence)
    if match is None or not people(match.group("noun")):
        return None
    return Referent(EntityRef(match.group("phrase"), UNNAMED), None, (), False, salient=True)


def opening_group(sentence: str) -> Referent | None:
    """The organisation or group a sentence opens with, if it opens with one."""
    return owned_subject(sentence) or group_subject(sentence)
