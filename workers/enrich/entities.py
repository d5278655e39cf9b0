"""Entity mentions: the gazetteer's EntityRuler first, then a conservative fallback for
capitalised names it does not know."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from workers.nlp import DEMONYMS, lookup_alias
from workers.nlp.first_names import first_name_gender
from workers.nlp.world import nationality_words

from .name_context import (
    company_end,
    demonym_opens,
    hyphen_join,
    in_context,
    institution_before,
    office_object_end,
    opening_word_end,
    possessive_org_end,
)
from .name_words import (
    FUNCTION_NOUNS,
    LOCATIVE_PREPOSITIONS,
    NAME_CONNECTORS,
    ORG_WORDS,
    PARTY_WORDS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    PLURAL_TITLES,
    PORTFOLIO_TITLES,
    STORM_WORDS,
    TITLE_WORDS,
    compass_alone,
    is_name_token,
    names_institution,
    noun_after,
)


@dataclass(frozen=True)
class EntityMention:
    text: str
    kind: str  # person | organization | place | group
    canonical: str
    start: int
    end: int
    aliases: tuple[str, ...]


def canonical_entity(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) for a known alias, else None.

    >>> canonical_entity("President Trump")
    ('Donald Trump', 'person')
    >>> canonical_entity("the United States")
    ('United States', 'place')
    """
    entry = lookup_alias(name)
    if entry is None:
        return None
    return entry.canonical, entry.kind


def _guess_kind(tokens: list[str], prev_word: str) -> str:
    """Heuristic kind for a capitalised name the gazetteer does not know.

    Organisation/place keywords win; a single word after a locative preposition is a
    place ("in Brazil"), after "the" an organisation ("the Knesset", "the Kremlin"); anything
    else is assumed to be a person.  This is deliberately
    simple: known entities come from the gazetteer, and the fallback only exists so an
    unknown claimant ("Dr. Fauci said") is not lost.
    """
    titled = max((k for k, t in enumerate(tokens) if t in TITLE_WORDS), default=-1)
    after = tokens[titled + 1 :]
    if (
        titled >= 0
        and after
        and not any(
            t in ORG_WORDS or t in PLACE_WORDS or t in NAME_CONNECTORS or t in TITLE_WORDS
            for t in after
        )
    ):
        return "person"  # "State Rep. Wendy Roe", "County Sheriff Al Roe": a titled name
    if re.fullmatch(r"[A-Z]{2,}s", tokens[-1]):
        return "group"  # "Labour MPs", "Tory MEPs": members, not a person
    if any(t in ORG_WORDS for t in tokens) or (len(tokens) == 1 and tokens[0].isupper()):
        return "organization"
    if tokens[-1] in PARTY_WORDS:
        return "group"  # "Democratic", "Presumptive Republican": a party, not a person
    if tokens[-1] in FUNCTION_NOUNS and not first_name_gender(tokens[0]):
        return "organization"  # "Border Protection", "Customs Enforcement": an institution
    if any(t in PLACE_WORDS for t in tokens) and not first_name_gender(tokens[0]):
        return "place"  # "Mount Ossa", "Cape Vell"; not "Ana Lake"
    if len(tokens) == 1 and prev_word.lower() in LOCATIVE_PREPOSITIONS:
        return "place"
    if len(tokens) == 1 and prev_word.lower() == "the":
        return "organization"
    if titled < 0 and not first_name_gender(tokens[0]):
        # No title and no given name: "in Buena Park" is a place, "the Scarborough Shoal"
        # a thing the article names, neither a person.
        if prev_word.lower() in PLACE_PREPOSITIONS:
            return "place"
        if prev_word.lower() == "the":
            return "organization"
    return "person"


def _given_then_demonym(given: str, word: str) -> bool:
    """ "Mark Cuban": a word that is also a demonym or nationality, after a given name, is the
    person's surname (a people's adjective never follows a given name)."""
    return (
        first_name_gender(given) is not None
        and word[:1].isupper()
        and word.isalpha()
        and (word.lower() in DEMONYMS or word.casefold() in nationality_words())
    )


