"""Recording the machine's enrichment and checklists for many claims at once: one transaction and
a fixed number of bulk queries per batch, whatever its size (the pipeline's claim stages run per
article, or per chunk of a long one). One claim is a batch of one.

By step: `enrichment` (entities, mentions, quantities, dates, similar claims, duplicates),
`checklists` (each claim's checklist from its type's template, the automated results), and `sql`
(the bulk statements both use: rows in as one array per column, history rows copied from the
insert's RETURNING).

Re-running either refreshes machine rows and never overwrites what a person did: editors'
decisions on similar claims are kept, and so are checklist items a person worked on.
"""

from .checklists import checklists_build, templates_forget
from .enrichment import Enriched, claims_enrichment_apply, entities_resolve
from .sql import created_with_history, history_model, inserted

__all__ = [
    "Enriched",
    "checklists_build",
    "claims_enrichment_apply",
    "created_with_history",
    "entities_resolve",
    "history_model",
    "inserted",
    "templates_forget",
]
