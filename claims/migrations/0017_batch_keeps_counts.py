"""The enrichment batch keeps its claims' mention and similar-claim counts itself.

Migration 0015's statement-level triggers update each claim once per statement that inserts its
parts: an enrichment batch inserting mentions and similar claims in one statement updated each of
its claims twice (two triggers), every update a new version of the claim's row with an entry in
each of its indexes. The batch knows what it inserts: it now adds both counts to each claim in one
UPDATE in the same transaction, and the two insert triggers skip a statement run while the
transaction-local setting `factcheck.batch_counts` is `on` (which only the batch sets, around
its own insert: `claims.services.batch.enrichment`). Every other writer — the admin, the API, a
shell — leaves it unset and the triggers count as before; deletes and updates always do.
"""

import importlib

from django.db import migrations

counts = importlib.import_module("claims.migrations.0015_claim_counts")

SKIPPED = ("claims_mention", "claims_similarclaim")
SKIP = "  IF current_setting('factcheck.batch_counts', true) = 'on' THEN RETURN NULL; END IF;\n"


def _insert_function(table: str, *, skippable: bool) -> str:
    changes = [counts._changes(table, "new_rows", "+")]
    return f"""CREATE OR REPLACE FUNCTION {table}_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
{SKIP if skippable else ""}  {counts._apply(table, changes)}
  RETURN NULL;
END $$"""


FORWARD = [_insert_function(table, skippable=True) for table in SKIPPED]
BACKWARD = [_insert_function(table, skippable=False) for table in SKIPPED]


class Migration(migrations.Migration):
    dependencies = [("claims", "0016_claim_indexes_in_use")]

    operations = [migrations.RunPython(counts.run(FORWARD), counts.run(BACKWARD))]