def _other_given_name(doc: Doc, surname: int) -> bool:
    """ "Ivanka Trump": a given name before a known person's bare surname that is not theirs
    names someone else (their relative, a namesake), not the known person. Mid-sentence any
    capitalised word that is no title, party or demonym; opening a sentence only a given name
    ("Candidate Trump" opens with a noun)."""
    if surname == 0:
        return False
    prev = doc[surname - 1]
    word = prev.text
    if not (word.isalpha() and word[:1].isupper() and word[1:].islower()):
        return False
    if word in TITLE_WORDS or word in PARTY_WORDS or not is_name_token(word):
        return False
    if word.lower() in STOP_WORDS or word in ORG_WORDS or word in PLACE_WORDS:
        return False
    entry = lookup_alias(f"{word} {doc[surname].text}")
    if entry is not None:
        return False  # "Donald Trump": the known person's own given name
    opening = (
        surname - 1 == 0 or prev.is_sent_start or doc[surname - 2].text in {"“", '"', "(", "\n\n"}
    )
    return first_name_gender(word) is not None or not opening


def _title_case_tokens(doc: Doc) -> set[int]:
    """Tokens of the title-case lines (headlines, subheadings: "Roe Slams Rivals In One
    Debate Answer"), where a capitalised word says nothing about a name."""
    tokens: set[int] = set()
    if not doc.has_annotation("SENT_START"):
        return tokens
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        # Every long word capitalised, and a function word too ("… In One Debate Answer"):
        # a sentence of names alone ("Jo Roe met Al Doe in Oslo") keeps its names.
        if (
            len(words) >= 3
            and all(t.text[:1].isupper() for t in words)
            and any(t.is_title and t.lower_ in STOP_WORDS for t in sent[1:])
        ):
            tokens.update(range(sent.start, sent.end))
    return tokens


def _name_before_affiliation(doc: Doc, i: int, j: int) -> int | None:
    """Where "of"/"for" cuts the run ``i:j`` after a given name and a surname ("Jo Roe of
    Acme", "Jo A. Roe for Acme"), else None; "Georgia Institute of …" is one name."""
    if not first_name_gender(doc[i].text):
        return None
    for cut in (i + 2, i + 3):
        middle = [t.text for t in doc[i + 1 : cut]]
        if (
            cut < j - 1
            and doc[cut].lower_ in {"of", "for"}
            and not any(w in ORG_WORDS or w in PLACE_WORDS or w in TITLE_WORDS for w in middle)
            and (len(middle) == 1 or re.fullmatch(r"[A-Z]\.", middle[0]))
        ):
            return cut
    return None


_APPOSITION_OPENERS = frozenset({"a", "an", "the", "who", "whose", "his", "her"})


def _place_after_place(doc: Doc, i: int, found: list[tuple[int, int, str]]) -> bool:
    """ "Louisville, Ky., where …", "the University of California, Berkeley.": a lone word between
    a place's or an institution's name and a comma or full stop is the state or city it is in,
    no person."""
    if i < 2 or doc[i - 1].text != "," or (i + 1 < len(doc) and not doc[i + 1].is_punct):
        return False
    if i + 2 < len(doc) and doc[i + 1].text == "," and doc[i + 2].lower_ in _APPOSITION_OPENERS:
        return False  # "In Ohio, Roe, a farmer, said": the sentence's subject after all
    if doc[i - 2].ent_type_ in {"PLACE", "ORGANIZATION"}:
        return True
    return bool(found) and found[-1][1] == i - 1 and found[-1][2] in {"place", "organization"}


def _institution_and(doc: Doc, i: int, j: int, taken: set[int]) -> int | None:
    """After "and" at ``j`` in a run of names from ``i``, the end of a run of names that
    finishes an institution's name ("… and Border Protection", "… and Prevention"), else None
    ("Clinton and Sanders", "Jo Roe and Al Doe Services")."""
    k = j + 1
    while k < len(doc) and k not in taken and is_name_token(doc[k].text):
        k += 1
    return k if k > j + 1 and names_institution([t.text for t in doc[i:k]]) else None


