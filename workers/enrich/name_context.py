"""What the words around a name the gazetteer does not know say about its kind.

The fallback name finder (entities.py) guesses from the name itself; these rules read its
neighbours: "the Dnipro river" and "the Donbas region" name places, so do "the mayor of
Cremona", "she toured Bergamo" and "Lombardy and Piedmont"; "Moody's said" names a company.
A name that opens with a given name or holds a title stays the finder's to judge. Pure: no
Django.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from workers.nlp import DEMONYMS
from workers.nlp.first_names import first_name_gender
from workers.nlp.world import nationality_words

from .name_words import (
    COMPASS_POINTS,
    FUNCTION_NOUNS,
    ORG_WORDS,
    PLACE_WORDS,
    TITLE_WORDS,
    is_name_token,
)

# A lower-case noun after a name that makes the name a place's ("the Dnipro river").
GEOGRAPHIC_NOUNS = frozenset(
    {"river", "valley", "region", "province", "basin", "delta", "lake", "sea", "coast",
     "island", "islands", "mountains", "peninsula", "desert", "strait", "bay", "gulf",
     "oblast", "prefecture", "canton", "governorate", "archipelago", "plateau", "estuary"}
)  # fmt: skip
# Nouns whose "of" names a place: "the mayor of Cremona", "residents of Tuzla".
PLACE_HEADS = frozenset(
    {"mayor", "mayors", "city", "town", "village", "province", "region", "outskirts",
     "residents", "streets", "centre", "center", "suburbs", "capital", "county", "district",
     "people", "governor", "port", "municipality", "citizens", "inhabitants", "area",
     "north", "south", "east", "west", "heart"}
)  # fmt: skip
# Verbs whose object is a place when it is a bare name ("toured Bergamo", "shelled Lodi");
# not "visited" or "reached", which take a person named by surname as often ("visited Roe").
VISIT_VERBS = frozenset(
    {"toured", "tour", "tours", "touring", "entered", "evacuated", "flooded", "shelled",
     "bombed", "liberated", "annexed", "besieged"}
)  # fmt: skip
# Verbs after "X's" that make "X's" a company's name, not a possessive ("Moody's said").
COMPANY_VERBS = frozenset(
    {"said", "says", "estimated", "estimates", "reported", "reports", "announced", "cut",
     "raised", "downgraded", "upgraded", "warned", "forecast", "predicted", "rated", "expects"}
)  # fmt: skip
_POSSESSIVE = frozenset({"'s", "’s"})
# Words that open a region's name before another name ("West Yorkshire", "Greater Manchester");
# not "Western", "Southern", which open companies and outlets as often ("Western Journalism").
_AREA_QUALIFIERS = COMPASS_POINTS | {"Greater", "Upper", "Lower"}


def _plain(doc: Doc, i: int, j: int) -> bool:
    """No given name opens the run and no title is in it: the context may judge it."""
    words = [t.text for t in doc[i:j]]
    return not first_name_gender(words[0]) and not any(w in TITLE_WORDS for w in words)


def _is_place(doc: Doc, k: int, found: list[tuple[int, int, str]]) -> bool:
    if doc[k].ent_type_ == "PLACE":
        return True
    return bool(found) and found[-1][1] == k + 1 and found[-1][2] == "place"


def place_by_context(doc: Doc, i: int, j: int, found: list[tuple[int, int, str]]) -> bool:
    """Do the words around the run ``i:j`` make it a place?"""
    if not _plain(doc, i, j):
        return False
    if j - i >= 2 and doc[i].text in _AREA_QUALIFIERS:
        return not any(t.text in ORG_WORDS for t in doc[i:j])  # "West Yorkshire", "East Anglia"
    if j < len(doc) and doc[j].lower_ in GEOGRAPHIC_NOUNS and doc[j].text.islower():
        return True  # "the Dnipro river", "the Donbas region"
    if j - i != 1 or i < 1:
        return False
    before = doc[i - 1].lower_
    if before in VISIT_VERBS:
        return True  # "she toured Bergamo"
    if i >= 2 and before == "of" and doc[i - 2].lower_ in PLACE_HEADS:
        return True  # "the mayor of Cremona", "the city of Lodi"
    # "Lombardy and Piedmont": a bare name joined to a place is one too.
    return i >= 2 and before in {"and", "or"} and _is_place(doc, i - 2, found)


# A lower-case noun of trade just before a name makes it a business's ("German carmaker Volkhaus",
# "research firm Dataforce", "the app Tilly"); not "rival" or "partner", said of persons too.
TRADE_NOUNS = frozenset(
    {"carmaker", "automaker", "retailer", "airline", "carrier", "bank", "lender", "insurer",
     "chipmaker", "drugmaker", "miner", "broadcaster", "publisher", "brewer", "firm", "company",
     "startup", "start-up", "conglomerate", "manufacturer", "supermarket", "grocer", "utility",
     "giant", "maker", "platform", "app", "website", "newspaper", "network", "consultancy",
     "outlet", "supplier", "distributor", "shipper", "operator", "producer", "exchange"}
)  # fmt: skip
# Staff "at" a name work for it, not in it ("analysts at Berenberg", "economists at Lydon").
STAFF_NOUNS = frozenset(
    {"analyst", "analysts", "economist", "economists", "strategist", "strategists", "traders",
     "bankers", "executives", "researchers", "employees", "staff", "spokesman", "spokeswoman",
     "spokesperson", "executive", "lawyers", "engineers"}
)  # fmt: skip
# Nouns after a name that make it a business's ("the Sola and Marten brands", "shares in X").
_BRAND_NOUNS = frozenset({"brand", "brands", "chain", "label", "franchise"})
_HOLDING_NOUNS = frozenset({"shares", "stake", "stakes", "stock", "holding"})


def org_by_context(doc: Doc, i: int, j: int) -> bool:
    """Do the words around the run ``i:j`` make it an organisation ("German carmaker Volkhaus",
    "analysts at Berenberg", "the Marten brand", "shares in Volkhaus")? A name opening with a
    given name or holding a title is a person's ("rival Jo Roe")."""
    if not _plain(doc, i, j):
        return False
    if i >= 1 and doc[i - 1].lower_ in TRADE_NOUNS and doc[i - 1].text.islower():
        return True
    if j < len(doc) and doc[j].text in _BRAND_NOUNS:
        return True
    if i >= 2 and doc[i - 1].lower_ in {"at", "in"}:
        holder = doc[i - 2].lower_
        return holder in (STAFF_NOUNS if doc[i - 1].lower_ == "at" else _HOLDING_NOUNS)
    return False


def in_context(
    doc: Doc, i: int, j: int, kind: str, found: list[tuple[int, int, str]], taken: set[int]
) -> tuple[int, int, str]:
    """The run ``i:j`` the finder guessed ``kind`` for, as its neighbours read it: an
    organisation ("German carmaker Volkhaus", "analysts at Berenberg"), a place ("the Dnipro
    river", "the mayor of Cremona"), with the people's adjective that opens an organisation's
    name ("the American Medical Association")."""
    if kind in {"person", "place"} and org_by_context(doc, i, j):
        kind = "organization"
    elif kind in {"person", "organization"} and place_by_context(doc, i, j, found):
        kind = "place"
    named = kind == "organization" and any(t.text in ORG_WORDS for t in doc[i:j])
    return (i - 1 if named and demonym_opens(doc, i, taken) else i, j, kind)


def office_object_end(doc: Doc, i: int, j: int) -> int | None:
    """Where the person's name starts in a run after an office's "of" ("Secretary of State Jo
    Roe", "Supervisor of Elections Ann Roe"): at a given name one or two words in, before a
    surname; None when the run names no person that way."""
    if i < 2 or doc[i - 1].lower_ != "of" or not doc[i - 2].text[:1].isupper():
        return None
    return next((k for k in (i + 1, i + 2) if k < j - 1 and first_name_gender(doc[k].text)), None)


def company_end(doc: Doc, i: int, j: int) -> int | None:
    """The end of "Moody's" in "Moody's said" (a name with its 's before a verb of reporting
    or rating), else None; "Roe's plan said" is a possessive."""
    if j + 1 >= len(doc) or doc[j].text not in _POSSESSIVE or doc[j - 1].whitespace_:
        return None
    if doc[j + 1].lower_ not in COMPANY_VERBS or not _plain(doc, i, j):
        return None
    return j + 1


def possessive_org_end(doc: Doc, i: int, j: int, taken: set[int]) -> int | None:
    """The end of an organisation whose name holds a possessive ("The King's Fund", "St
    James's University Hospital", "the Automobile Manufacturers' Association"): the run
    ``i:j``, its 's, then a run of names with an organisation's word in it; else None ("Roe's
    Harbor Foods deal" holds no such word after the 's, "Jo Roe's Foundation" opens with a given
    name)."""
    if j + 1 >= len(doc) or doc[j - 1].whitespace_:
        return None
    plural = doc[j].text in {"'", "’"} and doc[j - 1].text.endswith("s")  # "Manufacturers'"
    if not (doc[j].text in _POSSESSIVE or plural):
        return None
    if not _plain(doc, i, j):
        return None
    k = j + 1
    while k < len(doc) and k not in taken and is_name_token(doc[k].text):
        k += 1
    return k if k > j + 1 and any(t.text in ORG_WORDS for t in doc[j + 1 : k]) else None


