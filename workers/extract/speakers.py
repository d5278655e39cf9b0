"""Speaker phrases: where the phrase that makes a claim sits, and whether it can be a speaker.

``is_speaker_phrase`` judges a phrase's shape (a name, a role, a pronoun, "the central bank",
"About four in 10"); ``appositive_start`` and ``name_after_description`` step over apposition
("Jane Roe, the health minister, said"; "A Twitter spokesman, Chris Roe, said");
``passive_agent`` finds the agent of "reported by X"; ``colon_quote`` (and
``in_documents``' polls and laws) are frames without a finite verb of saying (the subject of
"X …, saying" is ``subjects``').
``attribution`` finds the verbs; resolving a phrase to an entity is ``discourse``'s job.
Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from workers.enrichment import names_institution
from workers.nlp import DEMONYMS

from .lexicon import (
    DOCUMENT_NOUNS,
    PRONOUNS,
    QUANTIFIERS,
    ROLE_NOUNS,
    SHARE_RE,
)
from .phrase_edges import headline_speaker_end

DEMONYMS_LOWER = frozenset(d.lower() for d in DEMONYMS)
BOUNDARY_WORDS = frozenset(
    {
        "that", "after", "before", "as", "when", "while", "since", "because", "and",
        "but", "which", "where", "if", "though", "although", "until", "whereas", "so",
        "once", "unless", "whether", "what", "how", "why",
    }
)  # fmt: skip
LEADING_CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "or", "still", "however"})


def past_conjunctions(doc: Doc, first: int, limit: int) -> int:
    """The first token from ``first`` (before ``limit``) that is no opening conjunction ("But",
    "And yet") or punctuation: where a clause's words begin."""
    while first < limit and (doc[first].lower_ in LEADING_CONJUNCTIONS or doc[first].is_punct):
        first += 1
    return first


@dataclass
class Attribution:
    kind: str  # direct_quote | reported_speech | according_to
    speaker: tuple[int, int] | None  # token range of the speaker phrase
    verb: int  # token index of the speech verb (or "according")
    trailing: bool  # content precedes the verb ("…, she said.")
    first_person: bool = False
    # False for a learned cue verb ("Roe conceded the point"): its subject holds the clause
    # but is not thereby the speaker of the quotations that follow (``cue_verbs``).
    speaks: bool = True


# Words after a document's head noun that describe it: "records from …", "a poll conducted by …".
POST_MODIFIERS = frozenset(
    {"of", "from", "by", "for", "in", "on", "conducted", "released", "published",
     "commissioned", "obtained", "filed", "issued", "compiled", "tallied"}
)  # fmt: skip
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def one_source(doc: Doc, start: int, end: int) -> bool:
    """Words joined by "and" that are one source: a document ("Exit polls conducted for the AP
    and the networks") or one institution ("Immigration and Customs Enforcement")."""
    return document_head(doc, start, end) or names_institution([t.text for t in doc[start:end]])


def document_head(doc: Doc, start: int, end: int) -> bool:
    """The phrase is headed by a document noun within its first five words."""
    if doc[start].lower_ in BOUNDARY_WORDS:
        return False  # "that the emails released on Tuesday …" is content
    for k in range(start, min(start + 5, end)):
        noun = doc[k].lower_ in DOCUMENT_NOUNS and (k == start or doc[k].text[:1].islower())
        if noun and (k + 1 == end or doc[k + 1].lower_ in POST_MODIFIERS):
            return True
    return False


def _owner_phrase(doc: Doc, start: int, end: int) -> bool:
    """A possessive name and a lowercase head: "Roe's campaign", "Sanders’ lawyer"."""
    owner = next(
        (k for k in range(start + 1, min(start + 4, end)) if doc[k].text in _POSSESSIVE), None
    )
    if owner is None or not doc[owner - 1].text[:1].isupper() or end - owner > 4:
        return False
    rest = doc[owner + 1 : end]
    return len(rest) > 0 and all(t.is_alpha and t.text.islower() for t in rest)


# Words that open what a speaker phrase's head is described by: "supporters of the bill",
# "people with knowledge of the talks", "Jo Roe of the Ohio delegation"; a relative clause
# ("Economists who study rents have found …": the head before "who" is judged).
_HEAD_LINKS = frozenset(
    {"of", "with", "from", "at", "in", "for", "familiar", "close", "briefed", "interviewed",
     "surveyed", "polled", "knowledgeable", "who"}
)  # fmt: skip


