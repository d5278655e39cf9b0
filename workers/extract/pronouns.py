"""Pronoun resolution: which referent the article so far means by "he", "she", "it", "they".

A referent is a name the article has given (``Referent``), with the gender known for it (the
gazetteer's, a given name's, an honorific's) and whether it is *salient*: a speaker, the name a
sentence opens with. ``Discourse`` (discourse.py) keeps the referents; this module picks one.

"He"/"she" resolve to the most recent referent of the gender that is *salient* (a speaker, the
name a sentence opens with, a sentence opening with a surname named before, or a name that opens
a clause after a break: "At the briefing, Roe …", "…, but Roe …"), else the most recent that fits;
a name in an apposition or a list is not salient, and a lone capitalised word the article never
gave in full ("Democratic") is no candidate unless it is salient. "It" resolves to an
organisation, "they" to an organisation, group, unnamed source or a plural description a
sentence opened with ("Six newspapers endorsed …"); an organisation that spoke ("Acme said …
It added …") is a subject like a person who spoke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from workers.nlp.first_names import first_name_gender

from .candidates import EntityRef
from .lexicon import ROLE_NOUNS
from .sources import ORG_HEAD_NOUNS


@dataclass
class Referent:
    ref: EntityRef
    gender: str | None
    heads: tuple[str, ...]
    news: bool
    salient: bool = False  # a speaker, or the name a sentence opens with
    plural: bool = False  # persons named together ("Roe and Doe"): a "they", never a "he"


_JOINED_RE = re.compile(r",?\s+and\s+")


def joint_persons(
    first: Referent, between: str, second: Referent, salient: bool
) -> Referent | None:
    """ "Jo Roe and Al Doe toured the plant. … they said": two persons named together are
    whom a later "they" means, credited as "Jo Roe and Al Doe said" is (to the first); the
    pair is ``salient`` when it opens its clause (each name alone is not: a list goes on)."""
    if first.ref.kind != "person" or second.ref.kind != "person":
        return None
    if first.ref.name == second.ref.name or not _JOINED_RE.fullmatch(between):
        return None
    return Referent(first.ref, None, (), False, salient=salient, plural=True)


# Words that end a description's head and open what follows it ("newspapers in Ohio").
# Not "of" ("a panel of reporters"), nor after a number ("4 in 10 voters").
_POST_HEAD = frozenset({"in", "at", "from", "for", "with", "including", "who", "that"})


def many(description: str) -> bool:
    """ "Officials", "the campaign", "Four newspapers in Ohio": a description "they" can
    mean; not "a recent study", "one person", "the candidate", "a lawyer in Ohio"."""
    words = description.lower().replace(",", " ").split()
    head = next(
        (k for k, w in enumerate(words) if k and w in _POST_HEAD and words[k - 1].isalpha()),
        len(words),
    )
    last = (words[:head] or [""])[-1]
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return plural or last in {"people", "police", "staff"} or last in ORG_HEAD_NOUNS


def people(word: str) -> bool:
    """A plural noun for people or organisations ("investors", "economists", "companies"),
    not things ("wages", "prices")."""
    single = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return word.endswith("s") and (
        word in ROLE_NOUNS or word.endswith(_AGENT_ENDINGS) or single in ORG_HEAD_NOUNS
    )


_AGENT_ENDINGS = ("ers", "ors", "ists", "ians")


def plural_opener(word: str, next_word: str, surnames: dict) -> bool:
    """ "Investors fled …", "But retailers expect …": a plural noun alone opening a sentence,
    before a lower-case word, names the group a following "they" means; not a surname the
    article gave ("Roberts said"), a given name or a function word ("Others")."""
    return (
        word.isalpha()
        and word[1:].islower()
        and next_word.isalpha()
        and next_word.islower()
        and people(word.lower())
        and word.lower() not in STOP_WORDS
        and word not in surnames
        and not any(first_name_gender(w) for w in (word, word[:-1]))  # "Roberts"
    )


def given_name_gender(ref: EntityRef) -> str | None:
    """The gender an unknown person's given name marks; a lone word may be a surname."""
    if ref.kind != "person" or len(ref.name.split()) < 2:
        return None
    return first_name_gender(ref.name)


def referent_gender(referent: Referent, learned: dict[str, str]) -> str | None:
    """The referent's gender, else the one the article gave its name ("Roe said she …")."""
    return referent.gender or learned.get(referent.ref.name)


def resolve_pronoun(
    referents: list[Referent], learned: dict[str, str], pronoun: str
) -> EntityRef | None:
    """The referent ``pronoun`` means; a "she" that settles a name's gender is recorded in
    ``learned`` (a later "he" is then someone else)."""
    if pronoun in {"i", "we", "you"}:
        return None
    wanted = None
    if pronoun in {"he", "she"}:
        wanted = "female" if pronoun == "she" else "male"
        # A lone capitalised word the article never gave in full is more often an
        # adjective or a plural ("Democratic", "Republicans") than a person, unless it
        # is the subject of its sentence.
        fits = [
            r for r in reversed(referents[-40:])
            if r.ref.kind == "person" and not r.plural
            and referent_gender(r, learned) in (wanted, None)
            and (r.salient or " " in r.ref.name)
        ]  # fmt: skip
    else:  # "it", "they"
        kinds = {"organization", "group", "unnamed"} if pronoun == "they" else {"organization"}
        fits = [
            r for r in reversed(referents[-40:])
            if (r.ref.kind in kinds or (r.plural and pronoun == "they"))
            and (r.ref.kind != "unnamed" or many(r.ref.name))
            and not r.ref.name.endswith(("Democratic", "Republican"))  # adjectives
        ]  # fmt: skip
    # The last subject or speaker that fits; else the last name that fits at all.
    best = next((r for r in fits[:6] if r.salient), fits[0] if fits else None)
    if best is not None and wanted and referent_gender(best, learned) is None:
        # The article's "she" now tells this name's gender: a later "he" is someone else.
        learned[best.ref.name] = wanted
    return best.ref if best else None
