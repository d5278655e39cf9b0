"""Sources a speaker phrase describes rather than names: unnamed people and documents.

News attributes much of what it reports to sources it does not name ("officials said", "a
source familiar with the talks said", "two senators present said") and to documents and
measurements ("the poll found", "a report by the budget office found", "new polls show").
``describe_source`` reads a speaker phrase and says which of these it is:

- an **unnamed source**: the phrase is headed by a people noun (officials, sources, aides,
  analysts, …) and names no person after it ("White House spokesman Josh Earnest" names one).
  It is recorded as ``EntityRef(<the phrase>, "unnamed")`` — never as a person named near it,
  nor inside it ("a Trump aide" is an aide, not Trump), nor as the outlet. An organisation's
  spokesperson speaks for it ("a Pentagon spokesperson": the Pentagon), and so does its
  published work ("researchers at Rice Valley University"); but an official, aide or source
  speaking without a name is not the organisation's statement: "a State Department official",
  "Pentagon officials", "one former GOP leadership aide" stay unnamed sources, their
  description naming the organisation;
- a **document by someone** ("a report by the Congressional Budget Office"): the author, a
  mention after "by"/"from"/"of";
- a **named document** ("a new Associated Press-GfK poll"): the phrase itself, as an
  organisation's publication;
- an **unnamed document** ("the poll", "new fundraising reports"): an unnamed source.

``None`` leaves the phrase to the ordinary resolution (names, roles, pronouns). ``news_title``
and ``institution_title`` read a newspaper ("the Times newspaper") or an institution named in full
("the Department of Homeland Security") that the name finder splits.
Pure: no Django.
"""

from __future__ import annotations

import re

from workers.enrich.entities import EntityMention
from workers.nlp import lookup_alias
from workers.nlp.world import nationality_words

from .candidates import EntityRef
from .document_parties import LEADING as _LEADING
from .document_parties import addressed, published_in
from .lexicon import DOCUMENT_NOUNS, RECORDING_NOUNS, SHARE_RE, SIDE_NOUNS, WORK_NOUNS
from .salience import PERSON_ROLES

UNNAMED = "unnamed"
# A recording speaks as a document does ("photos from the vigil show", "audio given to the
# Ledger"): its maker, when named after "by"/"from", else the recording itself.
_DOCUMENT_HEADS = DOCUMENT_NOUNS | RECORDING_NOUNS | {"audio", "tape", "tapes", "transcript"}
# People nouns that describe a source without naming it.
UNNAMED_NOUNS = SIDE_NOUNS | WORK_NOUNS | frozenset(
    {
        "official", "officials", "source", "sources", "aide", "aides", "adviser", "advisers",
        "advisor", "advisors", "people", "person", "analysts", "analyst", "experts",
        "expert", "critics", "lawmakers", "diplomats", "diplomat", "insiders", "insider",
        "observers", "strategists", "strategist", "economists", "economist", "scientists",
        "researchers", "residents", "witnesses", "voters", "supporters", "opponents",
        "members", "delegates", "officers", "investigators", "prosecutors", "lawyers",
        "attorneys", "activists", "staff", "staffers", "allies", "donors", "pollsters",
        "doctors", "employees", "workers", "executives", "operatives", "organizers",
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative",
        "representatives", "someone", "others", "forecasters", "respondents", "consultants",
        "historians", "leaders", "lawmaker", "pollster", "legislator", "legislators",
    }
)  # fmt: skip
# A party's members speak for themselves, not for the chamber they sit in ("Republicans in
# the Senate", "Senate Democrats"), and keep the party's capital.
PARTY_MEMBERS = frozenset({"republicans", "democrats", "independents"})
UNNAMED_NOUNS = UNNAMED_NOUNS | PARTY_MEMBERS
# Head nouns of unnamed organisations that still make a useful claimant.
ORG_HEAD_NOUNS = frozenset(
    {
        "bank", "ministry", "department", "agency", "government", "company", "firm",
        "council", "court", "police", "army", "military", "commission", "committee",
        "office", "administration", "newspaper", "outlet", "broadcaster", "network",
        "union", "party", "university", "institute", "hospital", "regulator", "board",
        "authority", "embassy", "parliament", "congress", "senate", "tribunal",
        "campaign", "secretariat", "prosecutor's office",
    }
)  # fmt: skip
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople"})
_AUTHOR_LINKS = frozenset({"by", "from", "of", "at"})
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that", "said", "says"})
# Determiners a document's description drops ("a new poll" stays "new poll": the article's
# words, so a later "the poll" is told apart from "a new national poll").
_DOCUMENT_ADJECTIVES = frozenset({"a", "an", "the", "this", "its"})
_TIME_ADJECTIVES = frozenset({"new", "recent", "latest", "early", "final", "preliminary"})
# Staff who speak for themselves, off the record, whatever organisation they belong to; and
# members and leaders, who speak for themselves, not for the body they sit in ("Republican
# members of Congress", "several GOP leaders").
_STAFF = frozenset(
    {"official", "officials", "aide", "aides", "adviser", "advisers", "advisor", "advisors",
     "source", "sources", "insider", "insiders", "staffer", "staffers", "operatives",
     "operative", "strategist", "strategists", "members", "leaders"}
) | PARTY_MEMBERS  # fmt: skip


