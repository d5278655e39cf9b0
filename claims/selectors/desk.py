"""Reads of the editors' desk in the admin: the claim changelist's rows, the dashboard, and what
the claim page shows besides its form.

Each function returns a queryset or plain values with a fixed number of queries, whatever the
number of rows: the changelist's and the claim page's query counts are pinned by tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims import workflow
from claims.models import (
    ChecklistItem,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Job,
    JobState,
    Mention,
    SimilarClaim,
)

# A claim row of `claims_desk_annotate()`, with `checklist_total`, `checklist_worked` and
# `claim_date` (annotations the type checker cannot see).
DeskClaim: TypeAlias = Any


def count_of(items: QuerySet, *, by: str = "claim") -> Coalesce:
    """COUNT(*) of `items` (rows of one parent, `by` its foreign key, filtered on OuterRef) as a
    correlated subquery: no GROUP BY on the parents, no row multiplication when combined with
    other joins, computed for the rows of the page only."""
    counted = items.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), Value(0))


def claims_desk_annotate(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """The claim changelist's rows: related rows joined, checklist progress counted in SQL."""
    per_claim = ChecklistItem.objects.filter(claim=OuterRef("pk"))
    return queryset.select_related(
        "article", "article__outlet", "claimant", "assignee", "reviewer"
    ).annotate(
        checklist_total=count_of(per_claim),
        checklist_worked=count_of(per_claim.filter(workflow.CHECKLIST_WORKED)),
        claim_date=Coalesce("article__published_at", "created_at"),
    )


# Below this many rows an exact count is cheap; above it, an unfiltered list shows the planner's
# estimate (pg_class.reltuples, kept by autovacuum and ANALYZE).
EXACT_COUNT_BELOW = 10_000


def count_estimate(queryset: QuerySet) -> int | None:
    """How many rows an unfiltered `queryset` has, in one query that reads at most
    `EXACT_COUNT_BELOW` index entries: the exact count below that, PostgreSQL's estimate
    (pg_class.reltuples) above it. None when the queryset is filtered or the database not
    PostgreSQL (count exactly then)."""
    if connection.vendor != "postgresql" or queryset.query.where:
        return None
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT %s) AS head), "
            "(SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass)",
            [EXACT_COUNT_BELOW, queryset.model._meta.db_table],
        )
        exact, estimate = cursor.fetchone()
    return exact if exact < EXACT_COUNT_BELOW else max(exact, estimate or 0)


def claims_with_open_required(queryset: QuerySet[Claim], *, value: bool) -> QuerySet[Claim]:
    unworked = ChecklistItem.objects.filter(
        workflow.CHECKLIST_UNWORKED_REQUIRED, claim=OuterRef("pk")
    )
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
    board.open_total = sum(counts.get(status, 0) for status in workflow.OPEN)

    rows = Claim.objects.select_related("article", "assignee")
    mine = rows.filter(assignee=user, status__in=workflow.OPEN).order_by(
        "due_at", "-checkworthiness", "pk"
    )
    board.mine_total = mine.count()
    board.mine = list(mine[:limit])

    overdue = rows.filter(status__in=workflow.OPEN, due_at__lt=timezone.now()).order_by("due_at")
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


def claim_page_prefetch(claim: Claim) -> None:
    """Load once what the claim page shows twice (in the paragraph and in the enrichment
    fieldset): the claim's mentions with their entities, its quantities and its dates."""
    mentions = Prefetch("mentions", queryset=Mention.objects.select_related("entity"))
    prefetch_related_objects([claim], mentions, "quantities", "dates")


def claim_similar(claim: Claim) -> list[SimilarClaim]:
    """The claims suggested as saying the same, best first, with their articles and who
    decided."""
    return list(
        claim.similar.select_related("other", "other__article", "decided_by").order_by(
            "-score", "pk"
        )
    )


def claim_recent_events(claim: Claim, *, limit: int = 50) -> list[ClaimEvent]:
    """The claim's latest events, newest first, with who made them."""
    return list(claim.events.select_related("actor").order_by("-at", "-pk")[:limit])
