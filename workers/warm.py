"""Loading the language models a pipeline task needs, ahead of the first task.

The worker's main process calls `load_models()` before it forks its pool (Celery's `worker_init`
signal): every pool process then starts with the models in memory, shared copy-on-write, rather
than each spending ~2 s of its first task building spaCy, the gazetteer's EntityRuler, the
language identifier, the check-worthiness model and dateparser's tables. Pure: no Django.
"""

from __future__ import annotations

import datetime as dt

from . import enrichment, extraction, language

_SAMPLE = (
    "The minister said on Friday that unemployment fell by 3.2% to 1.4 million in London. "
    "Die Regierung hat am Montag neue Zahlen veröffentlicht, sagte der Sprecher."
)


def load_models(scorer: str = extraction.DEFAULT_SCORER) -> None:
    """Build and cache every model the extract and claim stages use, by running them once."""
    language.detect_language(_SAMPLE)
    language._identifier()  # English text never reaches the identifier: load it anyway
    for candidate in extraction.extract_claims(_SAMPLE, scorer=extraction.get_scorer(scorer)):
        enrichment.enrich(candidate.text, reference_date=dt.date(2025, 5, 4))
    enrichment.enrich(_SAMPLE, reference_date=dt.date(2025, 5, 4))