def _words(phrase: str) -> list[str]:
    return re.findall(r"[\w'’.&/%-]+", phrase)  # "31%" keeps its sign


def _clean(words: list[str], drop: frozenset[str]) -> str:
    while words and words[0].lower() in drop:
        words = words[1:]
    first = words[0].lower() if words else ""
    adjective = first in _TIME_ADJECTIVES and len(words) > 1 and words[1].islower()
    if (
        (first in UNNAMED_NOUNS and first not in PARTY_MEMBERS)
        or first in _DOCUMENT_HEADS
        or adjective
    ):
        words = [first, *words[1:]]  # "Officials say", "New polls show": common words
    return " ".join(words)


def describe_source(
    phrase: str, mentions: list[EntityMention], phrase_start: int
) -> EntityRef | EntityMention | None:
    """What the speaker phrase describes (see the module docstring): an ``EntityRef`` to
    record as it is, a mention to resolve, or None (the phrase names its source)."""
    phrase = phrase.split(",")[0].strip()
    words = _words(phrase)
    lowered = [w.lower() for w in words]
    polled = _in_poll(phrase, mentions, phrase_start)
    if polled is not None:
        return polled  # "Some 20 percent of people in a recent Acme poll": the poll
    if SHARE_RE.match(phrase) and not any(m.kind == "person" for m in mentions):
        # A share of those surveyed ("Twenty-four percent", "About four in 10").
        return EntityRef(_clean(_description(words, lowered), _LEADING), UNNAMED)
    # "Study author Lena Park", "Poll director Lee Marr": the person, not the document
    role_after = [
        k + 1 < len(lowered) and lowered[k + 1] in PERSON_ROLES for k in range(len(words))
    ]
    heads = [
        k for k, w in enumerate(lowered)
        if w in UNNAMED_NOUNS or (w in _DOCUMENT_HEADS and not role_after[k])
    ]  # fmt: skip
    # A capitalised noun inside a name ("a Pew Research poll") is the name's, not the head.
    head = next((k for k in heads if k == 0 or not words[k][:1].isupper()), None)
    head = heads[0] if head is None and heads else head
    if head is None:
        return None
    head_start = phrase_start + _char_of(phrase, words, head)
    after = [m for m in mentions if m.start >= head_start]
    before = [m for m in mentions if m.start < head_start]
    if lowered[head] in _DOCUMENT_HEADS:
        # "a letter to Acme from the chairman": whom a document is sent to never wrote it.
        after = [
            m for m in after
            if not (addressed(phrase, m, phrase_start) or published_in(phrase, m, phrase_start))
        ]  # fmt: skip
        link = next((k for k in range(head + 1, len(words)) if lowered[k] in _AUTHOR_LINKS), None)
        if (
            link is not None
            and lowered[link] in {"by", "from"}
            and lowered[link + 1 : link + 2] in (["the"], ["a"], ["an"])
            and set(lowered[link + 2 : link + 4]) & PERSON_ROLES
        ):
            # "a letter from the chairman of the committee": the person it describes wrote it.
            kept = _description(words[link + 1 :], lowered[link + 1 :], 1)
            return EntityRef(_clean(kept, _LEADING), UNNAMED)
        if link is not None and after:
            # "polls conducted for the network by Acme Research": the author, not the client.
            by = next((k for k in range(link, len(words)) if lowered[k] == "by"), None)
            if by is not None and set(lowered[max(by - 2, 0) : by]) & _SEEN:
                # "records obtained by the Ledger": the paper that saw a document did not write it.
                seen = _description(words, lowered)
                return EntityRef(_clean(seen, _DOCUMENT_ADJECTIVES), UNNAMED)
            by_start = phrase_start + _char_of(phrase, words, by) if by is not None else None
            authors = [m for m in after if by_start is not None and m.start > by_start]
            return authors[0] if authors else after[0]  # "a report by the budget office"
        if before:
            return EntityRef(_clean(words[: head + 1], _DOCUMENT_ADJECTIVES), "organization")
        return EntityRef(_clean(_description(words, lowered), _DOCUMENT_ADJECTIVES), UNNAMED)
    if any(m.kind == "person" for m in after):
        return None  # "White House spokesman Josh Earnest": a named person
    if lowered[head] in _SPOKES and after:
        return None  # "a spokesperson for the council": the council speaks
    speaks_for = [m for m in before if m.kind in {"organization", "place"}]
    if lowered[head] in _SPOKES and speaks_for:
        return speaks_for[-1]  # "a Pentagon spokesperson"
    if lowered[head] in _STAFF:
        # "a State Department official": an unnamed official, not the department's statement.
        return EntityRef(_clean(_description(words, lowered, head), _LEADING), UNNAMED)
    # "a source speaking to Fox News": the organisation addressed does not speak.
    institutions = [
        m for m in mentions if m.kind == "organization" and not addressed(phrase, m, phrase_start)
    ]
    if institutions and not any(m.kind == "person" for m in before):
        # "researchers at Rice Valley University", "Pentagon officials": the institution
        # speaks through staff it does not name.
        return institutions[-1] if after else institutions[0]
    return EntityRef(_clean(_description(words, lowered, head), _LEADING), UNNAMED)


