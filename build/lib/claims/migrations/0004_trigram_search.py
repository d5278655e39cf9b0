"""Trigram similarity for finding similar claims: the pg_trgm extension and a GIN index on claim
text. PostgreSQL only; on SQLite the similar-claims search takes its portable path instead."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS claim_text_trgm_idx ON claims_claim USING gin (text gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS claim_text_trgm_idx"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_checklist_templates")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
