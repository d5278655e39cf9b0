"""The events webhooks report and the data each carries (docs/webhooks.md). The services call
these where the events happen, inside their transactions; the data is built only when an endpoint
subscribes to the event."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from claims import selectors
from claims.claimreview import claimreview
from claims.models import Article, Claim, ClaimStatus, Job, JobState, PipelineStatus, WebhookEvent

from .webhooks import webhook_emit


def claim_data(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.pk,
        "article_id": claim.article_id,
        "text": claim.text,
        "claim_type": claim.claim_type,
        "status": claim.status,
        "verdict": claim.verdict,
        "verdict_summary": claim.verdict_summary,
        "claimant": claim.claimant.name if claim.claimant else None,
        "checkworthiness": claim.checkworthiness,
        "version": claim.version,
        "api_path": reverse("api:claim-detail", args=[claim.pk]),
    }


def article_data(article: Article) -> dict[str, Any]:
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet.name if article.outlet else None,
        "pipeline_status": article.pipeline_status,
        "claims": getattr(article, "claims_total", None),
        "api_path": reverse("api:article-detail", args=[article.pk]),
    }


def _claim(claim_id: int) -> Claim:
    return Claim.objects.select_related("claimant").get(pk=claim_id)


def claims_created(*, claim_ids: list[int]) -> None:
    """`claim.created`, one message per new claim."""
    if not claim_ids:
        return
    webhook_emit(
        event_type=WebhookEvent.CLAIM_CREATED,
        data=lambda: [
            {"claim": claim_data(claim)}
            for claim in Claim.objects.filter(pk__in=claim_ids).select_related("claimant")
        ],
    )


def claim_moved(*, claim_id: int, from_status: str, to_status: str, actor, comment: str) -> None:
    """`claim.status_changed` for every move, and `claim.published` with the ClaimReview."""
    webhook_emit(
        event_type=WebhookEvent.CLAIM_STATUS_CHANGED,
        data=lambda: {
            "claim": claim_data(_claim(claim_id)),
            "from": from_status,
            "to": to_status,
            "actor": actor.get_username() if actor is not None else "worker",
            "comment": comment,
        },
    )
    if to_status == ClaimStatus.PUBLISHED:
        webhook_emit(event_type=WebhookEvent.CLAIM_PUBLISHED, data=lambda: _published(claim_id))


def _published(claim_id: int) -> dict[str, Any]:
    claim = selectors.claimreview_list().get(pk=claim_id)
    organization = settings.FACTCHECK["ORGANIZATION_URL"]
    document = claimreview(claim, absolute_uri=lambda path: urljoin(organization, path))
    return {"claim": claim_data(claim), "claimreview": document}


def article_pipeline_finished(*, article_id: int, status: str) -> None:
    """`article.pipeline_done` or `article.pipeline_failed` (with the failed jobs' errors)."""
    if status not in (PipelineStatus.DONE, PipelineStatus.FAILED):
        return
    done = status == PipelineStatus.DONE

    def data() -> dict[str, Any]:
        article = (
            Article.objects.select_related("outlet")
            .annotate(claims_total=Count("claims"))
            .get(pk=article_id)
        )
        found: dict[str, Any] = {"article": article_data(article)}
        if not done:
            failed = Job.objects.filter(
                selectors.article_jobs_filter(article_id), state=JobState.FAILED
            )
            found["failed_jobs"] = [
                {"stage": stage, "claim_id": claim_id, "error": error}
                for stage, claim_id, error in failed.values_list("stage", "claim_id", "last_error")
            ]
        return found

    event = WebhookEvent.ARTICLE_PIPELINE_DONE if done else WebhookEvent.ARTICLE_PIPELINE_FAILED
    webhook_emit(event_type=event, data=data)
