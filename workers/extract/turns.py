"""Speaker turns: a transcript's or an interview's paragraph opened by its speaker's name in
capitals and a colon ("ANNE ROE, STATE WATER COMMISSIONER: We are asking …", "ROE: Not on
their own. If we get another dry winter, …"). Every sentence of the turn is that speaker's own
words, as a quotation is, until the next paragraph; the label is no part of the claim.

A label is a person's when it names one: a given name opens it ("ANNE ROE"), a title follows
it after a comma ("ROE, HYDROLOGIST"), or its one word is the surname of someone the article
named before ("ROE" after "Samuel Roe"). "Q:", "BREAKING:" and a dateline's city in capitals
("NEW DELHI: …") are not. Pure: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from workers.nlp import lookup_alias
from workers.nlp.first_names import first_name_gender

from .candidates import EntityRef
from .pronouns import Referent

_LABEL_RE = re.compile(
    r"(?P<name>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3})"
    r"(?P<title>,\s*[A-Z0-9][A-Z0-9 ,.'’&()\-]{1,80})?:[ \t]+(?=\S)"
)
# Labels that open a line without naming its speaker.
NOT_SPEAKERS = frozenset(
    {"Q", "A", "QUESTION", "ANSWER", "INTERVIEWER", "BREAKING", "UPDATE", "UPDATED", "NOTE",
     "EDITOR", "WATCH", "CORRECTION", "READ", "VIDEO", "PHOTOS", "LIVE", "EXCLUSIVE",
     "WARNING", "ALERT", "DEVELOPING", "RELATED", "MORE", "UNIDENTIFIED", "ANNOUNCER", "CROWD"}
)  # fmt: skip


@dataclass(frozen=True)
class Label:
    name: str  # title-cased: "Anne Roe", "Roe"
    titled: bool  # ", HYDROLOGIST" after the name
    words_start: int  # offset in the line where the speaker's words begin


def speaker_label(line: str) -> Label | None:
    """The speaker label ``line`` opens with, if it has one."""
    match = _LABEL_RE.match(line)
    if match is None:
        return None
    words = match.group("name").split()
    if words[0].rstrip(".") in NOT_SPEAKERS or any(len(w.strip(".")) < 2 for w in words):
        return None
    name = " ".join(w.capitalize() if "-" not in w else w.title() for w in words)
    return Label(name, match.group("title") is not None, match.end())


def label_speaker(label: Label, by_surname: Mapping[str, Referent]) -> EntityRef | None:
    """The person a label names (``by_surname``: the persons the article named so far, by
    surname), or None when it names no one we can tell is a person."""
    entry = lookup_alias(label.name)
    if entry is not None:
        return (
            EntityRef(entry.canonical, "person", entry.aliases) if entry.kind == "person" else None
        )
    words = label.name.split()
    if len(words) == 1 and words[0] in by_surname:
        return by_surname[words[0]].ref  # "ROE:" after "Samuel Roe"
    if len(words) == 1 and not label.titled:
        return None  # "KOCHI: …" (a dateline), "RESULTS: …"
    if len(words) > 1 and not first_name_gender(words[0]) and not label.titled:
        return None  # "NEW DELHI: …"
    return EntityRef(label.name, "person")


@dataclass(frozen=True)
class Turn:
    """A paragraph's speaker and where, in the body, their words begin."""

    ref: EntityRef
    words_start: int


def paragraph_turn(body: str, start: int, by_surname: Mapping[str, Referent]) -> Turn | None:
    """The speaker turn a paragraph beginning at ``start`` of ``body`` opens, if any."""
    end = body.find("\n", start)
    label = speaker_label(body[start : end if end >= 0 else len(body)])
    if label is None:
        return None
    ref = label_speaker(label, by_surname)
    return Turn(ref, start + label.words_start) if ref is not None else None