# Verbs by which a document reached the one named after "by", who neither wrote nor issued it.
_SEEN = frozenset(
    {"obtained", "reviewed", "seen", "viewed", "examined", "reported", "cited", "quoted",
     "acquired", "described"}
)  # fmt: skip


_IN_POLL_RE = re.compile(r"^(?P<share>.+?)\s+(?:in|from)\s+(?P<poll>(?:a|an|the|this|their)\s+.+)$")


def _in_poll(
    phrase: str, mentions: list[EntityMention], phrase_start: int
) -> EntityRef | EntityMention | None:
    """A share of the people a named document asked: the document speaks."""
    match = _IN_POLL_RE.match(phrase)
    if match is None or not SHARE_RE.match(match.group("share")):
        return None
    poll = match.group("poll")
    if not set(w.lower() for w in _words(poll)) & DOCUMENT_NOUNS:
        return None
    return describe_source(poll, mentions, phrase_start + match.start("poll"))


_FRAMING_POLL_RE = re.compile(
    r"^\s*(?:In|From)\s+(?P<poll>(?:a|an|the|this|their)\s+[^,;:]+?)\s*,\s*$"
)


def framing_document(
    phrase: str, lead: str, lead_start: int, mentions: list[EntityMention]
) -> EntityRef | EntityMention | None:
    """ "In a September Acme News poll, 75 percent of Republicans said …": a share of those
    asked speaks through the document the sentence opens with (``lead``: the sentence up to
    the speaker phrase)."""
    if not SHARE_RE.match(phrase.strip()):
        return None
    match = _FRAMING_POLL_RE.match(lead)
    if match is None or not {w.lower() for w in _words(match.group("poll"))} & DOCUMENT_NOUNS:
        return None
    start = lead_start + match.start("poll")
    inside = [m for m in mentions if start <= m.start and m.end <= start + len(match["poll"])]
    return describe_source(match.group("poll"), inside, start)


