"""Recording the machine's enrichment and checklists for many claims at once: one transaction and
a fixed number of bulk queries per batch, whatever its size (the pipeline's claim stages run per
article, or per chunk of a long one). One claim is a batch of one.

Re-running either refreshes machine rows and never overwrites what a person did: editors'
decisions on similar claims are kept, and so are checklist items a person worked on.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from claims.models import (
    ChecklistItem,
    ChecklistTemplate,
    Claim,
    ClaimEvent,
    ClaimType,
    DateMention,
    Entity,
    EventKind,
    Mention,
    Quantity,
    SimilarClaim,
    SimilarityDecision,
)

# (claim, what the enrichment found, [(similar claim id, score)])
Enriched = tuple[Claim, Any, list[tuple[int, float]]]


def entities_resolve(*, wanted: dict[tuple[str, str], set[str]]) -> dict[tuple[str, str], Entity]:
    """The one Entity row per (kind, canonical name) in `wanted`, created when new, with the
    names it was seen under added to its aliases. Three queries, however many entities."""
    keys = {(kind, name[:300]): aliases for (kind, name), aliases in wanted.items()}
    if not keys:
        return {}
    found = _entities_insert_and_read(list(keys)) if connection.vendor == "postgresql" else {}
    missing = [key for key in keys if key not in found]
    if missing:  # not PostgreSQL, or created by a transaction that committed meanwhile
        Entity.objects.bulk_create(
            [Entity(kind=kind, name=name) for kind, name in missing], ignore_conflicts=True
        )
        found |= {
            (e.kind, e.name): e
            for e in Entity.objects.filter(name__in={name for _, name in missing})
            if (e.kind, e.name) in keys
        }
    changed = []
    for key, entity in found.items():
        aliases = sorted({*entity.aliases, *(a for a in keys[key] if a != entity.name)})
        if aliases != entity.aliases:
            entity.aliases = aliases
            changed.append(entity)
    if changed:
        Entity.objects.bulk_update(changed, ["aliases"])
    return found


# The rows of (kind, name) pairs, created when new, in one statement. Its read does not see a
# row another transaction committed while the insert waited on it (the statement's snapshot):
# the caller reads any pair missing again.
_ENTITIES_INSERT_AND_READ = """
WITH k AS (SELECT * FROM unnest(%s::varchar[], %s::varchar[]) AS k(kind, name)),
new AS (
    INSERT INTO claims_entity (kind, name, aliases) SELECT kind, name, '[]'::jsonb FROM k
    ON CONFLICT DO NOTHING RETURNING id, kind, name, aliases
)
SELECT id, kind, name, aliases FROM new
UNION ALL
SELECT e.id, e.kind, e.name, e.aliases FROM claims_entity AS e JOIN k USING (kind, name)
"""


def _entities_insert_and_read(keys: list[tuple[str, str]]) -> dict[tuple[str, str], Entity]:
    with connection.cursor() as cursor:
        cursor.execute(
            _ENTITIES_INSERT_AND_READ, [[kind for kind, _ in keys], [name for _, name in keys]]
        )
        rows = cursor.fetchall()
    return {  # Django reads jsonb as text, for JSONField to parse
        (kind, name): Entity(
            id=pk, kind=kind, name=name, aliases=json.loads(a) if isinstance(a, str) else a
        )
        for pk, kind, name, a in rows
    }


def claims_enrichment_apply(*, results: Iterable[Enriched]) -> dict[int, list[int]]:
    """Replace each claim's machine enrichment (mentions, quantities, dates, similar suggestions).

    Editors' decisions on similar claims are kept. A claim whose best match reaches the duplicate
    threshold is linked to the older claim as its duplicate, unless someone already linked it.
    Returns each claim's mentioned entity ids, in its mentions' order (what a caller would
    otherwise read back).
    """
    results = list(results)
    ids = [claim.pk for claim, _, _ in results]
    if not ids:
        return {}
    with transaction.atomic(savepoint=False):  # part of the caller's, when it has one
        wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
        for _, found, _ in results:
            for e in found.entities:
                wanted[(e.kind, e.canonical)].add(e.text)
        entities = entities_resolve(wanted=wanted)
        decided: dict[int, set[int]] = defaultdict(set)
        for claim_id, other_id in _enrichment_clear(ids):
            decided[claim_id].add(other_id)
        mentions, quantities, dates, similars, events = [], [], [], [], []
        duplicates: dict[int, tuple[int, float]] = {}
        summaries: dict[int, str] = {}
        mentioned: dict[int, list[int]] = {}
        threshold = settings.FACTCHECK["SIMILAR_DUPLICATE"]
        for claim, found, similar in results:
            # Rows as dicts of their fields (`inserted`): no model instance built per row.
            own = [
                {
                    "claim_id": claim.pk,
                    "entity_id": entities[(e.kind, e.canonical[:300])].pk,
                    "text": e.text[:300],
                    "start": e.start,
                    "end": e.end,
                }
                for e in found.entities
            ]
            mentions += own
            mentioned[claim.pk] = [row["entity_id"] for row in own]
            quantities += [
                {
                    "claim_id": claim.pk,
                    "text": q.text[:300],
                    "value": q.value,
                    "unit": q.unit[:64],
                    "bound": q.bound,
                    "start": q.start,
                    "end": q.end,
                }
                for q in found.quantities
            ]
            dates += [
                {
                    "claim_id": claim.pk,
                    "text": d.text[:200],
                    "value": d.value,
                    "granularity": d.granularity,
                    "start": d.start,
                    "end": d.end,
                }
                for d in found.dates
            ]
            kept = decided[claim.pk]
            similars += [
                {"claim_id": claim.pk, "other_id": other_id, "score": round(score, 4)}
                for other_id, score in similar
                if other_id not in kept and other_id != claim.pk
            ]
            summary = (
                f"{len(found.entities)} entities, {len(found.quantities)} quantities, "
                f"{len(found.dates)} dates, {len(similar)} similar claims"
            )
            best = max(
                (
                    (other, score)
                    for other, score in similar
                    if other < claim.pk and other not in kept
                ),
                key=lambda pair: pair[1],
                default=None,
            )
            if best is not None and best[1] >= threshold:
                duplicates[claim.pk] = best
            summaries[claim.pk] = summary
        linked = _duplicates_link({pk: other for pk, (other, _) in duplicates.items()})
        for claim, _, _ in results:
            summary = summaries[claim.pk]
            if claim.pk in linked:
                other, score = duplicates[claim.pk]
                summary += f"; linked as a duplicate of #{other} (score {score:.2f})"
            events.append(
                ClaimEvent(
                    claim=claim, actor_label="worker", kind=EventKind.ENRICHMENT, comment=summary
                )
            )
        inserted(
            (Mention, mentions),
            (Quantity, quantities),
            (DateMention, dates),
            (SimilarClaim, similars),
            (ClaimEvent, events),
        )
    return mentioned


def _enrichment_clear(ids: list[int]) -> list[tuple[int, int]]:
    """Delete the claims' machine enrichment (mentions, quantities, dates, suggested similar
    claims); returns the (claim, other) pairs an editor decided, which stay. One statement on
    PostgreSQL."""
    suggested = SimilarityDecision.SUGGESTED
    if connection.vendor != "postgresql":
        decided = list(
            SimilarClaim.objects.filter(claim_id__in=ids)
            .exclude(decision=suggested)
            .values_list("claim_id", "other_id")
        )
        for model in (Mention, Quantity, DateMention):
            model.objects.filter(claim_id__in=ids).delete()
        SimilarClaim.objects.filter(claim_id__in=ids, decision=suggested).delete()
        return decided
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH m AS (DELETE FROM claims_mention WHERE claim_id = ANY(%(ids)s)), "
            "q AS (DELETE FROM claims_quantity WHERE claim_id = ANY(%(ids)s)), "
            "d AS (DELETE FROM claims_datemention WHERE claim_id = ANY(%(ids)s)), "
            "s AS (DELETE FROM claims_similarclaim "
            "WHERE claim_id = ANY(%(ids)s) AND decision = %(suggested)s) "
            "SELECT claim_id, other_id FROM claims_similarclaim "
            "WHERE claim_id = ANY(%(ids)s) AND decision <> %(suggested)s",
            {"ids": ids, "suggested": str(suggested)},
        )
        return [(claim_id, other_id) for claim_id, other_id in cursor.fetchall()]


def _duplicates_link(links: dict[int, int]) -> set[int]:
    """Link each claim in `links` as a duplicate of its claim, unless someone already linked it
    (one update for the batch); returns the claims linked."""
    if not links:
        return set()
    if connection.vendor != "postgresql":
        return {
            pk
            for pk, other in links.items()
            if Claim.objects.filter(pk=pk, duplicate_of__isnull=True).update(duplicate_of_id=other)
        }
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_claim AS c SET duplicate_of_id = t.other "
            "FROM unnest(%s::bigint[], %s::bigint[]) AS t(id, other) "
            "WHERE c.id = t.id AND c.duplicate_of_id IS NULL RETURNING c.id",
            [list(links), list(links.values())],
        )
        return {row[0] for row in cursor.fetchall()}


# Fields whose Python value psycopg sends as it is (no Django conversion needed per value).
_PLAIN_TYPES = frozenset(
    {
        "BooleanField", "CharField", "TextField", "FloatField", "DateTimeField", "IntegerField",
        "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
        "PositiveSmallIntegerField", "PositiveBigIntegerField", "ForeignKey",
    }
)  # fmt: skip


def _columns(objs: list, model: Any) -> tuple[list, str, list[str]]:
    """The non-pk fields, their quoted column list and one array per column with each array's
    cast, for an INSERT … SELECT * FROM unnest(…): values taken as they are for plain fields
    (psycopg sends them), through Django's preparation for the others (JSON)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    arrays, casts = [], []
    for field in fields:
        if objs and isinstance(objs[0], dict):  # rows as {attname: value}, defaults for the rest
            default = field.get_default()
            values = [obj.get(field.attname, default) for obj in objs]
        else:
            values = [field.pre_save(obj, True) for obj in objs]  # auto_now(_add) set
        if field.get_internal_type() not in _PLAIN_TYPES:
            values = [field.get_db_prep_save(value, connection) for value in values]
        arrays.append(values)
        casts.append(f"%s::{field.db_type(connection).split('(')[0]}[]")
    quote = connection.ops.quote_name
    return arrays, ", ".join(quote(f.column) for f in fields), casts


