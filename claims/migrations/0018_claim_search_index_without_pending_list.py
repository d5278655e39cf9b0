"""The claims' full-text index without GIN's pending list (issue 9).

By default a GIN index takes new entries into a pending list, merged into the index proper only
by VACUUM (autovacuum) or once the list outgrows `gin_pending_list_limit` (4 MB), and every
search reads the whole list besides the index. The pipeline stores an article's claims and at
once searches the index for each one's similar claims, so between two autovacuum runs every
candidate search read every claim stored since the last: 1.7 ms of a claim's 1.8 ms candidate
search with 1,900 entries pending, 0.06 ms once merged (docs/scale.md). With `fastupdate` off
each claim's entries go into the index as it is stored (a little more work per insert, paid once)
and a search reads only the index.

PostgreSQL only; the SQLite path has no such index.
"""

import importlib

from django.db import migrations

# PostgreSQL-only statements, run as migration 0014 runs its own
search_vector = importlib.import_module("claims.migrations.0014_claim_search_vector")

FORWARD = [
    "ALTER INDEX claim_search_idx SET (fastupdate = off)",
    # what is pending now is merged now, not at the next vacuum
    "SELECT gin_clean_pending_list('claim_search_idx'::regclass)",
]
BACKWARD = ["ALTER INDEX claim_search_idx RESET (fastupdate)"]


class Migration(migrations.Migration):
    dependencies = [("claims", "0017_batch_keeps_counts")]

    operations = [
        migrations.RunPython(search_vector.run(FORWARD), search_vector.run(BACKWARD)),
    ]