def _headed_before_link(doc: Doc, start: int, end: int) -> bool:
    """The words before the first link word are a speaker phrase: a name, or a role or
    people noun, with at most one word before it ("Abortion-rights advocates of …")."""
    link = next(
        (k for k in range(start + 1, min(start + 6, end)) if doc[k].lower_ in _HEAD_LINKS), None
    )
    if link is None or link + 1 >= end:
        return False
    head = doc[link - 1]
    if head.lower_ in ROLE_NOUNS:
        return True  # "A U.S. law enforcement official familiar with …"
    if link - start > 3:
        return False
    named = all(t.text[:1].isupper() and t.lower_ not in PRONOUNS for t in doc[start:link])
    return named and head.text.replace("'", "").replace("’", "").isalpha()


def is_speaker_phrase(doc: Doc, start: int, end: int) -> bool:
    if start < end and doc[start].lower_ == "or":
        return False  # "Jo Roe, director of the union, or TU - …": the union's initials
    if start < end <= start + 18 and document_head(doc, start, end):
        return True  # "FEC records from the 2008 cycle", "A new batch of emails released …"
    if start < end <= start + 18 and SHARE_RE.match(doc[start:end].text):
        return True  # "About four in 10", "Two-thirds of GOP voters in all five states voting"
    if start >= end or end - start > 12:
        return False
    if _headed_before_link(doc, start, end):
        return True  # "Proponents of the new bill", "Jo Roe of the Ohio delegation"
    if _owner_phrase(doc, start, end):
        return True  # "Roe's campaign", "Sanders’ campaign manager"
    if doc[end - 1].text == ")":
        # "Rep. Jane Roe (D-Md.)": judge the name before the bracket.
        end = next((k for k in range(end - 1, start, -1) if doc[k].text == "("), end)
    tokens = [t for t in doc[start:end] if not t.is_punct]
    if not tokens:
        return False
    last = tokens[-1]
    if last.lower_ in PRONOUNS and len(tokens) == 1:
        return True
    if (
        (
            tokens[0].lower_ in {"the", "a", "an", "its", "his", "her", "their", "this"}
            or tokens[0].lower_ in QUANTIFIERS
        )
        and len(tokens) <= 8
        and last.is_alpha
        and last.lower_ not in PRONOUNS
    ):
        return True  # "the central bank", "a senior official"
    if last.lower_ in ROLE_NOUNS or last.lower_.rstrip("s") in ROLE_NOUNS:
        return True
    # A name: the last word is capitalised ("Sheinbaum", "the Wall Street Journal").
    # "O'Brien", "D'Amato": an apostrophe inside a name.
    bare = last.text.replace("'", "").replace("’", "").replace(".", "")  # "F.B.I."
    name_end = bare.isalpha() or last.text in {"Jr.", "Sr.", "Jr", "Sr"}
    if last.is_alpha and last.i - 2 >= start and doc[last.i - 1].text == "-":
        last = doc[last.i - 2]  # "Park Geun-hye"
    return last.text[:1].isupper() and last.text.lower() not in {"i"} and name_end


_APPOSITIVE_OPENERS = frozenset(
    {"a", "an", "the", "who", "whose", "which", "including", "like", "unlike", "his", "her",
     "its", "their", "one", "now", "then", "also", "formerly", "both", "of", "from"}
)  # fmt: skip


# Asides set off by commas between a speaker and the verb: "Officials, in fact, insist …".
_PARENTHETICALS = frozenset(
    {"in fact", "for instance", "for example", "however", "though", "too", "of course",
     "in turn", "meanwhile", "moreover", "instead", "in particular", "at least", "so far",
     "in short", "in other words", "by contrast", "in contrast", "in addition"}
)  # fmt: skip
_DASHES = frozenset({"-", "—", "–", "--"})


def dash_aside_start(doc: Doc, start: int, dash: int) -> int | None:
    """The dash opening an aside that closes at ``dash`` ("Jo Roe — a former aide, now a
    critic — recalled"; "A former candidate -- Jo Roe, who lost in 2008 -- said"), or None."""
    if dash <= start or doc[dash].text not in _DASHES:
        return None
    k = next((m for m in range(dash - 1, max(start, dash - 30), -1) if _is_dash(doc, m)), None)
    if k is None or k <= start or k + 1 >= dash or not doc[k - 1].is_alpha:
        return None
    return k


def _is_dash(doc: Doc, k: int) -> bool:
    """A dash, not the hyphen inside a word ("two-thirds", "Three-in-five")."""
    glued = doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
    return doc[k].text in _DASHES and not glued