def demonym_opens(doc: Doc, i: int, taken: set[int]) -> bool:
    """Does a people's adjective just before an organisation's name belong to it ("the European
    Automobile Manufacturers' Association", "the American Medical Association")?"""
    if i < 1 or (i - 1) in taken:
        return False
    word = doc[i - 1].text
    people = word.lower() in DEMONYMS or word.casefold() in nationality_words()
    return word[:1].isupper() and people


def _name_word(text: str) -> bool:
    """A word of a name, not a party's letter or a state's abbreviation ("D", "N.Y.")."""
    return len(text) >= 2 and text.isalpha() and not text.isupper() and is_name_token(text)


def hyphen_join(doc: Doc, j: int, taken: set[int]) -> bool:
    """Does a name run on through an unspaced hyphen at ``j`` ("Emilia-Romagna",
    "Ocasio-Cortez"; not "D-N.Y.", "R-Calif.")?"""
    return (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and j + 1 not in taken
        and _name_word(doc[j - 1].text)
        and _name_word(doc[j + 1].text)
    )


# Words that make an institution of the place named right after them ("Police Scotland",
# "Health Canada", "Transport for London" with its "for").
_SERVICE_WORDS = frozenset({"Police", "Health", "Transport"})


def _ends_name(doc: Doc, k: int) -> bool:
    """Does a name end before token ``k``: the text's end, punctuation, a function word or a
    verb of reporting ("NHS England said", "… by NHS England on Thursday"; not "the GOP Ohio
    primary", "the UN Syria envoy")?"""
    if k >= len(doc) or doc[k].is_punct or doc[k].lower_ in STOP_WORDS:
        return True
    return doc[k].lower_ in COMPANY_VERBS | {"published", "announced", "confirmed"}


def institution_before(doc: Doc, place: int, taken: set[int]) -> int | None:
    """Where an institution's name that ends in the place starting at ``place`` begins ("the
    Bank of Canada", "the Reserve Bank of India", "Transport for Wales", "Police Scotland",
    "NHS England"),
    else None ("the mayor of London", "Voters in Ohio")."""
    service = place >= 1 and (
        doc[place - 1].text in _SERVICE_WORDS
        or (re.fullmatch(r"[A-Z]{2,6}", doc[place - 1].text) and _ends_name(doc, place + 1))
    )
    if service and (place - 1) not in taken:
        return place - 1  # "Police Scotland", "NHS England": an unknown acronym before a place
    if place < 2 or doc[place - 1].lower_ not in {"of", "for"}:
        return None
    head = place - 2
    if head in taken or not (
        doc[head].text in ORG_WORDS or doc[head].text in FUNCTION_NOUNS | _SERVICE_WORDS
    ):
        return None
    start = head
    while start > 0 and (start - 1) not in taken:
        before = doc[start - 1]
        if before.lower_ in {"of", "for"} and start >= 2 and is_name_token(doc[start - 2].text):
            start -= 1  # "the Ministry of Defence of Ukraine": one name
        elif is_name_token(before.text) and before.lower_ not in STOP_WORDS:
            start -= 1  # "the Reserve Bank of India"; "The" opens no name
        else:
            break
    return start


# Prepositions spaCy counts as no stop word: opening a sentence, they are capitalised for that
# alone ("Outside Acme's plant, …", "Amid Roe's rise, …"), and the name starts after them.
OPENING_PREPOSITIONS = frozenset(
    {"outside", "inside", "near", "amid", "amidst", "unlike", "following", "beneath", "atop",
     "alongside", "including", "excluding", "concerning", "regarding"}
)  # fmt: skip


_QUOTES = frozenset({'"', "“", "‘", "'", "''"})


def opening_word_end(doc: Doc, i: int, j: int) -> int | None:
    """Where the name starts in a run ``i:j`` that opens a sentence with a word capitalised
    only for that: a function word or a preposition ("Though Roe won", "Outside Acme's plant"),
    or a common noun and its "of" ("Footage of Jo Roe", "Supporters of Acme"); else None. A
    noun that names an institution ("Bank of Canada"), a title ("Secretary of State") or a
    given name ("Jo of Acme") keeps its run."""
    before = i - 1
    while before >= 0 and doc[before].text in _QUOTES:
        before -= 1
    if j - i < 2 or (before >= 0 and is_name_token(doc[before].text)):
        return None  # Jo "Chico" Roe of Acme: a nickname in quotation marks, no opening
    word = doc[i].text
    if doc[i].lower_ in STOP_WORDS or doc[i].lower_ in OPENING_PREPOSITIONS:
        return i + 1
    if j - i < 3 or doc[i + 1].lower_ != "of" or not (word.isalpha() and word[1:].islower()):
        return None
    institutional = ORG_WORDS | FUNCTION_NOUNS | PLACE_WORDS | TITLE_WORDS | _SERVICE_WORDS
    if word in institutional or first_name_gender(word):
        return None
    return i + 2
