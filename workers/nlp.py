"""The shared spaCy pipeline and the gazetteer of canonical entity names.

Everything here is pure Python plus a *blank* spaCy English pipeline: no statistical
model is ever loaded, so nothing is downloaded at run time and results are fully
deterministic.  The pipeline is built once per process (``get_nlp`` is an
``lru_cache``'d singleton) because building the EntityRuler patterns costs far more than
running them.

The pipeline is::

    tokenizer -> factcheck_sentencizer -> entity_ruler

* ``factcheck_sentencizer`` is a quote- and abbreviation-aware replacement for spaCy's
  rule-based ``sentencizer`` (which splits ``territory.” “I told`` in the wrong place and
  cannot tell ``U.S. Army`` from ``the U.S. The``).
* ``entity_ruler`` tags gazetteer aliases with ``ent_id_`` set to the canonical name.

``get_date_matcher`` returns the Matcher used by ``workers.enrichment`` to find candidate
date spans before handing them to dateparser.

Thread-safety: the cached ``Language`` object is only ever *called*; nothing here
mutates it after construction (no ``select_pipes``), so Celery thread pools can share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

__all__ = [
    "DEMONYMS",
    "GAZETTEER",
    "LEADER_TITLES",
    "GazetteerEntry",
    "entity_doc",
    "gazetteer_entry",
    "get_date_matcher",
    "get_nlp",
    "lookup_alias",
    "normalise_alias",
    "quotation_map",
]


# --------------------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------------------


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
        ("The Wall Street Journal", "Wall Street Journal", "WSJ", "the Journal"),
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
_PERSON_TITLES = (
    "President",
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
_NATIONALITY_PREFIXES = ("Mexican", "U.S.", "US", "American", "Canadian", "Cuban")

_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:{})\s+)?(?:{})\s+".format(
        "|".join(re.escape(n) for n in _NATIONALITY_PREFIXES),
        "|".join(re.escape(t) for t in sorted(_PERSON_TITLES, key=len, reverse=True)),
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


def _is_acronym(alias: str) -> bool:
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
            if not _is_acronym(key):
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


# --------------------------------------------------------------------------------------
# Sentence segmentation
# --------------------------------------------------------------------------------------

_TERMINALS = frozenset({".", "!", "?", "...", "…", "?!", "!?", "!!", "??"})
_TRAILING_CLOSERS = frozenset({")", "]", "}", ".", "!", "?", "…"})
_OPEN_DOUBLE = frozenset({"“", "«", "„"})
_CLOSE_DOUBLE = frozenset({"”", "»"})
# Abbreviations that precede a name and so never end a sentence.
_TITLE_ABBREVIATIONS = frozenset(
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Gov.", "Sen.", "Rep.", "Rev.",
        "Adm.", "St.", "Mt.", "Messrs.", "Lt.", "Col.", "Capt.", "Sgt.", "Maj.", "Cmdr.",
        "No.", "Nos.", "vs.", "v.", "e.g.", "i.e.", "E.g.", "I.e.",
    }
)  # fmt: skip
# After an abbreviation that *can* end a sentence ("U.S.", "a.m.", "Inc."), a new
# sentence is only assumed when one of these typical sentence openers follows; a name
# ("U.S. Army") or any other capitalised word keeps the sentence going.
_SENTENCE_OPENERS = frozenset(
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
        "Its", "Their", "Our", "This", "That", "These", "Those", "There", "But", "And",
        "However", "Meanwhile", "In", "On", "At", "As", "After", "Before", "When",
        "While", "Since", "If", "So", "Yet", "Still", "Also", "Earlier", "Later",
        "Last", "Some", "Many", "Most", "No", "Officials", "According",
    }
)  # fmt: skip
# Words that show a quotation is followed by its attribution ("“Why?” she asked").  Wider
# than the extractor's speech verbs: here "asked" only has to glue the sentence together.
_SPEECH_WORDS = frozenset(
    {
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks",
        "wrote", "writes", "replied", "replies", "stated", "states", "noted", "notes",
        "explained", "explains", "claimed", "claims", "insisted", "insists", "warned",
        "warns", "declared", "declares", "continued", "argued", "argues", "recalled",
        "according",
    }
)  # fmt: skip


def quotation_map(doc: Doc, start: int, end: int) -> dict[int, tuple[int, int]]:
    """Map the index of every token of a *matched* quotation (quote marks included) to
    the (open, close) token indices of the outermost quotation around it, for tokens
    ``start:end`` (one paragraph).

    Quotes that never close within the paragraph are ignored (a stray quote mark must
    not stop sentence splitting).  Straight double quotes toggle; curly single quotes
    count only when a standalone ``’`` token closes an open ``‘`` (otherwise ``’`` is an
    apostrophe, e.g. ``U.S.’s``).
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i in range(start, end):
        text = doc[i].text
        if text in _OPEN_DOUBLE:
            stack.append(("d", i))
        elif text in _CLOSE_DOUBLE or (text == '"' and any(k == "D" for k, _ in stack)):
            wanted = {"d", "D"}
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] in wanted:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
        elif text == '"':
            stack.append(("D", i))
        elif text in {"‘"}:
            stack.append(("s", i))
        elif text in {"’", "'"} and any(k == "s" for k, _ in stack):
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == "s":
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
        elif text == "'" and (i == start or doc[i - 1].is_space or doc[i - 1].whitespace_):
            # A straight single quote after a space opens a quotation ('No,' he said).
            stack.append(("s", i))
    inside: dict[int, tuple[int, int]] = {}
    # Outermost pairs win: process the widest spans last so they overwrite nested ones.
    for open_i, close_i in sorted(pairs, key=lambda p: p[1] - p[0]):
        for k in range(open_i, close_i + 1):
            inside[k] = (open_i, close_i)
    return inside


