"""What the claim page shows besides its form: the claim in its paragraph, the moves this user may
make, similar claims, and the history (events and field changes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Field
from django.urls import reverse
from django.utils.safestring import SafeString

from claims import selectors, workflow
from claims.models import Claim, Entity
from claims.text import ellipsize

from .display import Mark, mark_spans, paragraph_around


@dataclass
class MoveButton:
    target: str
    label: str
    kind: str  # forward / back / out
    comment_required: bool
    blocked: list[str] = field(default_factory=list)
    disabled: bool = False


@dataclass
class FieldChange:
    field: str
    old: str
    new: str


@dataclass
class HistoryRow:
    at: object
    who: str
    reason: str
    changes: list[FieldChange]


def claim_page_context(request, claim: Claim) -> dict:
    user = request.user
    return {
        "context_html": claim_in_context(claim),
        "moves": move_buttons(claim, user),
        "reason_required_for": workflow.reason_required_for(),
        "can_comment": user.has_perm("claims.add_claimevent")
        and user.has_perm("claims.change_claim"),
        "similar": similar_claims(claim),
        "already_checked": list(selectors.claim_external_matches(claim_id=claim.pk)),
        "can_decide_similar": user.has_perm("claims.change_similarclaim"),
        "similar_url": reverse("admin:claims_claim_similar_decide", args=[claim.pk]),
        "events": selectors.claim_recent_events(claim),
        "field_history": field_history(claim),
    }


def similar_claims(claim: Claim) -> list:
    """The claims suggested as saying the same, each with its `published_verdict` (None until
    the other claim is published: a verdict in research is not the desk's)."""
    similar = selectors.claim_similar(claim)
    for row in similar:
        row.published_verdict = workflow.public_verdict(row.other)  # type: ignore[attr-defined]
    return similar


def claim_in_context(claim: Claim) -> SafeString:
    """The claim's paragraph with the claim marked, and its entities, quantities and dates marked
    inside it. A claim entered by hand is shown alone (its mentions point into its own text)."""
    marks = [
        Mark(
            m.start,
            m.end,
            f"desk-m desk-m-{m.entity.kind}",
            f"{m.entity.get_kind_display()}: {m.entity.name}",
        )
        for m in claim.mentions.all()
    ]
    marks += [
        Mark(
            q.start,
            q.end,
            "desk-m desk-m-quantity",
            f"{q.get_bound_display()}: {q.value:g} {q.unit}".strip(),
        )
        for q in claim.quantities.all()
    ]
    marks += [
        Mark(d.start, d.end, "desk-m desk-m-date", f"{d.value} ({d.get_granularity_display()})")
        for d in claim.dates.all()
    ]
    article = claim.article
    if article is None or claim.start is None or claim.end is None:
        return mark_spans(claim.text, marks)
    start, end = paragraph_around(article.body, claim.start, claim.end)
    marks.append(Mark(claim.start, claim.end, "desk-claim-span", "this claim"))
    return mark_spans(article.body[start:end], marks, offset=start)


def move_buttons(claim: Claim, user) -> list[MoveButton]:
    """A button for each move the workflow lets this user make from the claim's status; moves
    their role does not allow are not shown. Unmet preconditions are listed under the button: most
    can be met by this very save (a verdict, a ticked step), so the button stays active — except
    those about the user (four eyes), which no edit of the claim can meet."""
    buttons = []
    for evaluation in workflow.moves_for(claim, user):
        move = evaluation.move
        assert move is not None  # moves_for evaluates moves of the table only
        buttons.append(
            MoveButton(
                target=move.target,
                label=move.label[:1].upper() + move.label[1:],
                kind=move.kind,
                comment_required=move.comment_required,
                blocked=list(evaluation.reasons),
                disabled=evaluation.blocked,
            )
        )
    return buttons


# Fields whose changes say nothing to an editor (counters, timestamps, machine reasons).
_QUIET_FIELDS = ["version", "updated_at", "created_at", "checkworthiness_reasons"]


def field_history(claim: Claim, *, limit: int = 30) -> list[HistoryRow]:
    """The claim's field-level history (django-simple-history), newest first, each record diffed
    against the one before it. Three queries: the records, then the users and entities named."""
    records = list(
        claim.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    rows: list[HistoryRow] = []
    raw: list[tuple[Any, list | None]] = []
    for newer, older in pairwise(records):
        delta = newer.diff_against(older, excluded_fields=_QUIET_FIELDS)
        raw.append((newer, delta.changes))
    if len(records) <= limit and records:
        raw.append((records[-1], None))  # the first record: the claim was recorded

    user_ids, entity_ids = set(), set()
    for _, changes in raw:
        for change in changes or []:
            if change.field in ("assignee", "reviewer", "created_by"):
                user_ids |= {change.old, change.new}
            elif change.field == "claimant":
                entity_ids |= {change.old, change.new}
    users = dict(
        get_user_model().objects.filter(pk__in=user_ids - {None}).values_list("pk", "username")
    )
    entities = dict(Entity.objects.filter(pk__in=entity_ids - {None}).values_list("pk", "name"))

    def shown(name: str, value) -> str:
        if value in (None, ""):
            return "—"
        if name in ("assignee", "reviewer", "created_by"):
            return users.get(value, f"user #{value}")
        if name == "claimant":
            return entities.get(value, f"entity #{value}")
        if name in ("duplicate_of", "article"):
            return f"#{value}"
        model_field = Claim._meta.get_field(name)
        if isinstance(model_field, Field) and model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        return ellipsize(str(value), 140)

    for record, changes in raw:
        if changes is None:
            items = [FieldChange("claim", "", "recorded")]
        else:
            items = [
                FieldChange(c.field, shown(c.field, c.old), shown(c.field, c.new)) for c in changes
            ]
            if not items:
                continue
        rows.append(
            HistoryRow(
                at=record.history_date,
                who=record.history_user.get_username() if record.history_user else "worker",
                reason=record.history_change_reason or "",
                changes=items,
            )
        )
    return rows
