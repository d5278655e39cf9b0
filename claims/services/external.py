"""Other desks' fact-checks: importing their ClaimReview, recording the claims they match."""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.db import transaction
from django.utils import timezone

from claims.models import Claim, ClaimEvent, EventKind, ExternalFactCheck, ExternalMatch
from claims.parsing.claimreview import ExternalReview


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int

    def __str__(self) -> str:
        return f"{self.created} new, {self.updated} updated, {self.unchanged} unchanged"


_FIELDS = [f.name for f in fields(ExternalReview)]


def external_factchecks_import(*, reviews: list[ExternalReview]) -> ImportResult:
    """Store other desks' ClaimReviews (read by `claims.parsing.claimreview`), one row per `url`:
    a new url is created, a known one updated when anything changed. All or nothing; importing the
    same document twice changes nothing."""
    with transaction.atomic():
        existing = {
            row.url: row
            for row in ExternalFactCheck.objects.select_for_update().filter(
                url__in=[r.url for r in reviews]
            )
        }
        created: list[ExternalFactCheck] = []
        changed: list[ExternalFactCheck] = []
        now = timezone.now()
        for review in reviews:
            values = {name: getattr(review, name) for name in _FIELDS}
            row = existing.get(review.url)
            if row is None:
                created.append(ExternalFactCheck(**values))
            elif any(getattr(row, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                row.updated_at = now  # (bulk_update does not apply auto_now)
                changed.append(row)
        ExternalFactCheck.objects.bulk_create(created, batch_size=500)
        if changed:
            ExternalFactCheck.objects.bulk_update(changed, [*_FIELDS, "updated_at"], batch_size=500)
    return ImportResult(
        created=len(created),
        updated=len(changed),
        unchanged=len(reviews) - len(created) - len(changed),
    )


def claim_external_matches_apply(*, claim: Claim, matches: list[tuple[int, float]]) -> None:
    """Replace the claim's matches with other desks' fact-checks ((id, score), from
    `workers/matching.py`); a new match is noted in the claim's history."""
    with transaction.atomic():
        before = set(
            ExternalMatch.objects.filter(claim=claim).values_list("external_id", flat=True)
        )
        ExternalMatch.objects.filter(claim=claim).exclude(
            external_id__in=[eid for eid, _ in matches]
        ).delete()
        ExternalMatch.objects.bulk_create(
            [ExternalMatch(claim=claim, external_id=eid, score=round(s, 4)) for eid, s in matches],
            update_conflicts=True,
            unique_fields=["claim", "external"],
            update_fields=["score"],
        )
        new = [eid for eid, _ in matches if eid not in before]
        if new:
            desks = ExternalFactCheck.objects.filter(pk__in=new).values_list(
                "author_name", "rating"
            )
            ClaimEvent.objects.create(
                claim=claim,
                actor_label="worker",
                kind=EventKind.ENRICHMENT,
                comment="already checked by "
                + "; ".join(f"{desk} ({rating})" for desk, rating in desks),
            )