_DANGLING = frozenset(
    {"the", "a", "an", "of", "with", "in", "for", "to", "on", "at", "and", "each", "every", "all"}
)


def _description(words: list[str], lowered: list[str], head: int = 0) -> list[str]:
    """The phrase up to a relative clause, at most eight words besides an article, and never
    without its head noun (index ``head``; at most twelve words): "source familiar with the
    talks", "survey by the organization in March", "a group of more than 40 foreign policy
    experts"."""
    cut = next((k for k, w in enumerate(lowered) if w in _RELATIVE), len(words))
    limit = 9 if lowered[:1] and lowered[0] in {"a", "an", "the"} else 8  # the article is free
    limit = max(limit, head + 1) if head < 12 else limit
    stop = min(cut, limit)
    while (
        0 < stop < min(cut, limit + 3)
        and words[stop - 1][:1].isupper()
        and words[stop][:1].isupper()
    ):
        stop += 1  # never cut inside a name: "… at the Treasury Department"
    kept = words[:stop]
    while len(kept) > 1 and kept[-1].lower() in _DANGLING:
        kept.pop()  # "… familiar with the": never end on a word that needs one after it
    return kept


def _char_of(phrase: str, words: list[str], index: int) -> int:
    at = 0
    for k, word in enumerate(words):
        at = phrase.index(word, at)
        if k == index:
            return at
        at += len(word)
    return at


_OWNED_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})(?:['’]s|['’])\s+"
    r"(?P<rest>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})$"
)


def owned_source(phrase: str) -> EntityRef | None:
    """ "Roe's campaign", "Sanders’ lawyer": the campaign or office speaks as itself, a person
    described through someone else is unnamed: neither is the person whose name it bears."""
    match = _OWNED_RE.match(phrase.strip())
    if match is None:
        return None
    name = phrase.strip()
    name = name[4:] if name.lower().startswith("the ") else name
    head = match.group("rest").split()[-1]
    return EntityRef(name, "organization" if head in ORG_HEAD_NOUNS else UNNAMED)


_NEWS_WORDS = frozenset(
    {"Post", "Times", "Journal", "News", "Tribune", "Herald", "Gazette", "Chronicle",
     "Globe", "Telegraph", "Guardian", "Examiner", "Observer", "Politico", "Press"}
)  # fmt: skip
_NEWS_TITLE_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w.&-]*\s+){0,4}(?P<last>[A-Z][\w.&-]*))"
    r"(?:['’]s\s+[\w\s]+|\s+(?:newspaper|paper|network|website|editorial board))?$"
)


def news_title(phrase: str) -> EntityRef | None:
    """A newspaper or network named by its title ("The Washington Post", "the Times
    newspaper", "the Post's investigative unit"), which the name finder splits."""
    match = _NEWS_TITLE_RE.match(phrase.strip())
    if match is None or match.group("last") not in _NEWS_WORDS:
        return None
    if re.search(r"['’]s\s+[A-Z]", phrase):
        return None  # "The Post's Chris Roe": the paper's writer speaks, not the paper
    name = match.group("name")
    if not all(word[:1].isupper() for word in name.split()):
        return None
    entry = lookup_alias(name) or lookup_alias(f"The {name}")
    if entry is not None:
        return EntityRef(entry.canonical, entry.kind, entry.aliases)
    return EntityRef(f"The {name}" if phrase.lower().startswith("the ") else name, "organization")


