"""Selectors: reads with joins (HackSoft styleguide), shared by the API and anyone else who reads.

Every function returns rows with what their callers show already joined or prefetched, so that a
list costs the same number of queries for one row as for two hundred.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import (
    Article,
    ChecklistItem,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Entity,
    Evidence,
    Job,
    Mention,
    SimilarClaim,
    SimilarityDecision,
)


# --- Claims ---------------------------------------------------------------------------------------
def claim_list() -> QuerySet[Claim]:
    """Claims with everything the API's claim representation shows: one query for the claims
    (article, claimant, assignee, reviewer joined) and one per enrichment relation."""
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
    )


def claim_detail(*, claim_id: int) -> Claim:
    """One claim as `claim_list()` shows it. Raises Claim.DoesNotExist."""
    return claim_list().get(pk=claim_id)


def claim_events(*, claim_id: int) -> QuerySet[ClaimEvent]:
    """The editor-facing history of a claim, oldest first."""
    return ClaimEvent.objects.filter(claim_id=claim_id).select_related("actor").order_by("at", "id")


def checklist_items(*, claim_id: int) -> QuerySet[ChecklistItem]:
    return (
        ChecklistItem.objects.filter(claim_id=claim_id)
        .select_related("claim", "done_by")
        .order_by("order", "id")
    )


def evidence_items(*, claim_id: int) -> QuerySet[Evidence]:
    return (
        Evidence.objects.filter(claim_id=claim_id)
        .select_related("claim", "added_by")
        .order_by("added_at", "id")
    )


# --- Articles -------------------------------------------------------------------------------------
def article_list() -> QuerySet[Article]:
    """Articles with their outlet and how many claims were found in each."""
    return (
        Article.objects.select_related("outlet")
        .annotate(claim_count=Count("claims"))
        .order_by("-published_at", "-id")
    )


def article_jobs(*, article: Article) -> QuerySet[Job]:
    """Every pipeline job of an article: its own (extract) and its claims' (enrich, checklist)."""
    return Job.objects.filter(Q(article=article) | Q(claim__article=article)).order_by(
        "queued_at", "id"
    )


def article_detail(*, article_id: int) -> Article:
    """One article with its claims (claimant joined) and, as `pipeline_jobs`, every job of its
    pipeline. Raises Article.DoesNotExist."""
    article = (
        article_list()
        .prefetch_related(
            Prefetch(
                "claims",
                queryset=Claim.objects.select_related("claimant").order_by("start", "id"),
            )
        )
        .get(pk=article_id)
    )
    article.pipeline_jobs = list(article_jobs(article=article))
    return article


# --- Entities and jobs ----------------------------------------------------------------------------
def entity_list() -> QuerySet[Entity]:
    return Entity.objects.order_by("name", "id")


def job_list() -> QuerySet[Job]:
    return Job.objects.order_by("-queued_at", "-id")


# --- ClaimReview ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Appearance:
    """An article a claim appeared in."""

    url: str | None
    headline: str
    published_at: object
    publisher: str | None


def claimreview_list() -> QuerySet[Claim]:
    """Published claims with what their ClaimReview needs: their article and outlet, their
    claimant, and the articles of the claims recorded as saying the same thing (duplicates and
    confirmed similar claims). Newest verdict first."""
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


def claim_appearances(claim: Claim) -> list[Appearance]:
    """The articles a claim (from `claimreview_list()`) appeared in, earliest first, each once."""
    articles = []
    if claim.article is not None:
        articles.append(claim.article)
    articles.extend(dup.article for dup in claim.duplicates.all())
    articles.extend(similar.other.article for similar in claim.confirmed_similar)
    seen: set[int] = set()
    found = []
    for article in sorted(articles, key=lambda a: (a.published_at, a.pk)):
        if article.pk in seen:
            continue
        seen.add(article.pk)
        found.append(
            Appearance(
                url=article.url,
                headline=article.title,
                published_at=article.published_at,
                publisher=article.outlet.name if article.outlet else None,
            )
        )
    return found
