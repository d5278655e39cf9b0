"""The process-wide blank spaCy pipeline: tokenizer (bounded) -> sentencizer -> entity_ruler."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from . import sentencizer  # noqa: F401  (registers the "factcheck_sentencizer" component)
from .gazetteer import GAZETTEER, NATIONALITY_PREFIXES, PERSON_TITLES, is_acronym, lookup_alias
from .sentencizer import RANK_ABBREVIATIONS
from .tokenizer import BoundedTokenizer
from .world import world_kinds


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
        plain = [w if is_acronym(w) else w.lower() for w in words]
        variants.add(" ".join(plain))
        variants.add(" ".join(w if is_acronym(w) else w[:1].upper() + w[1:] for w in plain))
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
                for title in PERSON_TITLES:
                    phrases.add(f"{title} {alias}")
                    for nationality in NATIONALITY_PREFIXES:
                        phrases.add(f"{nationality} {title} {alias}")
            for phrase in phrases:
                patterns.setdefault(
                    (phrase, entry.canonical),
                    {"label": label, "pattern": phrase, "id": entry.canonical},
                )
    taken = {phrase for phrase, _ in patterns}
    for name, kind in world_kinds().items():
        # The world table gives unknown names their kind; the gazetteer's own entries win.
        plain = name[4:] if name.startswith("The ") else name
        if plain in taken or lookup_alias(plain) is not None:
            continue
        taken.add(plain)
        patterns[(plain, plain)] = {"label": kind.upper(), "pattern": plain, "id": plain}
    return sorted(patterns.values(), key=lambda p: (p["pattern"], p["id"]))


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide blank English pipeline (built on first use, then cached)."""
    nlp = spacy.blank("en")
    assert isinstance(nlp.tokenizer, Tokenizer)
    for abbreviation in RANK_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, nlp.vocab)  # linear on any input
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