def quoted_in_aside(doc: Doc, start: int, k: int, inside: dict) -> bool:
    """Token ``k`` is in a quotation that an aside's own lower-case word introduces
    ("the author of “Dry Fields”", "citing “the winter,”"): a title or a phrase the aside
    cites, not the speaker's content."""
    if k not in inside:
        return False
    opening = inside[k][0]
    return opening - 1 > start and doc[opening - 1].text[:1].islower()


def appositive_start(doc: Doc, start: int, comma: int, inside: dict) -> int | None:
    """The comma opening an appositive that ends at ``comma`` ("Jane Roe, the health
    minister, said"; "Matt Bennett, a founder of the think tank Third Way, said"), or None."""
    k = comma
    for _ in range(2):  # "Jo Roe, of Springfield, Va., said": one comma inside
        k -= 1
        # A quotation inside the aside is part of it ("Roe, the author of “Dry Fields,”
        # about drought, said"; "Roe, citing “the winter,” said"), provided it opened after
        # the aside's first word: a quotation that ends at the comma is someone's content.
        while (
            k >= start
            and comma - k <= 40
            and ((doc[k].text != "," and k not in inside) or quoted_in_aside(doc, start, k, inside))
        ):
            k -= 1
        if k <= start or doc[k].text != "," or k + 1 >= comma:
            return None
        opener, before = doc[k + 1], doc[k - 1]
        # "Or, as Jo Roe, …": an opening conjunction names no one.
        named_before = (before.text[:1].isupper() or before.text == ")") and (
            before.lower_ not in LEADING_CONJUNCTIONS
        )
        party_of = (  # "Dianne Feinstein, Democrat of California, said"
            opener.text[:1].isupper() and k + 2 < comma and doc[k + 2].lower_ in {"of", "from"}
        )
        # "Zimmerman, 32, noted", "A third of independents, 33%, say": a number;
        # "Sen. Jo Roe, R-Fla., said": a party and state.
        number = opener.like_num and comma - k <= 4
        # "Tom Roe, Jane's father, said"; "Jo Roe, Ohio Secretary of State, said".
        capital = named_before and opener.text[:1].isupper() and k + 2 < comma
        owner = capital and doc[k + 2].text in {"'s", "’s", "'", "’"}
        titled = (
            capital and comma - k <= 8 and any(t.lower_ in ROLE_NOUNS for t in doc[k + 1 : comma])
        )
        party = opener.text in {"R", "D", "I"} and doc[k + 2].text == "-" and named_before
        if (
            number
            or party
            or doc[k + 1 : comma].text.lower() in _PARENTHETICALS
            or owner
            or titled
            or opener.lower_ in _APPOSITIVE_OPENERS
            or opener.lower_ in DEMONYMS_LOWER
            or (named_before and (party_of or (opener.is_alpha and opener.text[:1].islower())))
            # "The survey, conducted for the institute, found": a document described.
            or (before.lower_ in DOCUMENT_NOUNS and opener.is_alpha and opener.text.islower())
        ):
            return k
    return None


# Lower-case words before a name set off after a description: its article, or what qualifies
# the office its title names ("state Rep. Jo Roe", "former Gov. Al Doe").
_NAME_OPENERS = frozenset({"the", "state", "former", "county", "city", "acting"})


def name_after_description(
    doc: Doc, start: int, comma: int, inside: dict
) -> tuple[int, int] | None:
    """The name set off by commas after a description ("Santilli's attorney, Thomas Coan,
    argued"; "One of the authors, Ari Fleischer, said"), as a token range, or None."""
    k = comma - 1
    while k > start and comma - k <= 12 and doc[k].text != "," and k not in inside:
        k -= 1
    if k <= start or doc[k].text != "," or comma - k < 3:
        return None
    described = doc[k - 1].is_alpha and doc[k - 1].text.islower()
    run = k + 1
    if doc[run].lower_ in _NAME_OPENERS and run + 1 < comma and doc[run + 1].text[:1].isupper():
        run += 1  # "The agency, the Harbour Board, said"; "Her rival, state Rep. Jo Roe, said"
    first = run
    while run < comma and doc[run].text[:1].isupper() and doc[run].text != "I":
        run += 1
    name_end = run
    if run > k + 1 and doc[run].text == "(" and doc[comma - 1].text == ")" and comma - run <= 8:
        run = comma  # "A former mayor, Sen. Jo Roe (D-Ore.), said": the party tag is the name's
    # "One farmer, Jo Roe of the Grange in Dayton, said": the name before "of/from/at".
    placed = run - k > 2 and run < comma and doc[run].lower_ in {"of", "from", "at"}
    # "One pastor backing Mr. Cruz, Jo Roe of …": a description that opens the clause.
    opener = start + 1 < k and doc[start + 1].is_alpha and doc[start + 1].text.islower()
    if described and run == comma and name_end - k <= 5:
        return (first, name_end)
    if placed and (described or opener):
        return (first, run)
    return None


