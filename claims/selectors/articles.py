"""Reads of articles, their pipeline's jobs, and the entities and jobs lists."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, Q, QuerySet

from claims.models import Article, Claim, Entity, Job

from .desk import count_of


def article_list() -> QuerySet[Article]:
    """Articles with their outlet and how many claims were found in each (a correlated subquery,
    counted for the page's rows only: no join and GROUP BY over every claim)."""
    return (
        Article.objects.select_related("outlet")
        .annotate(claim_count=count_of(Claim.objects.filter(article=OuterRef("pk")), by="article"))
        .order_by("-published_at", "-id")
    )


def article_jobs_filter(article_id: int) -> Q:
    """The jobs of an article's pipeline: its own (extract) and its claims' (enrich, checklist)."""
    return Q(article_id=article_id) | Q(claim__article_id=article_id)


def article_jobs(*, article_id: int) -> QuerySet[Job]:
    """Every job of an article's pipeline, in the order they were queued."""
    return Job.objects.filter(article_jobs_filter(article_id)).order_by("queued_at", "id")


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
    article.pipeline_jobs = list(article_jobs(article_id=article.pk))  # type: ignore[attr-defined]
    return article


def entity_list() -> QuerySet[Entity]:
    return Entity.objects.order_by("name", "id")


def job_list() -> QuerySet[Job]:
    return Job.objects.order_by("-queued_at", "-id")
