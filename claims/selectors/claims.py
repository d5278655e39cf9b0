"""Reads of claims: the API's claim representation, a claim's history, checklist and evidence, and
the published claims their ClaimReviews are built from."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import OuterRef, Prefetch, QuerySet

from claims import workflow
from claims.models import (
    ChecklistItem,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Evidence,
    Mention,
    SimilarClaim,
    SimilarityDecision,
)

from .desk import count_of

# The nested parts of a claim, each one prefetch: what the list's `expand=` may ask for.
PARTS = {
    "mentions": Prefetch(
        "mentions", queryset=Mention.objects.select_related("entity").order_by("start")
    ),
    "checklist": Prefetch("checklist", queryset=ChecklistItem.objects.select_related("done_by")),
    "evidence": Prefetch("evidence", queryset=Evidence.objects.select_related("added_by")),
    "similar": Prefetch(
        "similar",
        queryset=SimilarClaim.objects.exclude(decision=SimilarityDecision.REJECTED)
        .select_related("other")
        .order_by("-score", "id"),
    ),
}


def claim_list() -> QuerySet[Claim]:
    """Claims with everything the API's full claim representation shows: one query for the claims
    (claimant, assignee, reviewer joined) and one per enrichment relation."""
    return Claim.objects.select_related("claimant", "assignee", "reviewer").prefetch_related(
        PARTS["mentions"],
        "quantities",
        "dates",
        PARTS["checklist"],
        PARTS["evidence"],
        PARTS["similar"],
    )


def claim_rows(*, expand: Collection[str] = ()) -> QuerySet[Claim]:
    """Claims as the API's list shows them: one query, claimant and assignee joined, how many
    checklist items (and worked ones), evidence, similar claims (not rejected) and entity
    mentions each has, counted by correlated subqueries (no GROUP BY over the claims, no
    DISTINCT); plus one query per part in `expand` (names of `PARTS`)."""

    def per_claim(model):
        return model.objects.filter(claim=OuterRef("pk"))

    return (
        Claim.objects.select_related("claimant", "assignee")
        .annotate(
            checklist_total=count_of(per_claim(ChecklistItem)),
            checklist_worked=count_of(per_claim(ChecklistItem).filter(workflow.CHECKLIST_WORKED)),
            evidence_total=count_of(per_claim(Evidence)),
            similar_total=count_of(
                per_claim(SimilarClaim).exclude(decision=SimilarityDecision.REJECTED)
            ),
            mentions_total=count_of(per_claim(Mention)),
        )
        .prefetch_related(*(PARTS[part] for part in PARTS if part in expand))
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