def _fallback_names(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Runs of capitalised tokens not covered by the EntityRuler: (start_tok, end_tok, kind)."""
    found: list[tuple[int, int, str]] = []
    i = 0
    n = len(doc)
    headline = _title_case_tokens(doc)
    while i < n:
        tok = doc[i]
        if i in taken or not is_name_token(tok.text):
            i += 1
            continue
        if i in headline:
            # In a headline only a given name and the word after it ("Jo Roe On Why …").
            if first_name_gender(tok.text) and i + 1 < n and is_name_token(doc[i + 1].text):
                found.append((i, i + 2, "person"))
            i += 1 + (i + 1 < n and is_name_token(doc[i + 1].text))
            continue
        j = i + 1
        if j < n and j not in taken and _given_then_demonym(doc[i].text, doc[j].text):
            j += 1  # "Mark Cuban", "Ann English": a given name makes the word after it a surname
        while j < n and j not in taken:
            if is_name_token(doc[j].text) or doc[j].text in {"Jr.", "Sr."} | ORG_WORDS:
                j += 1
            elif (
                doc[j].lower_ in NAME_CONNECTORS
                and j + 1 < n
                and j + 1 not in taken
                and is_name_token(doc[j + 1].text)
            ):
                j += 2
            elif doc[j].lower_ == "and" and (k := _institution_and(doc, i, j, taken)) is not None:
                j = k  # "Immigration and Customs Enforcement": one institution
            elif hyphen_join(doc, j, taken):
                j += 2  # "Emilia-Romagna", "Ocasio-Cortez": one name
            else:
                break
        if tok.text in PLURAL_TITLES or tok.text in STORM_WORDS:
            i = i + 1 if tok.text in PLURAL_TITLES else j  # "Senators Jo Roe", "Hurricane Ida"
            continue
        company = company_end(doc, i, j) or possessive_org_end(doc, i, j, taken)
        if company is not None:
            opens = i - 1 if demonym_opens(doc, i, taken) else i
            found.append((opens, company, "organization"))  # "Moody's said", "King's Fund"
            i = company
            continue
        office = office_object_end(doc, i, j)
        if office is not None:
            # "Secretary of State Jo Roe": the office's object, then the person holding it.
            found.append((office, j, "person"))
            i = j
            continue
        cut = _name_before_affiliation(doc, i, j)
        if cut is not None:
            # "Jo Roe of Acme Partners", "Jo Roe of Springfield": the person, then what they
            # work for or where they live, which is no person.
            found.append((i, cut, "person"))
            rest = [t.text for t in doc[cut + 1 : j]]
            kind = _guess_kind(rest, doc[cut].text)
            if kind == "person":
                kind = "place" if len(rest) == 1 else "organization"
            if not (j in taken and kind == "place"):
                found.append((cut + 1, j, kind))
            i = j
            continue
        sentence_initial = (
            i == 0
            or doc[i].is_sent_start is True
            or doc[i - 1].is_space
            or doc[i - 1].text in {".", "!", "?", "“", '"', "‘", "(", "[", ":", "—", "–", "-", "--"}
        )
        opener = opening_word_end(doc, i, j) if sentence_initial else None
        if opener is not None:
            i = opener  # "Though Roe won …", "Outside Acme's plant", "Footage of Jo Roe"
            continue
        if j - i == 1 and compass_alone(tok.text, doc[j].text if j < n else ""):
            i = j
            continue
        if j - i == 1 and _place_after_place(doc, i, found):
            found.append((i, j, "place"))  # "Louisville, Ky.", "University of California, Berkeley"
            i = j
            continue
        if j < n and doc[j].text in PORTFOLIO_TITLES and not first_name_gender(tok.text):
            i = j  # "Finance Minister Jo Roe": the title's portfolio, no name
            continue
        adjacent_to_known = (i - 1) in taken or j in taken
        # A lone capitalised word opening a sentence is usually just a capitalised word.
        if not adjacent_to_known and not (sentence_initial and j - i == 1):
            prev_word = doc[i - 1].text if i > 0 else ""
            kind = _guess_kind([t.text for t in doc[i:j]], prev_word)
            found.append(in_context(doc, i, j, kind, found, taken))
        elif adjacent_to_known and j not in taken:
            # "Wisconsin Rep. Reid Roe", "New York City Public Advocate Tish Roe": a known
            # place before a titled name leaves the titled name, a person.
            words = [t.text for t in doc[i:j]]
            if _guess_kind(words, "") == "person" and any(w in TITLE_WORDS for w in words):
                found.append((i, j, "person"))
        i = j
    return found


_INSTITUTION_OWNERS = frozenset({"PLACE", "ORGANIZATION", "place", "organization"})
_INSTITUTION_LINKS = frozenset({"of", "for", "on", "and", "&"})


def _institution_end(doc: Doc, start: int) -> int | None:
    """The end of the capitalised run from ``start`` that finishes the name of an institution a
    known place or organisation opens ("Department of Education" after "U.S.", "Elections
    Project" after "United States"), else None: the run holds an organisation word, no title
    and no other known name ("U.S. Senate Majority Leader Jo Roe" is a person)."""
    j = start
    while j < len(doc):
        word = doc[j].text
        linked = word in _INSTITUTION_LINKS and j > start and j + 1 < len(doc)
        if (word[:1].isupper() and (is_name_token(word) or word in ORG_WORDS)) or (
            linked and is_name_token(doc[j + 1].text)
        ):
            j += 1
        else:
            break
    words = [t.text for t in doc[start:j]]
    if not any(w in ORG_WORDS or w in FUNCTION_NOUNS for w in words) or any(
        w in TITLE_WORDS for w in words
    ):
        return None
    if j < len(doc) and noun_after(doc[j].text):
        return None  # "the Fort Bliss Army base": the names modify a noun, a place's base
    return None if any(t.ent_type_ for t in doc[start:j]) else j


def _span_mention(span: Span, kind: str, offset: int) -> EntityMention:
    """A mention of a name the gazetteer does not hold: its text is its canonical name."""
    start, end = offset + span.start_char, offset + span.end_char
    return EntityMention(span.text, kind, span.text, start, end, ())


def find_entities(doc: Doc, *, offset: int = 0) -> list[EntityMention]:
    """Entity mentions in an already-processed doc (gazetteer first, then fallback)."""
    mentions: list[EntityMention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        entry = lookup_alias(ent.ent_id_) if ent.ent_id_ else None
        canonical = ent.ent_id_ or ent.text
        aliases = entry.aliases if entry else ()
        if (
            entry is not None
            and entry.kind == "person"
            and ent.end - ent.start == 1
            and _other_given_name(doc, ent.start)
        ):
            # "Ivanka Trump", "Eric Trump": a relative who shares the known person's surname.
            span = doc[ent.start - 1 : ent.end]
            mentions.append(_span_mention(span, "person", offset))
            taken.update(range(span.start, span.end))
            continue
        begins = institution_before(doc, ent.start, taken) if ent.label_ == "PLACE" else None
        if begins is not None:
            # "the Bank of Canada", "Transport for Wales": an institution ending in a place.
            span = doc[begins : ent.end]
            mentions.append(_span_mention(span, "organization", offset))
            taken.update(range(span.start, span.end))
            continue
        whole = _institution_end(doc, ent.end) if ent.label_ in _INSTITUTION_OWNERS else None
        if whole is not None:
            # "the U.S. Department of Education", "the Iowa State University": an institution
            # whose name opens with a known place is the institution, not the place.
            span = doc[ent.start : whole]
            mentions.append(_span_mention(span, "organization", offset))
            taken.update(range(span.start, span.end))
            continue
        mentions.append(
            EntityMention(
                ent.text,
                ent.label_.lower(),
                canonical,
                offset + ent.start_char,
                offset + ent.end_char,
                aliases,
            )
        )
        taken.update(range(ent.start, ent.end))
    for start, end, kind in _fallback_names(doc, taken):
        mentions.append(_span_mention(doc[start:end], kind, offset))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions
