"""Reads of claims: the API's claim representation, a claim's history, checklist and evidence, and
the published claims their ClaimReviews are built from."""

from __future__ import annotations

import functools
from collections.abc import Collection

from django.db import connection
from django.db.models import IntegerField, Prefetch, QuerySet
from django.db.models.expressions import RawSQL

from claims import workflow
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
    "already_checked": Prefetch(
        "external_matches",
        queryset=ExternalMatch.objects.select_related("external").order_by("-score", "id"),
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
        PARTS["already_checked"],
    )


# The list's counts: one correlated COUNT(*) per part, over the foreign key's index, for the
# page's rows only. Written as SQL: a list page builds them on every request, and
# Subquery(...values().annotate(Count)) cost several times the query's own run time to compile.
_COUNTS = {
    "checklist_total": ("claims_checklistitem", ""),
    "evidence_total": ("claims_evidence", ""),
    "similar_total": ("claims_similarclaim", " AND claims_similarclaim.decision <> 'rejected'"),
    "mentions_total": ("claims_mention", ""),
    "already_checked_total": ("claims_externalmatch", ""),
}


def _count_sql(table: str, condition: str = "") -> str:
    return f'(SELECT count(*) FROM {table} WHERE {table}.claim_id = "claims_claim"."id"{condition})'


def _worked_count() -> RawSQL:
    """Worked checklist items by `workflow.CHECKLIST_WORKED`, the rule compiled for this
    database (it is a regex on PostgreSQL, a function on SQLite)."""
    sql, params = _worked_sql(connection.vendor)
    return RawSQL(sql, params, output_field=IntegerField())


@functools.cache
def _worked_sql(vendor: str) -> tuple[str, tuple]:
    # Once per process and database: the list builds its counts on every request.
    query = ChecklistItem.objects.filter(workflow.CHECKLIST_WORKED).query
    where, params = query.get_compiler(connection=connection).compile(query.where)
    return _count_sql("claims_checklistitem", f" AND ({where})"), tuple(params)


def _counts(vendor: str) -> dict[str, RawSQL]:
    """The list's counts. PostgreSQL keeps them on the claim's row (columns of the same names
    that triggers maintain, migration 0015): reading six columns instead of planning and running
    six correlated counts per listed claim was a fifth of the list's time. SQLite counts."""
    if vendor == "postgresql":
        return {
            name: RawSQL(f'"claims_claim"."{name}"', (), output_field=IntegerField())
            for name in ("checklist_worked", *_COUNTS)
        }
    counts = {
        name: RawSQL(_count_sql(table, condition), (), output_field=IntegerField())
        for name, (table, condition) in _COUNTS.items()
    }
    return {"checklist_worked": _worked_count(), **counts}


# What a listed claim shows or is ordered by (the API's `ordering` keys): the list reads only
# these columns (no JSON reasons to decode, no user's password hash to carry).
LISTED_FIELDS = (
    "id",
    "article_id",
    "text",
    "start",
    "end",
    "claim_type",
    "checkworthiness",
    "status",
    "verdict",
    "priority",
    "due_at",
    "version",
    "created_at",
    "updated_at",
    "claimant__id",
    "claimant__name",
    "claimant__kind",
    "assignee__id",
    "assignee__username",
)
# A listed claim as `claim_rows()` reads it without `expand`: its columns and its counts.
LISTED_VALUES = (*LISTED_FIELDS, "checklist_worked", *_COUNTS)


def claim_rows(*, expand: Collection[str] = ()) -> QuerySet:
    """Claims as the API's list shows them: one query, claimant and assignee joined, how many
    checklist items (and worked ones), evidence, similar claims (not rejected) and entity
    mentions each has, counted by correlated subqueries (no GROUP BY over the claims, no
    DISTINCT); plus one query per part in `expand` (names of `PARTS`).

    Without `expand` the rows are dicts (`.values()`, keyed by `LISTED_VALUES` and any
    annotation added later, such as the search's rank): building 50 model instances, each
    with its claimant and assignee, took longer than the query. With `expand` they are
    Claim instances, which the parts are prefetched onto."""
    # Built once per database and set of parts, cloned per request: building the annotations and
    # the values' joins took longer than running the query (a QuerySet is only evaluated as a
    # clone, so the cached one never holds rows).
    return _claim_rows(connection.vendor, frozenset(expand)).all()


@functools.lru_cache(maxsize=64)
def _claim_rows(vendor: str, expand: frozenset[str]) -> QuerySet:
    rows = Claim.objects.annotate(**_counts(vendor))
    if not expand:
        return rows.values(*LISTED_VALUES)
    return (
        rows.select_related("claimant", "assignee")
        .only(*LISTED_FIELDS)
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