def _attribution_follows(doc: Doc, close_i: int, end: int) -> bool:
    """True when the quotation closing at ``close_i`` is followed by its attribution
    (``..., ” Sheinbaum said``; ``...?” she asked``; ``...” said the minister``)."""
    before = close_i - 1
    while before > 0 and doc[before].text in {"’", "'", "”", '"'}:
        before -= 1
    nxt = close_i + 1
    while nxt < end and doc[nxt].text in {"’", "'", "”", '"'}:
        nxt += 1
    if nxt >= end or doc[nxt].is_space:
        return False
    following = doc[nxt].text
    if following in _OPEN_DOUBLE or following in {"‘", '"', "'"}:
        # Another quotation starts: “… territory.” “I told him …” are two sentences.
        return False
    if following[:1].islower() or following in {",", "—", "–", "-"}:
        return True
    if doc[before].text in {",", "—", "–"}:
        return True
    # "“We will win.” Sheinbaum said." — a speech verb within the next few tokens.
    for k in range(nxt, min(nxt + 5, end)):
        if doc[k].text in _TERMINALS or doc[k].is_space:
            break
        if doc[k].lower_ in _SPEECH_WORDS:
            return True
    return False


def _is_terminal(doc: Doc, i: int, end: int) -> bool:
    text = doc[i].text
    if text in _TERMINALS:
        return True
    if len(text) > 1 and text.endswith(".") and text not in _TITLE_ABBREVIATIONS:
        # A token that swallowed its final period ("U.S.", "a.m.", "Inc.").
        nxt = i + 1
        while nxt < end and doc[nxt].is_space and "\n" not in doc[nxt].text:
            nxt += 1
        return nxt < end and doc[nxt].text in _SENTENCE_OPENERS
    return False


