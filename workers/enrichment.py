"""Pure enrichment of a claim: entities, quantities and dates; plus fuzzy similarity.

Nothing here touches a database or the network.  Entities come from the shared blank
spaCy pipeline (EntityRuler over the gazetteer in ``workers.nlp``) plus a conservative
capitalised-name fallback; quantities from regular expressions; dates from a spaCy
Matcher that finds *candidate spans* which are then resolved one by one with dateparser
against the article's reference date.

All spans are ``offset + index into text`` so a caller can pass the claim's start
offset in the article body and get body offsets back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workers.enrich.dates import DateMention, find_date_spans, resolve_dates
from workers.enrich.entities import EntityMention, canonical_entity, find_entities
from workers.enrich.name_words import IRREGULAR_PAST, NOT_NAME_WORDS, names_institution
from workers.enrich.quantities import QuantityMention, find_quantities, looks_like_year
from workers.enrich.similarity import rank_similar, similarity
from workers.nlp import get_nlp

__all__ = [
    "IRREGULAR_PAST",
    "NOT_NAME_WORDS",
    "DateMention",
    "Enrichment",
    "EntityMention",
    "QuantityMention",
    "canonical_entity",
    "enrich",
    "find_date_spans",
    "find_entities",
    "find_quantities",
    "looks_like_year",
    "names_institution",
    "rank_similar",
    "resolve_dates",
    "similarity",
]


@dataclass(frozen=True)
class Enrichment:
    entities: tuple[EntityMention, ...]
    quantities: tuple[QuantityMention, ...]
    dates: tuple[DateMention, ...]


def enrich(text: str, *, reference_date: dt.date, offset: int = 0) -> Enrichment:
    """Entities, quantities and dates in ``text``; spans are ``offset + index``."""
    doc = get_nlp()(text)
    date_spans = find_date_spans(text, doc)
    return Enrichment(
        entities=tuple(find_entities(doc, offset=offset)),
        quantities=tuple(
            find_quantities(text, offset=offset, date_spans=[(s, e) for s, e, _ in date_spans])
        ),
        dates=tuple(resolve_dates(text, reference_date, offset=offset, spans=date_spans)),
    )
