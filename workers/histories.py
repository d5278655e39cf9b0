"""The automated checks' claimant history: for each claim with a claimant, that claimant's earlier
claims in other articles about the same entities (the checklist's "has the claimant said this
before" step), read for a batch of claims at once.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.db import connection

from claims.models import Claim

from .reads import Reads

if TYPE_CHECKING:
    from .gather import ClaimRows

HISTORY_PER_CLAIM = 10


def claimant_histories(
    claims: list[Claim], claim_rows: dict[int, ClaimRows], reads: Reads | None = None
) -> dict[int, list[tuple[int, str]]]:
    """For each claim with a claimant: that claimant's earlier claims in other articles about the
    same entities, newest first, at most ten (PostgreSQL: filled when `reads` runs, if given)."""
    topics = {
        claim.pk: set(claim_rows[claim.pk].entity_ids) - {claim.claimant_id}
        for claim in claims
        if claim.claimant_id is not None
    }
    histories: dict[int, list[tuple[int, str]]] = defaultdict(list)
    entities = set().union(*topics.values()) if topics else set()
    if not entities:
        return histories
    if connection.vendor == "postgresql":
        asking = [claim for claim in claims if topics.get(claim.pk)]
        own = reads or Reads()
        _histories_read(asking, topics, histories, own)
        if reads is None:
            own.run()
        return histories
    claimants = {claim.claimant_id for claim in claims if claim.pk in topics}
    rows = list(
        Claim.objects.filter(claimant_id__in=claimants, mentions__entity_id__in=entities)
        .order_by("-created_at", "-id")
        .values_list(
            "pk", "text", "claimant_id", "created_at", "article_id", "mentions__entity_id"
        )[:5000]
    )
    # Each claimant's rows, in the rows' order (newest first).
    by_claimant: dict[int | None, list[tuple]] = defaultdict(list)
    for row in rows:
        by_claimant[row[2]].append(row)
    for claim in claims:
        if claim.pk not in topics:
            continue
        earlier: dict[int, str] = {}
        for pk, text, _, created_at, article_id, entity_id in by_claimant[claim.claimant_id]:
            if (
                created_at < claim.created_at
                and entity_id in topics[claim.pk]
                and (claim.article_id is None or article_id != claim.article_id)
            ):
                earlier.setdefault(pk, text)
                if len(earlier) == HISTORY_PER_CLAIM:
                    break
        histories[claim.pk] = list(earlier.items())
    return histories


# Each asking claim's claimant history in one query: the claimant's claims created before it, in
# another article (any, for a claim without one), mentioning one of its topics, newest first, at
# most HISTORY_PER_CLAIM each (the index on the claimant finds them). Reading every matching
# (claim, mention) row of the batch's claimants into Python instead (up to 5,000 per batch) was
# the largest part of gathering the checks' context.
_HISTORIES = """
WITH topics AS MATERIALIZED (SELECT * FROM unnest(%s::int[], %s::bigint[]) AS p(n, entity_id))
SELECT t.n, h.id, h.text
FROM unnest(%s::bigint[], %s::timestamptz[], %s::bigint[])
    WITH ORDINALITY AS t(claimant_id, created_at, article_id, n)
CROSS JOIN LATERAL (
    SELECT c.id, c.text, c.created_at FROM claims_claim AS c
    WHERE c.claimant_id = t.claimant_id AND c.created_at < t.created_at
      AND (t.article_id IS NULL OR c.article_id IS DISTINCT FROM t.article_id)
      AND EXISTS (
          SELECT FROM claims_mention AS m JOIN topics AS p ON p.entity_id = m.entity_id
          WHERE m.claim_id = c.id AND p.n = t.n
      )
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT %s
) AS h
ORDER BY t.n, h.created_at DESC, h.id DESC
"""


def _histories_read(
    claims: list[Claim],
    topics: dict[int, set[int]],
    histories: dict[int, list[tuple[int, str]]],
    reads: Reads,
) -> None:
    """`claimant_histories` for `claims` (each with a claimant and topics) on PostgreSQL, into
    `histories` when `reads` runs."""
    if not claims:
        return
    pairs = [(n, entity) for n, claim in enumerate(claims, 1) for entity in topics[claim.pk]]

    def fill(rows) -> None:
        for n, pk, text in rows:
            histories[claims[n - 1].pk].append((pk, text))

    params = [
        [n for n, _ in pairs],
        [entity for _, entity in pairs],
        [claim.claimant_id for claim in claims],
        [claim.created_at for claim in claims],
        [claim.article_id for claim in claims],
        HISTORY_PER_CLAIM,
    ]
    reads.add(_HISTORIES, params, fill)