@Language.component("factcheck_sentencizer")
def factcheck_sentencizer(doc: Doc) -> Doc:
    """Set sentence starts: newlines are hard breaks; terminal punctuation (plus any
    closing quotes/brackets after it) ends a sentence unless the next word is lower-case
    or we are inside a quotation that is part of a larger sentence.

    Inside a matched quotation a split is only allowed when the quotation opened the
    current sentence and is *not* followed by its attribution; that keeps
    ``“I told him, ‘No. Never,’” Sheinbaum said.`` and ``He said: “A. B.”`` whole.
    """
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    # Paragraph = maximal run of tokens without a newline.
    paragraphs: list[tuple[int, int]] = []
    para_start = None
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text:
            if para_start is not None:
                paragraphs.append((para_start, i))
                para_start = None
        elif para_start is None and not tok.is_space:
            para_start = i
    if para_start is not None:
        paragraphs.append((para_start, n))

    for p_start, p_end in paragraphs:
        starts[p_start] = True
        inside = quotation_map(doc, p_start, p_end)
        sent_start = p_start
        i = p_start
        while i < p_end:
            if not _is_terminal(doc, i, p_end):
                i += 1
                continue
            j = i + 1
            while j < p_end and (
                doc[j].text in _TRAILING_CLOSERS
                or doc[j].text in _CLOSE_DOUBLE
                or (doc[j].text in {'"', "’", "'"} and inside.get(j, (0, -1))[1] == j)
            ):
                j += 1
            # Skip spaces to the next real token.
            k = j
            while k < p_end and doc[k].is_space:
                k += 1
            if k >= p_end:
                break
            nxt = doc[k].text
            split = not nxt[:1].islower()
            if split and inside.get(j - 1, (0, -1))[1] == j - 1:
                # The quotation just closed: "…?” she asked" style attribution.
                split = not _attribution_follows(doc, j - 1, p_end)
            if split and k in inside and inside[k][0] < k:
                # Still inside a quotation that opened earlier in this sentence.
                close_i = inside[k][1]
                opened_here = any(
                    doc[m].text in _OPEN_DOUBLE or doc[m].text in {'"', "‘", "'"}
                    for m in range(sent_start, min(sent_start + 2, p_end))
                )
                split = opened_here and not _attribution_follows(doc, close_i, p_end)
            if split:
                starts[k] = True
                sent_start = k
            i = k if k > i else i + 1

    # Set all boundaries in one array write: the per-token ``is_sent_start`` setter
    # re-checks the whole doc's annotation each time, which is quadratic.
    # spaCy stores attributes as uint64; -1 ("not a start") wraps, as in Doc.to_array.
    values = numpy.fromiter((1 if flag else -1 for flag in starts), dtype="int64", count=n)
    doc.from_array(["SENT_START"], values.astype("uint64").reshape(n, 1))
    return doc


# --------------------------------------------------------------------------------------
# Pipeline construction
# --------------------------------------------------------------------------------------


def _case_variants(alias: str) -> set[str]:
    """Surface variants matched case-sensitively by the PhraseMatcher.

    Single words and acronyms keep their exact case ("Trump" the name, not "trump" the
    verb; "US", not the pronoun "us").  Multi-word names also match in lower case and
    with only the first letters capitalised ("the United States army", "Defense
    department").
    """
    variants = {alias}
    words = alias.split()
    if len(words) > 1:
        plain = [w if _is_acronym(w) else w.lower() for w in words]
        variants.add(" ".join(plain))
        variants.add(" ".join(w if _is_acronym(w) else w[:1].upper() + w[1:] for w in plain))
        variants.add(" ".join([*words[:-1], plain[-1]]))
    return variants


def _entity_patterns() -> list[dict]:
    """Phrase patterns for the EntityRuler, ``id`` = canonical name.

    Phrase (not token) patterns: the PhraseMatcher is an order of magnitude faster than
    the token Matcher with thousands of alternatives.  Person names also get every
    "(Nationality) Title" prefix ("Mexican President Claudia Sheinbaum").
    """
    patterns: dict[tuple[str, str], dict] = {}
    for entry in GAZETTEER:
        label = entry.kind.upper()
        aliases = []
        for alias in dict.fromkeys((entry.canonical, *entry.aliases)):
            if alias.lower().startswith("the ") and len(alias.split()) > 1:
                # Mentions should not swallow the article ("the Pentagon" -> "Pentagon").
                alias = alias[4:]
            aliases.append(alias)
        for alias in dict.fromkeys(aliases):
            phrases = set(_case_variants(alias))
            if entry.kind == "person":
                for title in _PERSON_TITLES:
                    phrases.add(f"{title} {alias}")
                    for nationality in _NATIONALITY_PREFIXES:
                        phrases.add(f"{nationality} {title} {alias}")
            for phrase in phrases:
                patterns.setdefault(
                    (phrase, entry.canonical),
                    {"label": label, "pattern": phrase, "id": entry.canonical},
                )
    return sorted(patterns.values(), key=lambda p: (p["pattern"], p["id"]))


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide blank English pipeline (built on first use, then cached)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("factcheck_sentencizer")
    ruler = nlp.add_pipe(
        "entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
    )
    ruler.add_patterns(_entity_patterns())  # type: ignore[attr-defined]
    return nlp


