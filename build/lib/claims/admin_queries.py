"""Reads with joins for the editors' desk in the admin (the REST API has its own in selectors.py).

Each function returns a queryset or plain values with a fixed number of queries, whatever the
number of rows: the changelist's query count is pinned by a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import (
    ChecklistItem,
    ChecklistState,
    Claim,
    ClaimStatus,
    Job,
    JobState,
)

OPEN_STATUSES = (
    ClaimStatus.NEW,
    ClaimStatus.TRIAGED,
    ClaimStatus.RESEARCHING,
    ClaimStatus.IN_REVIEW,
)

# A checklist item counts as worked when done, or skipped with a note (as the workflow demands
# before review). The same rule as claims.workflow.required_checklist_worked, as a Q.
WORKED = Q(state=ChecklistState.DONE) | (Q(state=ChecklistState.SKIPPED) & ~Q(note=""))
UNWORKED_REQUIRED = Q(required=True) & ~WORKED


def _count(items: QuerySet) -> Subquery:
    """COUNT(*) of checklist items per claim as a correlated subquery (no GROUP BY on claims,
    no row multiplication when combined with other joins)."""
    counted = items.order_by().values("claim").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), Value(0))


def claims_desk_annotate(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """The claim changelist's rows: related rows joined, checklist progress counted in SQL."""
    per_claim = ChecklistItem.objects.filter(claim=OuterRef("pk"))
    return queryset.select_related(
        "article", "article__outlet", "claimant", "assignee", "reviewer"
    ).annotate(
        checklist_total=_count(per_claim),
        checklist_worked=_count(per_claim.filter(WORKED)),
        has_open_required=Exists(per_claim.filter(UNWORKED_REQUIRED)),
        claim_date=Coalesce("article__published_at", "created_at"),
    )


def claims_with_open_required(queryset: QuerySet[Claim], *, value: bool) -> QuerySet[Claim]:
    unworked = ChecklistItem.objects.filter(UNWORKED_REQUIRED, claim=OuterRef("pk"))
    return queryset.filter(Exists(unworked)) if value else queryset.exclude(Exists(unworked))


@dataclass
class Dashboard:
    """What the admin index shows an editor: the desk at a glance."""

    by_status: list[tuple[str, str, int]] = field(default_factory=list)
    open_total: int = 0
    mine: list[Claim] = field(default_factory=list)
    mine_total: int = 0
    overdue: list[Claim] = field(default_factory=list)
    overdue_total: int = 0
    failed_jobs: list[Job] = field(default_factory=list)
    failed_jobs_total: int = 0
    published: list[Claim] = field(default_factory=list)


def dashboard_for(*, user, limit: int = 8, show_jobs: bool = True) -> Dashboard:
    """The dashboard for `user`: counts per status, their open claims, overdue claims, failed jobs
    and the latest published verdicts. Eight queries at most, whatever the size of the desk."""
    board = Dashboard()
    counts = dict(
        Claim.objects.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    board.by_status = [(value, label, counts.get(value, 0)) for value, label in ClaimStatus.choices]
    board.open_total = sum(counts.get(status, 0) for status in OPEN_STATUSES)

    rows = Claim.objects.select_related("article", "assignee")
    mine = rows.filter(assignee=user, status__in=OPEN_STATUSES).order_by(
        "due_at", "-checkworthiness", "pk"
    )
    board.mine_total = mine.count()
    board.mine = list(mine[:limit])

    overdue = rows.filter(status__in=OPEN_STATUSES, due_at__lt=timezone.now()).order_by("due_at")
    board.overdue_total = overdue.count()
    board.overdue = list(overdue[:limit])

    if show_jobs:
        failed = Job.objects.filter(state=JobState.FAILED).select_related("article", "claim")
        board.failed_jobs_total = failed.count()
        board.failed_jobs = list(failed.order_by("-finished_at", "-pk")[:limit])

    board.published = list(
        rows.select_related("reviewer")
        .filter(status=ClaimStatus.PUBLISHED)
        .order_by("-published_at", "-pk")[:limit]
    )
    return board
