"""Stored counts of a claim's parts, for the claims list (issue 13).

PostgreSQL only (SQLite keeps counting with correlated subqueries, `claims.selectors.claims`):
six integer columns on `claims_claim` — checklist items, worked ones, evidence, similar claims
not rejected, entity mentions, other desks' matches — kept by triggers on the five tables of
parts (insert, delete, update: statement-level, so one bulk write updates each claim once). Like
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


def _changes(table: str, transition: str, sign: str) -> str:
    """One row per part in a transition table: its claim and what it adds to each count."""
    columns = ", ".join(
        f"{sign}(CASE WHEN {condition.format(row='r')} THEN 1 ELSE 0 END) AS {column}"
        for column, condition in PARTS[table].items()
    )
    return f"SELECT r.claim_id, {columns} FROM {transition} r"


def _apply(table: str, changes: list[str]) -> str:
    """One UPDATE per statement: the summed changes of the statement's rows, claim by claim."""
    counted = list(PARTS[table])
    sums = ", ".join(f"sum({column}) AS {column}" for column in counted)
    sets = ", ".join(f"{column} = c.{column} + d.{column}" for column in counted)
    moved = " OR ".join(f"d.{column} <> 0" for column in counted)
    union = " UNION ALL ".join(changes)
    return (
        f"UPDATE claims_claim c SET {sets} FROM (SELECT claim_id, {sums} FROM ({union}) x "
        f"GROUP BY claim_id) d WHERE c.id = d.claim_id AND ({moved});"
    )


def _trigger(table: str) -> list[str]:
    # Statement-level triggers with transition tables: a bulk_create of forty checklist items
    # updates each of their claims once, not forty times (the pipeline writes parts in bulk).
    events = {
        "insert": ("REFERENCING NEW TABLE AS new_rows", [_changes(table, "new_rows", "+")]),
        "delete": ("REFERENCING OLD TABLE AS old_rows", [_changes(table, "old_rows", "-")]),
        "update": (
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
            [_changes(table, "old_rows", "-"), _changes(table, "new_rows", "+")],
        ),
    }
    statements = []
    for event, (referencing, changes) in events.items():
        function = f"{table}_counts_{event}"
        statements += [
            f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {_apply(table, changes)}
  RETURN NULL;
END $$""",
            f"CREATE TRIGGER {function} AFTER {event.upper()} ON {table} "
            f"{referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        ]
    return statements


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
EVENTS = ("insert", "delete", "update")
BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS {t}_counts_{e} ON {t}" for t in PARTS for e in EVENTS),
    *(f"DROP FUNCTION IF EXISTS {t}_counts_{e}()" for t in PARTS for e in EVENTS),
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
