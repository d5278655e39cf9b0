"""Recording the checklists of a batch of claims: each claim's items from its type's template,
the automated checks' results, in a fixed number of statements on PostgreSQL.

The templates are read once per process and kept while they are unchanged: each batch asks
PostgreSQL for a fingerprint of the two template tables (their row counts and the sum of their
rows' `xmin`, the transaction that wrote each row version: an insert, an update or a delete in
either table changes it), one small query instead of reading every template and step and
building a model instance of each. New items take their text from the template step in the
insert itself (no step's guidance sent over the wire per item).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import OperationalError, connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from claims.models import (
    ChecklistItem,
    ChecklistState,
    ChecklistTemplate,
    ChecklistTemplateItem,
    Claim,
    ClaimType,
)

from .sql import array, created_with_history, history_model


@dataclass(frozen=True)
class Step:
    """A template step as the build reads it (a `ChecklistTemplateItem`'s fields)."""

    id: int
    order: int
    title: str
    guidance: str
    required: bool
    check_key: str


_templates: dict[str, Any] = {"fingerprint": None, "steps": {}}


def templates_forget() -> None:
    """Drop this process's copy of the templates (the next build reads them again)."""
    _templates.update(fingerprint=None, steps={})


def _fingerprint() -> str | None:
    """What changes whenever either template table does (PostgreSQL); None elsewhere (read the
    templates every time)."""
    if connection.vendor != "postgresql":
        return None
    parts = [
        f"(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM {table})"
        for table in (ChecklistTemplate._meta.db_table, ChecklistTemplateItem._meta.db_table)
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + " || '/' || ".join(parts))
        return cursor.fetchone()[0]


def template_steps() -> dict[str, tuple[Step, ...]]:
    """Each claim type's template steps, in order: this process's copy while the templates are
    unchanged, read again (one query) when they changed."""
    fingerprint = _fingerprint()
    if fingerprint is not None and fingerprint == _templates["fingerprint"]:
        return _templates["steps"]
    steps: dict[str, list[Step]] = {}
    for (
        claim_type,
        pk,
        order,
        title,
        guidance,
        required,
        key,
    ) in ChecklistTemplateItem.objects.order_by("template__claim_type", "order", "id").values_list(
        "template__claim_type", "id", "order", "title", "guidance", "required", "check_key"
    ):
        steps.setdefault(claim_type, []).append(Step(pk, order, title, guidance, required, key))
    found = {claim_type: tuple(each) for claim_type, each in steps.items()}
    for claim_type in ChecklistTemplate.objects.values_list("claim_type", flat=True):
        found.setdefault(claim_type, ())  # a template without steps gives an empty checklist
    _templates.update(fingerprint=fingerprint, steps=found)
    return found


def checklists_build(
    *, claims: Iterable[tuple[Claim, Callable[[str], Any]]], returning: bool = True
) -> dict[int, list[ChecklistItem]]:
    """Give each claim the checklist of its type's template and record the automated results.

    `claims` pairs each claim (its `checklist` prefetched or not) with its `run_check(check_key)`,
    which returns a result with `state` and `result`. Items are matched by title, so running this
    again adds new template items and refreshes automated results, but never changes an item a
    person has worked (done_by set) or a manual item's state. Items no longer in the template (the
    claim's type changed) are removed unless a person worked on them. Returns each claim's items
    (with `returning=False` an empty dict: no model instance is built for a new item).
    """
    templates = template_steps()
    fallback = templates.get(ClaimType.OTHER)
    items_by_claim: dict[int, list[ChecklistItem]] = {}
    created: list[tuple[Claim, Step, str, str, Any]] = []  # (claim, step, state, result, done_at)
    changed: list[ChecklistItem] = []
    stale: list[int] = []
    now = timezone.now()
    for claim, run_check in claims:
        specs = templates.get(claim.claim_type, fallback)
        if specs is None:
            items_by_claim[claim.pk] = []
            continue
        existing = {item.title: item for item in claim.checklist.all()}
        items: list = []
        for spec in specs:
            item = existing.get(spec.title)
            if item is None:
                state, result, done_at = ChecklistState.OPEN, "", None
                if spec.check_key:
                    outcome = run_check(spec.check_key)
                    if (state, result) != (outcome.state, outcome.result):
                        state, result, done_at = outcome.state, outcome.result, now
                created.append((claim, spec, state, result, done_at))
                items.append(len(created) - 1)  # its index in `created`: an instance if returned
                continue
            if item.automated and item.done_by_id is None:
                outcome = run_check(item.check_key)
                if (item.state, item.result) != (outcome.state, outcome.result):
                    item.state, item.result, item.done_at = outcome.state, outcome.result, now
                    changed.append(item)
            items.append(item)
        items_by_claim[claim.pk] = items
        # After a change of claim type, the old type's items go, unless someone worked on them.
        titles = {spec.title for spec in specs}
        stale += [
            item.pk
            for item in existing.values()
            if item.title not in titles and item.done_by_id is None and not item.note
        ]
    # In bulk, with their history rows.
    with transaction.atomic(savepoint=False):  # part of the caller's, when it has one
        new = _items_create(created, instances=returning)
        if changed:
            bulk_update_with_history(changed, ChecklistItem, ["state", "result", "done_at"])
        if stale:
            ChecklistItem.objects.filter(pk__in=stale, done_by__isnull=True, note="").delete()
    if not returning:
        return {}
    return {
        pk: [new[item] if isinstance(item, int) else item for item in items]
        for pk, items in items_by_claim.items()
    }


def _item(claim: Claim, spec: Step, state: str, result: str, done_at: Any) -> ChecklistItem:
    return ChecklistItem(
        claim=claim,
        template_item_id=spec.id,
        order=spec.order,
        title=spec.title,
        guidance=spec.guidance,
        required=spec.required,
        automated=bool(spec.check_key),
        check_key=spec.check_key,
        state=state,
        result=result,
        done_at=done_at,
    )


def _items_create(created: list, *, instances: bool) -> list[ChecklistItem]:
    """Insert the new items with their history rows; returns them as instances (pk set) when
    `instances`, else nothing. On PostgreSQL one statement, the step's fields read from its row."""
    if not created:
        return []
    if connection.vendor != "postgresql":
        objs = [_item(*each) for each in created]
        created_with_history(objs, ChecklistItem)
        return objs
    ids = _items_insert(created)
    if not instances:
        return []
    objs = []
    for each, pk in zip(created, ids, strict=True):
        obj = _item(*each)
        obj.pk, obj._state.adding, obj._state.db = pk, False, connection.alias
        objs.append(obj)
    return objs


# The fields of a new item: its claim and outcome from the batch, the rest from its step's row.
_FROM_STEP = {
    "template_item_id": "s.id",
    "order": 's."order"',
    "title": "s.title",
    "guidance": "s.guidance",
    "required": "s.required",
    "automated": "s.check_key <> ''",
    "check_key": "s.check_key",
    "claim_id": "t.claim_id",
    "state": "t.state",
    "result": "t.result",
    "done_at": "t.done_at",
    "note": "''",
    "done_by_id": "NULL::integer",
}


def _items_insert(created: list) -> list[int]:
    quote = connection.ops.quote_name
    fields = [f for f in ChecklistItem._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(quote(str(f.column)) for f in fields)
    select = ", ".join(_FROM_STEP[f.attname] for f in fields)  # a new field: a KeyError here
    history = history_model(ChecklistItem)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH new AS (INSERT INTO {quote(ChecklistItem._meta.db_table)} ({columns}) "
            f"SELECT {select} FROM unnest(%s::bigint[], %s::bigint[], %s::text[], %s::text[], "
            "%s::timestamptz[]) WITH ORDINALITY AS t(claim_id, step_id, state, result, done_at, n) "
            f"JOIN {quote(ChecklistTemplateItem._meta.db_table)} AS s ON s.id = t.step_id "
            f"ORDER BY t.n RETURNING id, {columns}) "
            f"INSERT INTO {quote(history._meta.db_table)} (id, {columns}, history_date, "
            "history_change_reason, history_type, history_user_id) "
            f"SELECT id, {columns}, %s, NULL, '+', NULL FROM new ORDER BY id RETURNING id",
            [
                array([claim.pk for claim, *_ in created]),
                array([spec.id for _, spec, *_ in created]),
                array([str(state) for _, _, state, _, _ in created]),
                array([result for *_, result, _ in created]),
                array([done_at for *_, done_at in created]),
                timezone.now(),
            ],
        )
        ids = sorted(row[0] for row in cursor.fetchall())
    if len(ids) != len(created):  # a step deleted since the templates were read: retried
        raise OperationalError("a checklist template changed during the build; run it again")
    return ids
