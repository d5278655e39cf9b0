"""Recording the enrichment of a batch of claims: entities resolved, the claims' old machine
enrichment cleared and the new written (mentions, quantities, dates, similar claims, events), and
duplicates linked, in a fixed number of statements on PostgreSQL.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from claims.models import (
    Claim,
    ClaimEvent,
    DateMention,
    Entity,
    EventKind,
    Mention,
    Quantity,
    SimilarClaim,
    SimilarityDecision,
)

from .sql import array, inserted, inserted_statement

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
        tables: list[tuple[Any, list]] = [
            (Mention, mentions),
            (Quantity, quantities),
            (DateMention, dates),
            (SimilarClaim, similars),
            (ClaimEvent, events),
        ]
        if connection.vendor == "postgresql":
            _inserted_counted(tables, mentions, similars)
        else:
            inserted(*tables)
    return mentioned


# The batch's own count keeping (migration 0017): the insert triggers of mentions and similar
# claims skip the statements sent while `factcheck.batch_counts` is on (this transaction only),
# and one UPDATE adds what the batch inserted, each claim's row updated once instead of once per
# trigger. Suggested similar claims are not rejected ones: each counts (0015's condition).
_COUNTS_ON = "SELECT set_config('factcheck.batch_counts', 'on', true)"
_COUNTS_ADD = (
    "UPDATE claims_claim AS c SET mentions_total = c.mentions_total + t.m, "
    "similar_total = c.similar_total + t.s "
    "FROM unnest(%s::bigint[], %s::integer[], %s::integer[]) AS t(id, m, s) WHERE c.id = t.id"
)
_COUNTS_OFF = "SELECT set_config('factcheck.batch_counts', 'off', true)"


def _inserted_counted(tables: list, mentions: list[dict], similars: list[dict]) -> None:
    """`inserted(*tables)` and the claims' mention and similar-claim counts, in one round trip:
    the counts set on, the insert, the counts added, the counts set off (a failure rolls the
    setting back with the rest)."""
    sql, params = inserted_statement(*tables)
    added: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for row in mentions:
        added[row["claim_id"]][0] += 1
    for row in similars:
        added[row["claim_id"]][1] += 1
    ids = list(added)
    params += [array(ids), array([added[pk][0] for pk in ids]), array([added[pk][1] for pk in ids])]
    with connection.cursor() as cursor:
        cursor.execute(f"{_COUNTS_ON}; {sql}; {_COUNTS_ADD}; {_COUNTS_OFF}", params)


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
