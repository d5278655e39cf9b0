"""The claims' stored counts of mentions and similar claims (migration 0015's triggers) when the
enrichment batch keeps them itself (migration 0017): exact after a batch, each claim's row updated
once by it, and every other writer still counted by the triggers, in the batch's transaction too."""

import datetime as dt

import pytest
from django.db import connection, transaction

from claims.models import Claim, Entity, Mention, SimilarClaim
from claims.services.batch import claims_enrichment_apply
from tests.factories import ClaimFactory
from workers import enrichment

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the counts are PostgreSQL's"),
]


def stored(claim: Claim) -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT mentions_total, similar_total FROM claims_claim WHERE id = %s", [claim.pk]
        )
        return cursor.fetchone()


def counted(claim: Claim) -> tuple[int, int]:
    similar = SimilarClaim.objects.filter(claim=claim).exclude(decision="rejected").count()
    return Mention.objects.filter(claim=claim).count(), similar


def claim_updates() -> int:
    """Row versions of claims written by this transaction so far."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'claims_claim'"
        )
        return cursor.fetchone()[0]


def enriched(claim: Claim, similar: list[tuple[int, float]]):
    found = enrichment.enrich(claim.text, reference_date=dt.date(2025, 5, 4))
    return (claim, found, similar)


def test_a_batch_keeps_its_claims_counts_exact_updating_each_claim_once():
    older = ClaimFactory(text="Rents in Lisbon went up 40 percent, the mayor said.")
    claims = [
        ClaimFactory(text="Mayor Ana Costa said rents in Lisbon rose by 40 percent in 2023."),
        ClaimFactory(text="Mayor Ana Costa said the city built 1,200 homes in Porto in 2022."),
    ]
    with transaction.atomic():
        before = claim_updates()
        claims_enrichment_apply(
            results=[enriched(claims[0], [(older.pk, 0.7)]), enriched(claims[1], [])]
        )
        assert claim_updates() - before == len(claims)  # one update each, not one per trigger
    for claim in claims:
        assert stored(claim) == counted(claim)
    assert stored(claims[0]) == (2, 1)

    # Again (a re-run replaces the machine's rows): still exact.
    claims_enrichment_apply(results=[enriched(claims[0], [(older.pk, 0.7)])])
    assert stored(claims[0]) == counted(claims[0]) == (2, 1)


def test_other_writers_are_counted_by_the_triggers_even_after_a_batch_in_their_transaction():
    claim = ClaimFactory(text="Mayor Ana Costa said rents in Lisbon rose by 40 percent in 2023.")
    other = ClaimFactory(text="Rents in Lisbon went up 40 percent, the mayor said.")
    entity = Entity.objects.create(kind="place", name="Porto")
    with transaction.atomic():
        claims_enrichment_apply(results=[enriched(claim, [])])
        Mention.objects.create(claim=claim, entity=entity, text="Porto", start=0, end=5)
        SimilarClaim.objects.create(claim=claim, other=other, score=0.8)
    assert stored(claim) == counted(claim) == (3, 1)
    Mention.objects.filter(claim=claim, entity=entity).delete()
    SimilarClaim.objects.filter(claim=claim).update(decision="rejected")
    assert stored(claim) == counted(claim) == (2, 0)
