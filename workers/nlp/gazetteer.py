"""The gazetteer: canonical entity names, their aliases, and the lookups over them (a data
table plus the few functions that read it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class GazetteerEntry:
    """One canonical entity and the surface forms that refer to it.

    ``gender`` is only used to resolve "he"/"she" to the right person; ``news`` marks
    news organisations so that "the news outlet"/"the newspaper" can refer back to them;
    ``heads`` are generic nouns that can stand in for the entity once it has been named
    ("the department", "the council").
    """

    canonical: str
    kind: str  # person | organization | place | group
    aliases: tuple[str, ...]
    gender: str | None = None
    news: bool = False
    heads: tuple[str, ...] = ()


GAZETTEER: tuple[GazetteerEntry, ...] = (
    # --- people --------------------------------------------------------------------
    GazetteerEntry(
        "Donald Trump",
        "person",
        ("Donald Trump", "Trump", "Donald J. Trump", "President Trump", "President Donald Trump"),
        gender="male",
    ),
    GazetteerEntry(
        "Claudia Sheinbaum",
        "person",
        (
            "Claudia Sheinbaum",
            "Sheinbaum",
            "Claudia Sheinbaum Pardo",
            "President Sheinbaum",
            "President Claudia Sheinbaum",
            "Mexican President Claudia Sheinbaum",
        ),
        gender="female",
    ),
    GazetteerEntry("Joe Biden", "person", ("Joe Biden", "Biden", "Joseph Biden"), gender="male"),
    GazetteerEntry("Justin Trudeau", "person", ("Justin Trudeau", "Trudeau"), gender="male"),
    GazetteerEntry("Mark Carney", "person", ("Mark Carney", "Carney"), gender="male"),
    GazetteerEntry(
        "Andrés Manuel López Obrador",
        "person",
        ("Andrés Manuel López Obrador", "López Obrador", "Lopez Obrador", "AMLO"),
        gender="male",
    ),
    GazetteerEntry("Pete Hegseth", "person", ("Pete Hegseth", "Hegseth"), gender="male"),
    GazetteerEntry("Marco Rubio", "person", ("Marco Rubio", "Rubio"), gender="male"),
    # --- places --------------------------------------------------------------------
    GazetteerEntry(
        "United States",
        "place",
        (
            "United States",
            "the United States",
            "United States of America",
            "the United States of America",
            "U.S.",
            "US",
            "U.S.A.",
            "USA",
            "America",
        ),
        heads=("country",),
    ),
    GazetteerEntry("Mexico", "place", ("Mexico",), heads=("country",)),
    GazetteerEntry("Mexico City", "place", ("Mexico City",), heads=("city", "capital")),
    GazetteerEntry("Canada", "place", ("Canada",), heads=("country",)),
    GazetteerEntry("Cuba", "place", ("Cuba",), heads=("country",)),
    GazetteerEntry("China", "place", ("China",), heads=("country",)),
    GazetteerEntry("Texas", "place", ("Texas",), heads=("state",)),
    GazetteerEntry("New Mexico", "place", ("New Mexico",), heads=("state",)),
    GazetteerEntry("California", "place", ("California",), heads=("state",)),
    GazetteerEntry("Arizona", "place", ("Arizona",), heads=("state",)),
    GazetteerEntry("El Paso", "place", ("El Paso",), heads=("city",)),
    GazetteerEntry("Fort Bliss", "place", ("Fort Bliss",), heads=("base",)),
    GazetteerEntry("Washington", "place", ("Washington", "Washington, D.C."), heads=("city",)),
    GazetteerEntry("Havana", "place", ("Havana", "La Habana"), heads=("city", "capital")),
    # --- organisations -------------------------------------------------------------
    GazetteerEntry(
        "The Wall Street Journal",
        "organization",
        ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
        news=True,
        heads=("newspaper", "paper", "outlet", "news outlet", "publication", "journal"),
    ),
    GazetteerEntry(
        "Reuters",
        "organization",
        ("Reuters", "Reuters news agency", "Thomson Reuters"),
        news=True,
        heads=("agency", "news agency", "outlet", "news outlet"),
    ),
    GazetteerEntry(
        "Associated Press",
        "organization",
        ("Associated Press", "The Associated Press", "AP"),
        news=True,
        heads=("agency", "news agency", "outlet", "news outlet"),
    ),
    GazetteerEntry(
        "Agence France-Presse",
        "organization",
        ("Agence France-Presse", "Agence France Presse", "AFP"),
        news=True,
        heads=("agency", "news agency", "outlet", "news outlet"),
    ),
    GazetteerEntry(
        "The New York Times",
        "organization",
        ("The New York Times", "New York Times", "NYT"),
        news=True,
        heads=("newspaper", "paper", "outlet", "news outlet", "publication"),
    ),
    GazetteerEntry(
        "BBC",
        "organization",
        ("BBC", "British Broadcasting Corporation", "BBC News"),
        news=True,
        heads=("broadcaster", "outlet", "news outlet", "network"),
    ),
    GazetteerEntry(
        "Radio Habana Cuba",
        "organization",
        ("Radio Habana Cuba", "Radio Havana Cuba", "RHC"),
        news=True,
        heads=("broadcaster", "outlet", "news outlet", "station"),
    ),
    GazetteerEntry(
        "teleSUR",
        "organization",
        ("teleSUR", "TeleSUR", "Telesur"),
        news=True,
        heads=("broadcaster", "outlet", "news outlet", "network"),
    ),
    GazetteerEntry(
        "Al Jazeera",
        "organization",
        ("Al Jazeera",),
        news=True,
        heads=("broadcaster", "outlet", "news outlet", "network"),
    ),
    GazetteerEntry(
        "U.S. National Security Council",
        "organization",
        (
            "U.S. National Security Council",
            "US National Security Council",
            "United States National Security Council",
            "National Security Council",
            "NSC",
        ),
        heads=("council",),
    ),
    GazetteerEntry(
        "U.S. Department of Defense",
        "organization",
        (
            "U.S. Department of Defense",
            "US Department of Defense",
            "United States Department of Defense",
            "Department of Defense",
            "U.S. Defense Department",
            "US Defense Department",
            "Defense Department",
            "Pentagon",
            "the Pentagon",
            "DoD",
            "Department of War",
        ),
        heads=("department", "pentagon", "ministry"),
    ),
    GazetteerEntry(
        "U.S. Department of Homeland Security",
        "organization",
        (
            "U.S. Department of Homeland Security",
            "US Department of Homeland Security",
            "Department of Homeland Security",
            "Homeland Security Department",
            "Homeland Security",
            "DHS",
        ),
        heads=("department",),
    ),
    GazetteerEntry(
        "U.S. Army",
        "organization",
        ("U.S. Army", "US Army", "United States Army", "the United States army"),
        heads=("army",),
    ),
    GazetteerEntry(
        "U.S. Department of State",
        "organization",
        ("U.S. Department of State", "State Department", "U.S. State Department"),
        heads=("department",),
    ),
    GazetteerEntry(
        "White House",
        "organization",
        ("White House", "the White House"),
        heads=("white house",),
    ),
    GazetteerEntry(
        "Mexican government",
        "organization",
        ("Mexican government", "government of Mexico"),
        heads=("government",),
    ),
    # --- groups (optional per the brief, kept small) --------------------------------
    GazetteerEntry(
        "Mexican drug cartels",
        "group",
        ("Mexican drug cartels", "Mexican drug gangs", "Mexican cartels"),
        heads=("cartels", "gangs"),
    ),
    GazetteerEntry("drug cartels", "group", ("drug cartels",), heads=("cartels",)),
)

# Demonyms and adjectival country forms -> canonical place, used to read roles such as
# "the Mexican leader" or "her U.S. counterpart".
DEMONYMS: dict[str, str] = {
    "mexican": "Mexico",
    "mexico's": "Mexico",
    "u.s.": "United States",
    "us": "United States",
    "american": "United States",
    "united states": "United States",
    "canadian": "Canada",
    "canada's": "Canada",
    "cuban": "Cuba",
    "chinese": "China",
    "british": "United Kingdom",
    "french": "France",
    "german": "Germany",
}

# Titles that all denote "the head of government" and so can corefer:
# "Mexican President Claudia Sheinbaum" ... "the Mexican leader".
LEADER_TITLES: frozenset[str] = frozenset(
    {"president", "leader", "prime minister", "premier", "head of state", "counterpart"}
)

# Person-title prefixes that may precede a gazetteer person name ("U.S. President Donald Trump").
PERSON_TITLES = (
    "President",
    "Pres.",
    "Prime Minister",
    "Premier",
    "Vice President",
    "Senator",
    "Sen.",
    "Governor",
    "Gov.",
    "Secretary",
    "Defense Secretary",
    "Secretary of State",
    "Minister",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
)
NATIONALITY_PREFIXES = ("Mexican", "U.S.", "US", "American", "Canadian", "Cuban")

_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:{})\s+)?(?:{})\s+".format(
        "|".join(re.escape(n) for n in NATIONALITY_PREFIXES),
        "|".join(re.escape(t) for t in sorted(PERSON_TITLES, key=len, reverse=True)),
    ),
    re.IGNORECASE,
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise_alias(name: str) -> str:
    """Fold a surface form to the key used for gazetteer lookups.

    Straightens curly apostrophes, strips a trailing possessive ("Trump's"), markdown
    emphasis and surrounding punctuation, and collapses whitespace.  Case is kept: the
    caller decides whether to compare case-sensitively.
    """
    text = name.translate(_APOSTROPHES).strip().strip('*_#"“”[]()').strip()
    text = re.sub(r"'s$", "", text)
    text = text.rstrip(",;:")
    return re.sub(r"\s+", " ", text)


def is_acronym(alias: str) -> bool:
    # "US", "U.S.", "NSC", "AP": these must match case-sensitively, otherwise the
    # pronoun "us" or the word "ap" would resolve to an entity.
    letters = alias.replace(".", "")
    return letters.isalpha() and (alias.isupper() or "." in alias) and len(letters) <= 5


@lru_cache(maxsize=1)
def _alias_index() -> tuple[dict[str, GazetteerEntry], dict[str, GazetteerEntry]]:
    """(case-sensitive index, case-folded index) of every alias."""
    exact: dict[str, GazetteerEntry] = {}
    folded: dict[str, GazetteerEntry] = {}
    for entry in GAZETTEER:
        for alias in (entry.canonical, *entry.aliases):
            key = normalise_alias(alias)
            exact.setdefault(key, entry)
            if not is_acronym(key):
                folded.setdefault(key.casefold(), entry)
                if key.casefold().startswith("the "):
                    folded.setdefault(key.casefold()[4:], entry)
    return exact, folded


def lookup_alias(name: str) -> GazetteerEntry | None:
    """Return the gazetteer entry for a surface form, or None.

    Acronyms ("US", "AP") only match with their exact case; everything else is
    case-insensitive and tolerates a leading "the" and a possessive "'s".
    """
    key = normalise_alias(name)
    if not key:
        return None
    exact, folded = _alias_index()
    if key in exact:
        return exact[key]
    lowered = key.casefold()
    if lowered in folded:
        return folded[lowered]
    if lowered.startswith("the "):
        stripped = key[4:]
        found = exact.get(stripped) or folded.get(stripped.casefold())
        if found is not None:
            return found
    # "U.S. President Donald Trump", "Defense Secretary Pete Hegseth": drop the title.
    untitled = _TITLE_PREFIX_RE.sub("", key)
    if untitled != key and untitled:
        found = exact.get(untitled) or folded.get(untitled.casefold())
        if found is not None and found.kind == "person":
            return found
    return None


def gazetteer_entry(canonical: str) -> GazetteerEntry | None:
    """The entry whose canonical name is ``canonical`` (exact match)."""
    for entry in GAZETTEER:
        if entry.canonical == canonical:
            return entry
    return None
