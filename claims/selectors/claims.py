"""Reads of claims: the API's claim representation, a claim's history, checklist and evidence, and
the published claims their ClaimReviews are built from."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from claims.models import (
    ChecklistItem,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Evidence,
    ExternalMatch,
    Mention,
    SimilarClaim,
    SimilarityDecision,
)


def claim_list() -> QuerySet[Claim]:
    """Claims with everything the API's claim representation shows: one query for the claims
    (claimant, assignee, reviewer joined) and one per enrichment relation."""
    return Claim.objects.select_related("claimant", "assignee", "reviewer").prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.select_related("entity").order_by("start")),
        "quantities",
        "dates",
        Prefetch("checklist", queryset=ChecklistItem.objects.select_related("done_by")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("added_by")),
        Prefetch(
            "similar",
            queryset=SimilarClaim.objects.exclude(decision=SimilarityDecision.REJECTED)
            .select_related("other")
            .order_by("-score", "id"),
        ),
        Prefetch(
            "external_matches",
            queryset=ExternalMatch.objects.select_related("external").order_by("-score", "id"),
        ),
    )


def claim_detail(*, claim_id: int) -> Claim:
    """One claim as `claim_list()` shows it. Raises Claim.DoesNotExist."""
    return claim_list().get(pk=claim_id)


def claim_events(*, claim_id: int) -> QuerySet[ClaimEvent]:
    """The editor-facing history of a claim, oldest first."""
    return ClaimEvent.objects.filter(claim_id=claim_id).select_related("actor").order_by("at", "id")


def checklist_items(*, claim_id: int) -> QuerySet[ChecklistItem]:
    """A claim's checklist in its order, each item with its claim (whose status and version a
    write to the item checks) and who worked it."""
    return (
        ChecklistItem.objects.filter(claim_id=claim_id)
        .select_related("claim", "done_by")
        .order_by("order", "id")
    )


def evidence_items(*, claim_id: int) -> QuerySet[Evidence]:
    """A claim's evidence, oldest first, each with its claim and who added it."""
    return (
        Evidence.objects.filter(claim_id=claim_id)
        .select_related("claim", "added_by")
        .order_by("added_at", "id")
    )


def claimreview_list() -> QuerySet[Claim]:
    """Published claims with what their ClaimReview needs (`claims.claimreview`): their article
    and outlet, their claimant, and the articles of the claims recorded as saying the same thing
    (duplicates and confirmed similar claims). Newest verdict first."""
    return (
        Claim.objects.filter(status=ClaimStatus.PUBLISHED)
        .select_related("article__outlet", "claimant")
        .prefetch_related(
            Prefetch(
                "duplicates",
                queryset=Claim.objects.filter(article__isnull=False).select_related(
                    "article__outlet"
                ),
            ),
            Prefetch(
                "similar",
                queryset=SimilarClaim.objects.filter(
                    decision=SimilarityDecision.CONFIRMED, other__article__isnull=False
                ).select_related("other__article__outlet"),
                to_attr="confirmed_similar",
            ),
        )
        .order_by("-published_at", "-id")
    )


def claimreview_for(*, claim_id: int) -> Claim:
    """One published claim for its ClaimReview. Raises Claim.DoesNotExist when it is not
    published."""
    return claimreview_list().get(pk=claim_id)


def public_factcheck_list() -> QuerySet[Claim]:
    """Published claims for the public index and its feed, newest verdict first: each with its
    claimant and its article's outlet, nothing more (one query a page)."""
    return (
        Claim.objects.filter(status=ClaimStatus.PUBLISHED)
        .select_related("article__outlet", "claimant")
        .order_by("-published_at", "-id")
    )


def public_factcheck(*, claim_id: int) -> Claim:
    """One published claim for its public page: what its ClaimReview needs and its evidence,
    oldest first. Raises Claim.DoesNotExist when it is not published."""
    return (
        claimreview_list()
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.order_by("added_at", "id"))
        )
        .get(pk=claim_id)
    )
