"""Stored counts of a claim's parts, for the claims list (issue 13).

PostgreSQL only (SQLite keeps counting with correlated subqueries, `claims.selectors.claims`):
six integer columns on `claims_claim` — checklist items, worked ones, evidence, similar claims
not rejected, entity mentions, other desks' matches — kept by triggers on the five tables of
parts (insert, delete, and an update that moves a row or changes what it counts as). Like
`search`, they are not model fields: only the list reads them, and a model's save() never
writes them.

The worked-item condition is `claims.workflow.CHECKLIST_WORKED` written in SQL (done or not
applicable, or skipped with a note that is not blank);
`tests/api/test_claim_list.py::test_the_worked_count_agrees_with_the_workflow_rule` holds the
two together.
"""

from django.db import migrations

COUNTS = ("checklist_total", "checklist_worked", "evidence_total", "similar_total")
COUNTS += ("mentions_total", "already_checked_total")

WORKED = "({row}.state IN ('done', 'not_applicable') OR ({row}.state = 'skipped' AND {row}.note ~ '\\S'))"

# table → (what it counts: column = condition on the row)
PARTS = {
    "claims_checklistitem": {"checklist_total": "TRUE", "checklist_worked": WORKED},
    "claims_evidence": {"evidence_total": "TRUE"},
    "claims_similarclaim": {"similar_total": "{row}.decision <> 'rejected'"},
    "claims_mention": {"mentions_total": "TRUE"},
    "claims_externalmatch": {"already_checked_total": "TRUE"},
}
# The columns a part's update must change for its counts to move.
WATCHED = {
    "claims_checklistitem": ("claim_id", "state", "note"),
    "claims_evidence": ("claim_id",),
    "claims_similarclaim": ("claim_id", "decision"),
    "claims_mention": ("claim_id",),
    "claims_externalmatch": ("claim_id",),
}


def _delta(table: str, row: str, sign: str) -> str:
    sets = ", ".join(
        f"{column} = {column} {sign} (CASE WHEN {condition.format(row=row)} THEN 1 ELSE 0 END)"
        for column, condition in PARTS[table].items()
    )
    return f"UPDATE claims_claim SET {sets} WHERE id = {row}.claim_id;"


def _trigger(table: str) -> list[str]:
    function = f"{table}_counts"
    watched = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in WATCHED[table])
    return [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN {_delta(table, "OLD", "-")} END IF;
  IF TG_OP <> 'DELETE' THEN {_delta(table, "NEW", "+")} END IF;
  RETURN NULL;
END $$""",
        f"CREATE TRIGGER {function} AFTER INSERT OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER {function}_update AFTER UPDATE ON {table} "
        f"FOR EACH ROW WHEN ({watched}) EXECUTE FUNCTION {function}()",
    ]


def _backfill() -> str:
    sets = []
    for table, counted in PARTS.items():
        for column, condition in counted.items():
            where = condition.format(row=table)
            sets.append(
                f"{column} = (SELECT count(*) FROM {table} "
                f"WHERE {table}.claim_id = claims_claim.id AND {where})"
            )
    return f"UPDATE claims_claim SET {', '.join(sets)}"


FORWARD = [
    *(f"ALTER TABLE claims_claim ADD COLUMN {c} integer NOT NULL DEFAULT 0" for c in COUNTS),
    *(statement for table in PARTS for statement in _trigger(table)),
    _backfill(),
]
BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS {t}_counts_update ON {t}" for t in PARTS),
    *(f"DROP TRIGGER IF EXISTS {t}_counts ON {t}" for t in PARTS),
    *(f"DROP FUNCTION IF EXISTS {t}_counts()" for t in PARTS),
    *(f"ALTER TABLE claims_claim DROP COLUMN IF EXISTS {c}" for c in COUNTS),
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("claims", "0014_claim_search_vector")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
