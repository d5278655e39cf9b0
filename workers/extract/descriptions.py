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
from workers.nlp.world import nationality_words

from .candidates import EntityRef
from .lexicon import DOCUMENT_NOUNS, MEDIA_NOUNS, PRONOUNS, QUANTIFIERS
from .sources import ORG_HEAD_NOUNS, UNNAMED, UNNAMED_NOUNS

# Articles and demonstratives a description may open with ("the governor", "that official").
_ARTICLES = frozenset({"the", "a", "an", "this", "that"})
_OPENERS = _ARTICLES | QUANTIFIERS | {"at"}
# Words that end the description's head and open what follows it.
_POST = frozenset(
    {"of", "for", "in", "on", "at", "from", "with", "by", "including", "who", "whom", "which",
     "that", "whose", "and", "or", "said", "says"}
)  # fmt: skip
# Party words that are the head of a description ("one Republican involved in …").
_PARTY_HEADS = frozenset({"republican", "republicans", "democrat", "democrats"})
_TOKEN_RE = re.compile(r"[^\s,;:()]+")
# Openers of an indefinite description: someone the article does not identify.
_INDEFINITE = (QUANTIFIERS | {"a", "an"}) - {"these", "those", "our", "your", "my", "new", "top"}


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
    between = [t for t, _ in tokens[1 : cut - 1]]
    if head_lower in _PARTY_HEADS and between and all(t.isalpha() and t.islower() for t in between):
        # "the lifelong Republican who wrote the speech": a described person, not the party.
        return EntityRef(" ".join([*between, head]), UNNAMED), head_lower
    modifiers = [m for m in mentions if m.end <= head_start]
    named_after = [m for m in mentions if m.start >= head_start]
    # "one former Roe employee", "a Doe donor", "a Vose newspaper": someone or something
    # described, indefinitely, through a person they work for or belong to; the person named
    # is the modifier, not the speaker ("the Roe campaign" stays with the name: it speaks
    # for them).
    through_person = tokens[0][0].lower() in _INDEFINITE and head_lower not in DOCUMENT_NOUNS
    if not modifiers or any(
        m.kind == "person"
        and m.text.lower() not in _PARTY_HEADS
        and not (through_person and m in modifiers)
        for m in modifiers + named_after
    ):
        return None  # no name as modifier; or a person named in it ("the U.S. envoy Jo Roe")
    if any(m.start <= head_start < m.end for m in mentions):
        return None  # the head is part of a name ("the Acme company" tokenised as one)
    words = [t for t, _ in tokens]
    if words[0].lower() in _ARTICLES:
        words = words[1:]
    if len(words) > 10:
        return None
    return EntityRef(" ".join(words), UNNAMED), head_lower


_POSSESSIVES = frozenset({"his", "her", "their", "its"})
_NOT_HEADS = frozenset({"best", "own", "first", "last", "latest", "only", "other", "next", "most"})
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which"})
_FUNCTION_WORDS = frozenset(
    {"of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or"}
)


# Plural people nouns beyond the unnamed-source ones ("authorities", "groups", "outlets").
_PEOPLE_NOUNS = frozenset(
    {
        "candidates",
        "authorities",
        "groups",
        "outlets",
        "democrats",
        "republicans",
        "police",
        "unions",
        "families",
        "parents",
        "teachers",
        "students",
    }
)
# Words that open a share of a group ("none of those three", "each of the candidates").
_PARTITIVES = frozenset({"none", "each", "either", "neither"})
# Quantifiers that stand alone for people the article just mentioned ("Several threatened").
_ALONE = frozenset({"some", "several", "many", "both", "another", "others", "most", "few"})


def plain_description(words: list[str], phrase: str = "") -> EntityRef | None:
    """A source the article describes without a name it has given ("the governor", "some
    candidates", "the rights group"): the description itself, as an unnamed source, in the
    article's own case for a proper word after its first ("a German news outlet") and for a
    party ("Republicans"); ``words`` is ``phrase`` lower-cased and split."""
    found = _plain_description(words)
    named = _NAMED_BODY_RE.match(phrase.strip())
    if found is None and named and named.group("head") in ORG_HEAD_NOUNS:
        return EntityRef(phrase.strip(), "organization")  # "Roe campaign says …" (a headline)
    if found is None or not phrase:
        return found
    cased = {w.lower(): w for w in phrase.split()[1:] if w[:1].isupper()}
    cased.update(
        {
            w.lower(): w
            for w in phrase.split()[:1]
            if w.lower() in _PARTY_PLURALS or w.casefold() in nationality_words()
        }
    )  # "Republicans", "Turkish media": a party and a people keep their capital
    name = " ".join(cased.get(w, w) for w in found.name.split())
    return EntityRef(name, found.kind)


