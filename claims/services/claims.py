"""A claim's own record: entering one by hand, editing it, moving it through the workflow,
commenting on it.

Every write locks the claim's row (`claim_for_update`), checks the version the caller edited, asks
`claims.workflow` what the claim's status allows, writes with a compare-and-swap on the version,
and answers with the caller's copy of the claim updated to what it wrote.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import ForeignKey
from django.utils import timezone

from claims import workflow
from claims.exceptions import ConcurrentUpdate, InvalidTransition, ServiceError, TransitionForbidden
from claims.models import (
    Article,
    Attribution,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    Entity,
    EventKind,
    JobStage,
    Priority,
)
from claims.selectors import users_assignable

from . import webhook_events
from .common import (
    ExpectedVersion,
    actor_label,
    apply_changes,
    check_url,
    check_version,
    claim_for_update,
    record_history,
    username,
)
from .jobs import claim_jobs_enqueue, job_queue

# Fields a person may edit directly. Status is not among them: it moves through claim_transition().
CLAIM_EDITABLE_FIELDS = frozenset(
    {
        "text",
        "claim_type",
        "claimant",
        "attribution",
        "verdict",
        "verdict_summary",
        "summary",
        "review_url",
        "assignee",
        "priority",
        "due_at",
        "duplicate_of",
    }
)


def claim_create(
    *,
    actor,
    text: str,
    article: Article | None = None,
    start: int | None = None,
    end: int | None = None,
    claim_type: str = ClaimType.OTHER,
    claimant: Entity | None = None,
    attribution: str = Attribution.AUTHOR,
    priority: int = Priority.NORMAL,
) -> Claim:
    """Record a claim entered by hand, then queue its enrichment and checklist.

    With an article, `start`/`end` locate it in the body and must match `text` exactly.
    """
    text = text.strip()
    if not text:
        raise ServiceError("a claim needs its text", field="text")
    if article is not None:
        if start is None or end is None:
            raise ServiceError("a claim in an article needs its start and end offsets")
        if article.body[start:end] != text:
            raise ServiceError(
                f"the text at {start}..{end} of the article is "
                f"“{article.body[start:end][:80]}”, not the claim's text"
            )
    elif start is not None or end is not None:
        raise ServiceError("offsets point into an article: give the article too")
    if claim_type not in ClaimType.values:
        raise ServiceError(f"{claim_type!r} is not a claim type", field="claim_type")
    if attribution not in Attribution.values:
        raise ServiceError(f"{attribution!r} is not an attribution", field="attribution")
    try:
        with transaction.atomic():
            claim = Claim(
                article=article,
                text=text,
                start=start,
                end=end,
                claim_type=claim_type,
                checkworthiness=1.0,
                checkworthiness_reasons=["entered by hand"],
                claimant=claimant,
                attribution=attribution,
                priority=priority,
                created_by=actor,
            )
            claim._history_user = actor  # type: ignore[attr-defined]
            claim.save()
            ClaimEvent.objects.create(
                claim=claim,
                actor=actor,
                actor_label=actor_label(actor),
                kind=EventKind.COMMENT,
                comment="entered by hand",
            )
            job_queue(claim=claim, stage=JobStage.ENRICH, publish=False)
            job_queue(claim=claim, stage=JobStage.CHECKLIST, publish=False)
            claim_jobs_enqueue(claim_ids=[claim.pk])
            webhook_events.claims_created(claim_ids=[claim.pk])
    except IntegrityError:
        raise ServiceError("this span of the article is already recorded as a claim") from None
    return claim


def claim_update(
    *, claim: Claim, actor, data: dict[str, Any], expected_version: ExpectedVersion = None
) -> Claim:
    """Change editable fields of a claim; returns `claim`, updated to what was written.

    `data` maps field names (foreign keys as model instances or None) to new values. Fields equal
    to their current value are ignored; if nothing changes, nothing is written. What the claim's
    status locks is refused (InvalidTransition), and so is an assignee who may not research
    claims. Assignment and verdict changes are recorded as ClaimEvents. Raises StaleVersion when
    `expected_version` is not the current version.
    """
    unknown = set(data) - CLAIM_EDITABLE_FIELDS
    if unknown:
        raise ServiceError(f"these fields cannot be edited: {', '.join(sorted(unknown))}")
    if actor is not None and not actor.has_perm("claims.change_claim"):
        raise TransitionForbidden("your role does not allow you to edit claims")
    data = _cleaned(data)
    with transaction.atomic():
        current = claim_for_update(claim, expected_version=expected_version)
        changes = {name: value for name, value in data.items() if _differs(current, name, value)}
        if not changes:
            return claim
        refusal = workflow.field_lock_refusal(current.status, changes)
        if refusal is not None:
            raise InvalidTransition(refusal)
        if changes.get("assignee") is not None:
            _check_assignable(changes["assignee"])
        if changes.get("duplicate_of") is not None and changes["duplicate_of"].pk == current.pk:
            raise ServiceError("a claim cannot be a duplicate of itself", field="duplicate_of")

        events = []
        if "assignee" in changes:
            old = username(claim.assignee)  # the caller's copy: its assignee may be joined
            events.append((EventKind.ASSIGNMENT, old, username(changes["assignee"])))
        if "verdict" in changes:
            events.append((EventKind.VERDICT, current.verdict, changes["verdict"]))
        written = {**changes, "version": current.version + 1, "updated_at": timezone.now()}
        updated = Claim.objects.filter(pk=current.pk, version=current.version).update(**written)
        if updated != 1:
            raise ConcurrentUpdate()
        for kind, old, new in events:
            ClaimEvent.objects.create(
                claim=current,
                actor=actor,
                actor_label=actor_label(actor),
                kind=kind,
                from_value=old,
                to_value=new,
            )
        apply_changes(written, current, claim)
        record_history(current, actor=actor, reason="edit: " + ", ".join(sorted(changes)))
    return claim


def _cleaned(data: dict[str, Any]) -> dict[str, Any]:
    """The short summary without surrounding blanks; the published URL by the one URL rule
    (empty clears it)."""
    cleaned = dict(data)
    if "summary" in cleaned:
        cleaned["summary"] = " ".join((cleaned["summary"] or "").split())
    if "review_url" in cleaned:
        url = (cleaned["review_url"] or "").strip()
        cleaned["review_url"] = check_url(url, field="review_url") if url else ""
    return cleaned


def _differs(claim: Claim, name: str, value: Any) -> bool:
    field = Claim._meta.get_field(name)
    if isinstance(field, ForeignKey):  # compare ids: no query for the related row
        return getattr(claim, field.attname) != (value.pk if value is not None else None)
    return getattr(claim, name) != value


def _check_assignable(user) -> None:
    """The one assignee rule: whoever may research claims, and nobody else."""
    if not users_assignable().filter(pk=user.pk).exists():
        raise ServiceError(
            f"{user.get_username()} cannot research claims: only fact-checkers and editors "
            "can be assigned",
            field="assignee",
        )


def claim_transition(
    *,
    claim: Claim,
    to: str,
    actor=None,
    comment: str = "",
    expected_version: ExpectedVersion = None,
) -> Claim:
    """Move `claim` to status `to` if `claims.workflow` allows it; returns `claim` as moved.

    `actor` is the user making the move (None for the system: no role check, and it cannot
    publish). `expected_version`, when given, must be the claim's current version. Repeating the
    current status is a no-op. Every refusal names its reason (InvalidTransition with every unmet
    precondition, TransitionForbidden for the role).
    """
    with transaction.atomic():
        current = claim_for_update(claim)
        if current.status == to:
            return claim
        check_version(current, expected_version)
        refusal = workflow.evaluate(current, to, actor, comment=comment).refusal()
        if refusal is not None:
            raise refusal

        now = timezone.now()
        written: dict[str, Any] = {"status": to, "version": current.version + 1, "updated_at": now}
        if to == ClaimStatus.PUBLISHED:
            written["reviewer"] = actor
            if current.published_at is None:
                written["published_at"] = now
        updated = Claim.objects.filter(
            pk=current.pk, status=current.status, version=current.version
        ).update(**written)
        if updated != 1:
            raise ConcurrentUpdate()
        ClaimEvent.objects.create(
            claim=current,
            actor=actor,
            actor_label=actor_label(actor),
            kind=EventKind.TRANSITION,
            from_value=current.status,
            to_value=to,
            comment=comment.strip(),
        )
        label = workflow.MOVES_BY_EDGE[(current.status, to)].label
        moved_from = current.status
        apply_changes(written, current, claim)
        record_history(current, actor=actor, reason=f"{label}: {comment.strip()}".strip(": "))
        webhook_events.claim_moved(
            claim_id=current.pk,
            from_status=moved_from,
            to_status=to,
            actor=actor,
            comment=comment.strip(),
        )
    return claim


def claim_comment(*, claim: Claim, actor, comment: str) -> ClaimEvent:
    """Add a comment to the claim's history."""
    if not comment.strip():
        raise ServiceError("a comment cannot be empty", field="comment")
    return ClaimEvent.objects.create(
        claim=claim,
        actor=actor,
        actor_label=actor_label(actor),
        kind=EventKind.COMMENT,
        comment=comment.strip(),
    )
