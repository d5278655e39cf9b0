"""What the claim page shows besides its form: the claim in its paragraph, the moves this user may
make, similar claims, and the history (events and field changes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from claims.models import Claim, ClaimStatus, Entity
from claims.workflow import moves_from, reviewer_is_not_assignee

from .display import Mark, mark_spans, paragraph_around

# How a move's button looks: forward along the workflow, back, or out of it.
_FORWARD = {
    ClaimStatus.TRIAGED,
    ClaimStatus.RESEARCHING,
    ClaimStatus.IN_REVIEW,
    ClaimStatus.PUBLISHED,
}


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
        "can_comment": user.has_perm("claims.add_claimevent")
        and user.has_perm("claims.change_claim"),
        "similar": list(
            claim.similar.select_related("other", "other__article", "decided_by").order_by(
                "-score", "pk"
            )
        ),
        "can_decide_similar": user.has_perm("claims.change_similarclaim"),
        "similar_url": reverse("admin:claims_claim_similar_decide", args=[claim.pk]),
        "events": list(claim.events.select_related("actor").order_by("-at", "-pk")[:50]),
        "field_history": field_history(claim),
    }


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
        for m in claim.mentions.select_related("entity")
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
    if article is None or claim.start is None:
        return mark_spans(claim.text, marks)
    start, end = paragraph_around(article.body, claim.start, claim.end)
    marks.append(Mark(claim.start, claim.end, "desk-claim-span", "this claim"))
    return mark_spans(article.body[start:end], marks, offset=start)


def move_buttons(claim: Claim, user) -> list[MoveButton]:
    """A button for each move this user's role allows from the claim's status; moves the role does
    not allow are not shown. Unmet preconditions are listed under the button: most can be met by
    this very save (a verdict, a ticked step), so the button stays active — except the four-eyes
    rule, which no edit by this user can satisfy."""
    buttons = []
    for move in moves_from(claim.status):
        if not user.has_perm(move.permission):
            continue
        blocked = [message for check in move.preconditions if (message := check(claim, user))]
        kind = (
            "out"
            if move.target == ClaimStatus.DISMISSED
            else "forward"
            if move.target in _FORWARD and move.source != ClaimStatus.PUBLISHED
            else "back"
        )
        buttons.append(
            MoveButton(
                target=move.target,
                label=move.label[:1].upper() + move.label[1:],
                kind=kind,
                comment_required=move.comment_required,
                blocked=blocked,
                disabled=reviewer_is_not_assignee in move.preconditions
                and reviewer_is_not_assignee(claim, user) is not None,
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
    raw: list[tuple[object, list]] = []
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
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        return Truncator(str(value)).chars(140)

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