def before_bracket(doc: Doc, start: int, close: int, sp_end: int) -> tuple[int, int]:
    """A speaker phrase ending in the bracket closed at ``close``: the bracket belongs to the
    name ("Rep. Jane Roe (D-Md.) said"), a long one is an aside ("Sen. Jo Roe (a Democrat so
    young he …) says"). Returns the phrase's end and the token to walk back from."""
    opening = next(
        (m for m in range(close - 1, max(start, close - 25) - 1, -1) if doc[m].text == "("), None
    )
    if opening is None or opening <= start:
        return sp_end, close
    return (opening if close - opening > 6 else sp_end), opening - 1


# Where a passive agent ends: "denounced by Jane Roe as a giveaway", "… by fans on radio".
_AGENT_END = frozenset(
    {",", ".", ";", "!", "?", "“", '"', "as", "for", "after", "when", "because", "over", "on"}
)


def passive_agent(doc: Doc, verb: int, end: int) -> tuple[int, int] | None:
    """The agent of a passive report: "reported by The Washington Post" -> its tokens."""
    if verb + 2 >= end or doc[verb + 1].lower_ != "by":
        return None
    m = verb + 2
    while m < end and doc[m].text not in _AGENT_END and m - verb < 10:
        m += 1
    return (verb + 2, m) if is_speaker_phrase(doc, verb + 2, m) else None


# Capitalised labels before a colon that name no speaker ("BREAKING: …", "UPDATE: …").
_NOT_SPEAKER_LABELS = frozenset(
    {"BREAKING", "UPDATE", "UPDATED", "NOTE", "EDITOR", "WATCH", "CORRECTION", "READ", "VIDEO",
     "PHOTOS", "LIVE", "EXCLUSIVE", "WARNING", "ALERT", "DEVELOPING", "RELATED", "MORE"}
)  # fmt: skip


def title_case(doc: Doc, start: int, end: int) -> bool:
    """A headline in title case: most words of four letters or more are capitalised."""
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def colon_quote(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "Roe: “Rents rose 7%”": a name, a colon and a quotation (headlines, live blogs)."""
    first = start
    while first < end and doc[first].is_punct:
        first += 1
    colon = first
    while colon < end and colon - first < 5 and doc[colon].text[:1].isupper():
        colon += 1
    if colon == first or colon + 1 >= end or doc[colon].text != ":":
        return _names_before_colon(doc, first, end, inside)
    # "JO ROE: The plan …" (a transcript): a speaker's name in capitals needs no quotation.
    label = first == start and all(
        t.is_alpha and t.text.isupper() and len(t.text) > 1 for t in doc[first:colon]
    )
    # "Jo Roe: Tax Cuts Will Pay for Themselves" (a headline): the name's words, paraphrased.
    headline = first == start and title_case(doc, colon + 1, end)
    labelled = (label or headline) and doc[first].text.upper() not in _NOT_SPEAKER_LABELS
    if (colon + 1) not in inside and not labelled:
        return None
    speaker = (first, headline_speaker_end(doc, first, colon))  # "Roe On Rents: “…”"
    return Attribution("reported_speech", speaker, colon, trailing=False)


def _names_before_colon(doc: Doc, first: int, end: int, inside: dict) -> Attribution | None:
    """ "Jo Roe and Al Doe: “…”", "POLLS AGREE - Jo Roe: “…”" (a roundup's item): names,
    joined by "and", before a colon and a quotation, opening the clause or after a dash."""
    for colon in range(first + 1, min(end - 1, first + 30)):
        if doc[colon].text != ":" or (colon + 1) not in inside or colon in inside:
            continue
        k = colon
        while (
            k > first
            and colon - k < 7
            and (
                (doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper())
                or (doc[k - 1].lower_ == "and" and k < colon and doc[k].text[:1].isupper())
                or (len(doc[k - 1].text) == 2 and doc[k - 1].text[1] == ".")  # "Jo P. Roe"
            )
        ):
            k -= 1
        opens = k == first or doc[k - 1].text in _DASHES
        label = doc[k].text.upper() in _NOT_SPEAKER_LABELS
        if k < colon and opens and doc[k].text[:1].isupper() and not label:
            # "Jo Roe and Al Doe": the first named is recorded, as for "X and Y said".
            stop = next((m for m in range(k, colon) if doc[m].lower_ == "and"), colon)
            return Attribution("reported_speech", (k, stop), colon, trailing=False)
        return None
    return None