def inserted(*tables: tuple[Any, list]) -> None:
    """`bulk_create` of each (model, rows) for rows the machine writes many of (mentions,
    quantities, similar claims, events), without their pks: on PostgreSQL one statement for all
    of them, one INSERT of one array per column each. A row is a model instance, or a dict of
    its fields' attnames (no instance built: a wire story's similar claims are thousands)."""
    tables = tuple((model, rows) for model, rows in tables if rows)
    if not tables:
        return
    if connection.vendor != "postgresql":
        for model, rows in tables:
            model.objects.bulk_create([model(**r) if isinstance(r, dict) else r for r in rows])
        return
    statements, params = [], []
    for model, rows in tables:
        arrays, columns, casts = _columns(rows, model)
        statements.append(
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
            f"SELECT * FROM unnest({', '.join(casts)})"
        )
        params += arrays
    # All but the last as data-modifying CTEs: PostgreSQL runs each once, referenced or not.
    ctes = ", ".join(f"i{n} AS ({each})" for n, each in enumerate(statements[:-1]))
    sql = (f"WITH {ctes} " if ctes else "") + statements[-1]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def created_with_history(objs: list, model: Any) -> None:
    """`bulk_create_with_history` for rows the machine creates (no user, no change reason). On
    PostgreSQL the rows and their history rows are written by one statement: the rows go in as
    one array per column and the history rows are copied from what the insert returns. Sets
    each object's pk."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        bulk_create_with_history(objs, model)
        return
    quote = connection.ops.quote_name
    arrays, columns, casts = _columns(objs, model)
    history = model.history.model
    pk = quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH new AS (INSERT INTO {quote(model._meta.db_table)} ({columns}) "
            f"SELECT * FROM unnest({', '.join(casts)}) RETURNING {pk}, {columns}) "
            f"INSERT INTO {quote(history._meta.db_table)} ({pk}, {columns}, history_date, "
            "history_change_reason, history_type, history_user_id) "
            f"SELECT {pk}, {columns}, %s, NULL, '+', NULL FROM new ORDER BY {pk} RETURNING {pk}",
            [*arrays, timezone.now()],
        )
        ids = sorted(row[0] for row in cursor.fetchall())
    # One statement's rows take their ids from the sequence in the order they are inserted.
    for obj, pk_value in zip(objs, ids, strict=True):
        obj.pk = pk_value
        obj._state.adding = False
        obj._state.db = connection.alias


def checklists_build(
    *, claims: Iterable[tuple[Claim, Callable[[str], Any]]]
) -> dict[int, list[ChecklistItem]]:
    """Give each claim the checklist of its type's template and record the automated results.

    `claims` pairs each claim (its `checklist` prefetched or not) with its `run_check(check_key)`,
    which returns a result with `state` and `result`. Items are matched by title, so running this
    again adds new template items and refreshes automated results, but never changes an item a
    person has worked (done_by set) or a manual item's state. Items no longer in the template (the
    claim's type changed) are removed unless a person worked on them. Returns each claim's items.
    """
    templates: dict[str, ChecklistTemplate] = {}
    for each in ChecklistTemplate.objects.prefetch_related("items"):
        templates.setdefault(each.claim_type, each)
    fallback = templates.get(ClaimType.OTHER)
    items_by_claim: dict[int, list[ChecklistItem]] = {}
    created: list[ChecklistItem] = []
    changed: list[ChecklistItem] = []
    stale: list[int] = []
    now = timezone.now()
    for claim, run_check in claims:
        template = templates.get(claim.claim_type) or fallback
        if template is None:
            items_by_claim[claim.pk] = []
            continue
        existing = {item.title: item for item in claim.checklist.all()}
        specs = list(template.items.all())
        items = []
        for spec in specs:
            item = existing.get(spec.title)
            if item is None:
                item = ChecklistItem(
                    claim=claim,
                    template_item=spec,
                    order=spec.order,
                    title=spec.title,
                    guidance=spec.guidance,
                    required=spec.required,
                    automated=bool(spec.check_key),
                    check_key=spec.check_key,
                )
                created.append(item)
            if item.automated and item.done_by_id is None:
                outcome = run_check(item.check_key)
                if (item.state, item.result) != (outcome.state, outcome.result):
                    item.state, item.result, item.done_at = outcome.state, outcome.result, now
                    if item.pk is not None:
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
        created_with_history(created, ChecklistItem)
        if changed:
            bulk_update_with_history(changed, ChecklistItem, ["state", "result", "done_at"])
        if stale:
            ChecklistItem.objects.filter(pk__in=stale, done_by__isnull=True, note="").delete()
    return items_by_claim
