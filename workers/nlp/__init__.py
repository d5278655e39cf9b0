"""The shared spaCy pipeline and the gazetteer of canonical entity names.

Everything here is pure Python plus a *blank* spaCy English pipeline: no statistical
model is ever loaded, so nothing is downloaded at run time and results are fully
deterministic.  The pipeline is built once per process (``get_nlp`` is an
``lru_cache``'d singleton) because building the EntityRuler patterns costs far more than
running them.

The pipeline is::

    tokenizer (bounded) -> factcheck_sentencizer -> entity_ruler

* the tokenizer is spaCy's, fed in bounded pieces (``tokenizer.BoundedTokenizer``) so that
  runs of quote marks or brackets cannot make it quadratic.

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

from .date_matcher import get_date_matcher
from .gazetteer import (
    DEMONYMS,
    GAZETTEER,
    LEADER_TITLES,
    GazetteerEntry,
    gazetteer_entry,
    lookup_alias,
    normalise_alias,
)
from .pipeline import entity_doc, get_nlp
from .sentencizer import quotation_map, repair_closing_marks

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
    "repair_closing_marks",
]
