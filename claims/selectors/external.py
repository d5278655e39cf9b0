"""Reads of other desks' fact-checks: the list, the candidates a claim is matched against, a
claim's matches."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet

from claims.models import ExternalFactCheck, ExternalMatch

CANDIDATES = 200


def external_factcheck_list() -> QuerySet[ExternalFactCheck]:
    """Imported fact-checks, newest first (one query a page)."""
    return ExternalFactCheck.objects.order_by("-date_published", "-id")


def external_factcheck_candidates(*, text: str, limit: int = CANDIDATES) -> list[tuple[int, str]]:
    """(id, claim reviewed) of the imported fact-checks that may say the same as `text`, for the
    ranking in `workers/enrich/factchecks.py`: on PostgreSQL those the trigram index finds alike
    (`%`, or `%>` for a review that is a part of the claim's sentence); elsewhere the newest ones.
    One query."""
    found = ExternalFactCheck.objects.all()
    if connection.vendor == "postgresql":
        found = found.filter(
            Q(claim_reviewed__trigram_similar=text) | Q(claim_reviewed__trigram_word_similar=text)
        )
    return list(found.order_by("-id").values_list("pk", "claim_reviewed")[:limit])


def claim_external_matches(*, claim_id: int) -> QuerySet[ExternalMatch]:
    """A claim's matched fact-checks of other desks, best first, each with its fact-check."""
    return (
        ExternalMatch.objects.filter(claim_id=claim_id)
        .select_related("external")
        .order_by("-score", "id")
    )


def external_factchecks_exist() -> bool:
    return ExternalFactCheck.objects.exists()


def claims_external_matches(*, claim_ids) -> dict[int, list[ExternalMatch]]:
    """`claim_external_matches` for many claims in one query."""
    found: dict[int, list[ExternalMatch]] = {}
    for match in (
        ExternalMatch.objects.filter(claim_id__in=list(claim_ids))
        .select_related("external")
        .order_by("claim_id", "-score", "id")
    ):
        found.setdefault(match.claim_id, []).append(match)
    return found
