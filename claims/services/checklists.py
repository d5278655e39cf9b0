"""Working a claim: its checklist items and its evidence.

Each write locks the claim's row first (the same lock as the claim's own writes), so that what
the claim's status allows is checked against the status as it is.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from claims import workflow
from claims.exceptions import InvalidTransition, ServiceError
from claims.models import ChecklistItem, ChecklistState, Claim, Evidence, Stance

from .common import ExpectedVersion, check_url, claim_for_update


def _check_workable(claim: Claim, expected_version: ExpectedVersion) -> None:
    current = claim_for_update(claim, expected_version=expected_version)
    refusal = workflow.record_lock_refusal(current.status)
    if refusal is not None:
        raise InvalidTransition(refusal)


def checklist_item_update(
    *,
    item: ChecklistItem,
    actor,
    state: str | None = None,
    note: str | None = None,
    expected_version: ExpectedVersion = None,
) -> ChecklistItem:
    """Work one checklist item: tick it done, skip it (a note says why), fail it, or reopen it.

    Who and when are recorded on done/skipped/failed and cleared on reopening; a person who skips
    a step says why in its note. "Not applicable" is an automated check's: a person may agree with
    one that nothing applied, never call a manual step so (skip it and say why). `expected_version`
    is the version of the claim the caller worked on. Returns `item` as written.
    """
    if state is not None and state not in ChecklistState.values:
        raise ServiceError(
            f"{state!r} is not a checklist state ({', '.join(ChecklistState.values)})",
            field="state",
        )
    if state == ChecklistState.NOT_APPLICABLE and not item.automated:
        raise ServiceError(
            f"only an automated check can be not applicable: skip “{item.title}” and say why in "
            "its note",
            field="state",
        )
    with transaction.atomic():
        _check_workable(item.claim, expected_version)
        if note is not None:
            item.note = note.strip()
        if (state or item.state) == ChecklistState.SKIPPED and not item.note:
            raise ServiceError(
                f"say why “{item.title}” is skipped: write it in its note", field="note"
            )
        if state is not None and state != item.state:
            item.state = state
            if state == ChecklistState.OPEN:
                item.done_by, item.done_at = None, None
            else:
                item.done_by, item.done_at = actor, timezone.now()
        item._history_user = actor  # type: ignore[attr-defined]
        item.save()
    return item


def evidence_add(
    *,
    claim: Claim,
    actor,
    url: str,
    title: str = "",
    publisher: str = "",
    excerpt: str = "",
    stance: str = Stance.CONTEXT,
    expected_version: ExpectedVersion = None,
) -> Evidence:
    """Attach a source to a claim."""
    url = check_url(url)
    if stance not in Stance.values:
        raise ServiceError(
            f"{stance!r} is not a stance ({', '.join(Stance.values)})", field="stance"
        )
    with transaction.atomic():
        _check_workable(claim, expected_version)
        evidence = Evidence(
            claim=claim,
            url=url,
            title=title,
            publisher=publisher,
            excerpt=excerpt,
            stance=stance,
            added_by=actor,
        )
        evidence._history_user = actor  # type: ignore[attr-defined]
        evidence.save()
    return evidence


def evidence_delete(*, evidence: Evidence, actor, expected_version: ExpectedVersion = None) -> None:
    """Remove a source (its history row keeps what it was)."""
    with transaction.atomic():
        _check_workable(evidence.claim, expected_version)
        evidence._history_user = actor  # type: ignore[attr-defined]
        evidence.delete()
