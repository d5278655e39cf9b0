"""The full-text index on claims without GIN's pending list (issue 9).

PostgreSQL only. With `fastupdate` on (GIN's default) a new or updated claim's lexemes go to an
unsorted pending list that every search reads in full until a vacuum merges it into the index;
where no vacuum has run yet (a fresh or busy database) the similar-claim candidate search —
once per claim the pipeline records — read that list, or the planner scanned the whole table
instead. Written straight into the index, a row costs a little more to insert and every search
reads only the posting lists of its words: the same rows, found by the index. The list left
by earlier writes is merged now (no write adds to it any more; a vacuum would merge it too).
"""

from django.db import migrations

FORWARD = [
    "ALTER INDEX claim_search_idx SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('claim_search_idx'::regclass)",
]
BACKWARD = ["ALTER INDEX claim_search_idx RESET (fastupdate)"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("claims", "0015_claim_counts")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