_INSTITUTION_WORDS = frozenset(
    {"Agency", "Department", "Institute", "Commission", "Council", "Office", "Bureau",
     "Center", "Centre", "Service", "Committee", "Association", "Foundation", "Board",
     "Authority", "University", "Ministry", "Administration", "Organization", "Court"}
)  # fmt: skip
_INSTITUTION_LINKS = frozenset({"of", "for", "and", "on", "&"})


def institution_title(phrase: str, mentions: list[EntityMention]) -> EntityRef | None:
    """An institution named in full ("the National Police Agency", "the Department of
    Homeland Security") that the name finder split into pieces."""
    words = phrase.strip().split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or not set(words) & _INSTITUTION_WORDS:
        return None
    if (
        not all(w[:1].isupper() or w in _INSTITUTION_LINKS for w in words)
        or not words[0][:1].isupper()
    ):
        return None
    name = " ".join(words)
    if any(m.text == name or m.canonical == name for m in mentions):
        return None  # the name finder has it whole
    entry = lookup_alias(name)
    if entry is not None:
        return EntityRef(entry.canonical, entry.kind, entry.aliases)
    return EntityRef(name, "organization")


_DESCRIPTION_RE = re.compile(r"^(?:the|a|an|his|her|its|their)\s+[a-z]")
# "Jo Roe, who heads the lobbying office, says": a subject relative clause (a verb or an
# adverb after "who", not a subject: "Roe, who Doe called a liar") describes the name before it.
_RELATIVE_RE = re.compile(r"^who\s+[a-z]")
# "Jo Roe, a Republican who …, said": a party or a people is the description's head.
_CAPITAL_HEAD_RE = re.compile(r"^(?:a|an|the)\s+(?P<head>[A-Z][a-z]+)\s+who\b")
# Where the name opens a clause: the sentence's start or a comma, a conjunction allowed ("But");
# An honorific may stand outside the name's mention ("But Mr. Roe, a …").
_CLAUSE_OPENING_RE = re.compile(
    r"(?:^|,)\s*(?:(?:[Bb]ut|[Aa]nd|[Yy]et)\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?$"
)
_PARTY_MEMBER_WORDS = frozenset({"republican", "democrat", "independent", "conservative"})


def described_person(
    phrase: str, body: str, phrase_start: int, sentence_start: int, mentions: list[EntityMention]
) -> EntityMention | None:
    """ "Jo Roe, the communications director for the party said …": a description set off by a
    comma it never closes is the person named just before it, who speaks (not the party it
    names); so does a subject relative clause ("Jo Roe, who heads the union's lobbying office,
    says") and a party member ("Jo Roe, a Republican who …"). The name opens the sentence or a
    clause after a comma ("On Monday, Jo Roe, the …"),
    never the object of a preposition ("Asked about Jo Roe, the director said")."""
    head = _CAPITAL_HEAD_RE.match(phrase)
    capital_head = head is not None and (
        head["head"].lower() in _PARTY_MEMBER_WORDS
        or head["head"].casefold() in nationality_words()
    )
    described = _DESCRIPTION_RE.match(phrase) or _RELATIVE_RE.match(phrase) or capital_head
    if not described or "," in phrase:
        return None
    for mention in mentions:
        if (
            mention.kind == "person"
            and re.fullmatch(r"\s*,\s*", body[mention.end : phrase_start])
            and _CLAUSE_OPENING_RE.search(body[sentence_start : mention.start])
        ):
            return mention
    return None


def outlet_claimant(outlet: str | None) -> EntityRef | None:
    """The outlet as the claimant of what it states itself."""
    if not outlet:
        return None
    entry = lookup_alias(outlet)
    if entry is not None and entry.kind == "organization":
        return EntityRef(entry.canonical, "organization", entry.aliases)
    return EntityRef(outlet.strip(), "organization")