_PARTY_PLURALS = frozenset({"republicans", "democrats", "independents"})
# Plural nouns of people by their ending (lobbyists, historians, taxpayers, investors), but
# for the things that end so.
_PEOPLE_ENDINGS = ("ists", "ians", "ers", "ors")
_NOT_PEOPLE_ENDING = frozenset(
    {"numbers", "papers", "orders", "letters", "matters", "powers", "borders", "centers",
     "headquarters", "waters", "layers", "chambers", "errors", "factors", "sectors", "colors",
     "doors", "floors", "lists", "filters", "markers", "meters", "towers", "quarters",
     "answers", "offers", "murders", "disorders", "corridors", "rumors", "mirrors", "posters"}
)  # fmt: skip


def _people_by_ending(word: str) -> bool:
    return len(word) > 5 and word.endswith(_PEOPLE_ENDINGS) and word not in _NOT_PEOPLE_ENDING


# A body named by whom it belongs to, without an article: "Roe campaign", "Acme Labor union".
_NAMED_BODY_RE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,3}(?P<head>[a-z]+)$")


def _plain_description(words: list[str]) -> EntityRef | None:
    cut = next((k for k, w in enumerate(words) if w in _RELATIVE_WORDS), len(words))
    words = words[:cut]
    # The head noun is the last word before a prepositional phrase ("presidential candidates
    # in both parties"), or the last word ("none of the candidates").
    ends = next((k for k in range(1, len(words)) if words[k] in _FUNCTION_WORDS), len(words))
    head = words[ends - 1] if words else ""
    people = any(
        w in UNNAMED_NOUNS
        or w in _PEOPLE_NOUNS
        or w in MEDIA_NOUNS  # "state television", "Turkish media"
        or _people_by_ending(w)  # "lobbyists in general", "many taxpayers"
        or (w.endswith("s") and w[:-1] in _TITLE_NOUNS)
        for w in (head, words[-1] if words else "")
    )
    if len(words) == 1 and (people or words[0] in _ALONE):
        return EntityRef(words[0], UNNAMED)  # "Authorities said", "Several threatened"
    if not 2 <= len(words) <= 8 or not (
        words[0] in _ARTICLES | QUANTIFIERS | _POSSESSIVES
        or (words[0] in _PARTITIVES and words[1] == "of")
        or people
    ):
        return None  # "democratic candidates" is a description; "health minister" is a title
    if not re.fullmatch(r"[a-z][a-z'’-]*|\d+-[a-z][\w-]*", words[-1]):
        return None  # "the 1990s": a time, not a source; "the 46-year-old" is one
    if words[-1] in PRONOUNS or words[-1] in _FUNCTION_WORDS:
        return None  # "one of them", "the constant sowing of"
    if not all(re.fullmatch(r"[a-z][a-z'’-]*(?:-\d+)?|\d[\w'’-]*", w) for w in words):
        return None  # a name, a number or a title in quotation marks (an age, "under-35", is
        # part of a description: "the under-35 generation")
    if words[0] in _POSSESSIVES and (
        not words[-1].isalpha() or words[-1] in _NOT_HEADS or not (people or len(words[-1]) > 3)
    ):
        return None  # "his oft-", "their best": no description of a source
    kept = words[1:] if words[0] in _ARTICLES else words  # "his physician" stays whole
    return EntityRef(" ".join(kept), UNNAMED)


# --- Titles the article gives a person, so a later description can find them ----------------

