"""The editors' desk: bulk moves and assignments, decisions on similar claims, re-enrichment.

Each goes through the single-claim services, so every rule holds in bulk as it does one by one;
a refusal is reported for its claim and does not undo the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from claims.exceptions import ServiceError, TransitionForbidden
from claims.models import Claim, SimilarClaim, SimilarityDecision

from .claims import claim_comment, claim_transition, claim_update
from .jobs import claim_jobs_enqueue, claim_jobs_queue


@dataclass(frozen=True)
class BulkOutcome:
    """What a bulk operation did: the claims it changed and, for each one it could not change,
    why (one refusal does not undo the others)."""

    done: list[Claim]
    refused: list[tuple[Claim, str]]


def claims_transition(*, claims, to: str, actor, comment: str = "") -> BulkOutcome:
    """`claim_transition()` for each claim, reporting refusals instead of raising them."""
    done, refused = [], []
    for claim in claims:
        try:
            done.append(claim_transition(claim=claim, to=to, actor=actor, comment=comment))
        except ServiceError as exc:
            refused.append((claim, exc.message))
    return BulkOutcome(done=done, refused=refused)


def claims_assign(*, claims, assignee, actor) -> BulkOutcome:
    """Assign each claim to `assignee` (None: unassign) through `claim_update()`: every assignment
    is versioned, written to the claim's history, and refused where the claim's status settles
    its assignee."""
    done, refused = [], []
    for claim in claims:
        try:
            done.append(claim_update(claim=claim, actor=actor, data={"assignee": assignee}))
        except ServiceError as exc:
            refused.append((claim, exc.message))
    return BulkOutcome(done=done, refused=refused)


def similar_claim_decide(*, similar: SimilarClaim, actor, decision: str) -> SimilarClaim:
    """Record a person's decision on a suggested similar claim.

    Confirming links the claim as a duplicate of the other one; rejecting removes that link if it
    was there (the enrichment worker links near-certain duplicates on its own). Both go through
    `claim_update()` and leave a comment in the claim's history. Repeating a decision is a no-op;
    re-processing never overwrites one (`claim_enrichment_apply` keeps decided rows).
    """
    if decision not in (SimilarityDecision.CONFIRMED, SimilarityDecision.REJECTED):
        raise ServiceError(f"{decision!r} is not a decision: confirmed or rejected")
    if actor is not None and not actor.has_perm("claims.change_similarclaim"):
        raise TransitionForbidden("your role does not allow you to decide on similar claims")
    with transaction.atomic():
        updated = (
            SimilarClaim.objects.filter(pk=similar.pk)
            .exclude(decision=decision)
            .update(decision=decision, decided_by=actor)
        )
        similar.refresh_from_db()
        if not updated:
            return similar
        claim = Claim.objects.get(pk=similar.claim_id)
        link: Claim | None
        if decision == SimilarityDecision.CONFIRMED:
            link = similar.other
            comment = f"confirmed as a duplicate of claim #{similar.other_id}"
        else:
            link = None if claim.duplicate_of_id == similar.other_id else claim.duplicate_of
            comment = f"not a duplicate of claim #{similar.other_id}"
        claim_update(claim=claim, actor=actor, data={"duplicate_of": link})
        claim_comment(claim=claim, actor=actor, comment=comment)
    return similar


def claims_reenrich(*, claims) -> int:
    """Run enrichment again for these claims, then rebuild their checklists' automated results:
    the same enrich → checklist chain the pipeline publishes. Returns how many were queued."""
    ids = [claim.pk for claim in claims]
    with transaction.atomic():
        claim_jobs_queue(claim_ids=ids)
        claim_jobs_enqueue(claim_ids=ids)
    return len(ids)