def entity_doc(text: str) -> Doc:
    """Tokenise ``text`` and run only the EntityRuler (no sentence splitting).

    Calls the component directly instead of ``select_pipes`` so the shared pipeline is
    never mutated (thread-safe).
    """
    nlp = get_nlp()
    return nlp.get_pipe("entity_ruler")(nlp.make_doc(text))


# --------------------------------------------------------------------------------------
# Date candidate Matcher
# --------------------------------------------------------------------------------------

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_NUMBER = r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
_YEAR = r"^(1[89]\d\d|20\d\d)$"
# Unambiguous months plus abbreviations; "May" (the modal verb) is handled separately
# and only counts next to a day, a year or a preposition.
_SAFE_MONTHS = [m for m in MONTHS if m != "May"] + list(MONTH_ABBREVIATIONS)
_ALL_MONTHS = list(MONTHS) + list(MONTH_ABBREVIATIONS)
_MONTH_CONTEXT = [
    "in", "since", "by", "until", "till", "from", "during", "through", "throughout",
    "before", "after", "of", "last", "next", "this", "early", "late", "mid", "end",
]  # fmt: skip
_NUMBER_WORDS_SMALL = [
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "several", "few", "couple",
]  # fmt: skip


def _date_patterns() -> dict[str, list[list[dict]]]:
    day = {"TEXT": {"REGEX": _DAY_NUMBER}}
    year = {"TEXT": {"REGEX": _YEAR}}
    comma = {"ORTH": ",", "OP": "?"}
    month = {"ORTH": {"IN": _ALL_MONTHS}}
    safe_month = {"ORTH": {"IN": _SAFE_MONTHS}}
    # An optional leading preposition makes "since May 4" / "in May 2024" longer than the
    # competing "since May" match, so the longest-span filter keeps the full date (the
    # preposition is trimmed off afterwards).
    context = {"LOWER": {"IN": [*_MONTH_CONTEXT, "on"]}, "OP": "?"}
    return {
        # granularity is decided from the label (see workers.enrichment)
        "DAY": [
            [context, month, day, comma, year],
            [context, month, day],
            [day, month, year],
            [day, month],
            [{"LOWER": "the"}, day, {"LOWER": "of"}, month, comma, year],
            [{"LOWER": "the"}, day, {"LOWER": "of"}, month],
            [{"LOWER": {"IN": ["last", "next", "this"]}}, {"LOWER": {"IN": list(WEEKDAYS)}}],
            [{"LOWER": {"IN": list(WEEKDAYS)}}],
            [{"LOWER": {"IN": ["yesterday", "today", "tomorrow", "tonight"]}}],
            [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": "before"}, {"LOWER": "yesterday"}],
            [
                {"LOWER": {"IN": _NUMBER_WORDS_SMALL}, "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": ["day", "days"]}},
                {"LOWER": "ago"},
            ],
        ],
        "WEEK": [
            [
                {"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
                {"LOWER": {"IN": ["this", "last", "next", "past"]}},
                {"LOWER": {"IN": ["week", "weekend"]}},
            ],
            [
                {"LOWER": {"IN": _NUMBER_WORDS_SMALL}, "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": ["week", "weeks"]}},
                {"LOWER": "ago"},
            ],
        ],
        "MONTH": [
            [context, month, year],
            [context, month, {"ORTH": ","}, year],
            [{"LOWER": {"IN": _MONTH_CONTEXT}}, {"ORTH": "-", "OP": "?"}, month],
            [safe_month],
            [
                {"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
                {"LOWER": {"IN": ["this", "last", "next", "past"]}},
                {"LOWER": "month"},
            ],
            [
                {"LOWER": {"IN": _NUMBER_WORDS_SMALL}, "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": ["month", "months"]}},
                {"LOWER": "ago"},
            ],
        ],
        "YEAR": [
            [year],
            [
                {"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
                {"LOWER": {"IN": ["this", "last", "next", "past"]}},
                {"LOWER": "year"},
            ],
            [
                {"LOWER": {"IN": _NUMBER_WORDS_SMALL}, "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": ["year", "years"]}},
                {"LOWER": "ago"},
            ],
        ],
    }


@lru_cache(maxsize=1)
def get_date_matcher() -> Matcher:
    """Matcher whose match labels are the date granularity: DAY, WEEK, MONTH, YEAR."""
    nlp = get_nlp()
    matcher = Matcher(nlp.vocab)
    for label, patterns in _date_patterns().items():
        matcher.add(label, patterns)
    return matcher