_TITLE_NOUNS = {
    "sen.": ("senator",), "senator": ("senator",), "gov.": ("governor",),
    "governor": ("governor",), "rep.": ("congressman", "congresswoman", "representative"),
    "representative": ("representative", "congressman", "congresswoman"),
    "congressman": ("congressman", "representative"),
    "congresswoman": ("congresswoman", "representative"), "mayor": ("mayor",),
    "judge": ("judge",), "chairman": ("chairman",), "chairwoman": ("chairwoman",),
    "secretary": ("secretary",), "attorney": ("attorney",), "sheriff": ("sheriff",),
    "candidate": ("candidate",), "nominee": ("nominee",), "adm.": ("admiral",),
    "admiral": ("admiral",), "ambassador": ("ambassador",), "justice": ("justice",),
    "professor": ("professor",), "prof.": ("professor",), "commissioner": ("commissioner",),
}  # fmt: skip
_PARTY_LETTERS = {"r": "republican", "d": "democrat", "i": "independent"}
_PARTY_WORDS = {
    "republican": "republican", "republicans": "republican", "gop": "republican",
    "democrat": "democrat", "democratic": "democrat", "democrats": "democrat",
}  # fmt: skip
# "Sen. Jo Roe (R-Fla.)", "Rep. Al Doe, D-Texas,": the party letter and the state.
_PARTY_STATE_RE = re.compile(r"^\s*[(,]\s*(?P<party>[RDI])\s*-\s*(?P<state>[A-Z][\w. ]{1,12})")
# ", the Florida senator," / ", a Vermont Democrat,": an apposition describing the name.
_APPOSITION_RE = re.compile(
    r"^\s*,\s*(?:the|a|an)\s+(?P<words>(?:[\w.'’-]+\s+){0,4}?[a-z][\w-]*)\s*[,.;]"
)
_STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida",
    "ga": "georgia", "ill": "illinois", "ind": "indiana", "kan": "kansas", "ky": "kentucky",
    "la": "louisiana", "md": "maryland", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "tenn": "tennessee", "tex": "texas", "vt": "vermont",
    "va": "virginia", "wash": "washington", "wis": "wisconsin", "wyo": "wyoming",
}  # fmt: skip
_NOT_DESCRIPTORS = frozenset({"the", "a", "an", "former", "then", "u.s.", "us", "state"})


def _descriptor(word: str) -> str:
    word = word.lower().strip(".,'’")
    return _PARTY_WORDS.get(word) or _STATE_ABBREVIATIONS.get(word.replace(".", ""), word)


def learned_titles(mention_text: str, before: str, after: str) -> frozenset[str]:
    """What the article calls a person where it names them: the title in or just before the
    name ("Sen.", "Florida Gov."), the party and state in "(R-Fla.)", an apposition
    (", the Florida senator,"), as lower-case words ("senator", "florida", "republican")."""
    found: set[str] = set()
    lead = before.split()[-3:]
    for word in (*lead, *mention_text.split()[:2]):
        found.update(_TITLE_NOUNS.get(word.lower(), ()))
    if found:
        # "Florida Sen. Jo Roe", "Republican Gov. Al Doe": the words before the title.
        found.update(_descriptor(w) for w in lead if w[:1].isupper() and w.lower() not in
                     _TITLE_NOUNS)  # fmt: skip
    party = _PARTY_STATE_RE.match(after)
    if party:
        found.add(_PARTY_LETTERS[party.group("party").lower()])
        found.add(_descriptor(party.group("state").split()[0]))
    apposition = _APPOSITION_RE.match(after)
    if apposition:
        found.update(_descriptor(w) for w in apposition.group("words").split())
    return frozenset(found - _NOT_DESCRIPTORS)


def wanted_titles(description: str) -> frozenset[str] | None:
    """The words a description asks of the person it means ("the Florida senator" ->
    {"florida", "senator"}); None unless it is "the" + words + a title or party noun."""
    words = description.strip().split()
    if len(words) < 2 or words[0].lower() != "the" or len(words) > 5:
        return None
    head = words[-1].lower()
    if head not in _PARTY_WORDS and not any(head in nouns for nouns in _TITLE_NOUNS.values()):
        return None
    return frozenset(_descriptor(w) for w in words[1:]) - _NOT_DESCRIPTORS


def party_adjective(mention: EntityMention, phrase: str, phrase_start: int) -> bool:
    """A party's or a people's name before a noun in the phrase describes the source, it does
    not name it: "the Democratic front-runner", "Democratic senators" (not "Democrats")."""
    after = phrase[mention.end - phrase_start :].split()
    return mention.kind == "group" and bool(after) and after[0][:1].islower()
