"""Celery tasks. Thin: take an id, run a pipeline stage, own only the retry policy.

Names are explicit so that renaming a function never orphans messages already queued. Every
pipeline task is idempotent (Job compare-and-swap, unique constraints, upserts), so it runs with
acks_late + reject_on_worker_lost: a worker killed mid-task leaves the message to be redelivered,
and the redelivery takes over the orphaned Job (same task id). Transient errors retry with
exponential backoff; the Job's attempts cap ends a job that keeps failing.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from claims.services import idempotency_keys_purge
from workers import pipeline
from workers.dispatch import claim_jobs_publish, jobs_republish_stale

PIPELINE_TASK = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "ignore_result": True,
    "autoretry_for": pipeline.TRANSIENT_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": settings.RETRY_BACKOFF_MAX,
    "retry_jitter": True,
    "max_retries": settings.FACTCHECK["JOB_MAX_ATTEMPTS"],
}


@shared_task(name="factcheck.pipeline.fetch_article", **PIPELINE_TASK)
def fetch_article(self, article_id: int) -> None:
    """Fetch the page of an article ingested from a URL; its extraction is queued when it is in."""
    pipeline.stage_fetch(article_id, task_id=self.request.id)


@shared_task(name="factcheck.pipeline.extract_claims", **PIPELINE_TASK)
def extract_claims(self, article_id: int) -> None:
    """Extract the article's claims, then publish enrich → checklist for each as one canvas."""
    claim_ids = pipeline.stage_extract(article_id, task_id=self.request.id)
    if claim_ids:
        claim_jobs_publish(claim_ids=claim_ids)


@shared_task(name="factcheck.pipeline.enrich_claim", **PIPELINE_TASK)
def enrich_claim(self, claim_id: int) -> None:
    pipeline.stage_enrich(claim_id, task_id=self.request.id)


@shared_task(name="factcheck.pipeline.build_checklist", **PIPELINE_TASK)
def build_checklist(self, claim_id: int) -> None:
    pipeline.stage_checklist(claim_id, task_id=self.request.id)


@shared_task(name="factcheck.jobs.republish_stale", ignore_result=True)
def republish_stale_jobs() -> int:
    """Beat: publish again the queued jobs whose first publish failed or was lost."""
    return jobs_republish_stale()


@shared_task(name="factcheck.maintenance.purge_idempotency_keys", ignore_result=True)
def purge_idempotency_keys() -> int:
    """Beat, hourly: the API's Idempotency-Key records past their time to live."""
    return idempotency_keys_purge()
