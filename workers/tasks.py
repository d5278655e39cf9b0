"""Celery tasks. Thin: take ids, run a pipeline stage, own only the retry policy.

Names are explicit so that renaming a function never orphans messages already queued. Every
pipeline task is idempotent (Job compare-and-swap, unique constraints, upserts), so it runs with
acks_late + reject_on_worker_lost: a worker killed mid-task leaves the message to be redelivered,
and the redelivery takes over the orphaned Jobs (same task id). Transient errors retry with
exponential backoff; the Job's attempts cap ends a job that keeps failing. A checklist waiting
for its enrichment retries on its own budget, without spending the job's attempts.

Queue layout: one queue (Celery's default, `celery`). The extract task runs the claim stages of an
article with at most FACTCHECK_INLINE_CLAIMS claims itself, and publishes a longer article's
claims as `process_claims` batches of FACTCHECK_CLAIMS_PER_TASK claims; any worker takes any task,
so scaling out is running more workers (`docker compose up --scale worker=N`).
"""

from __future__ import annotations

from celery import shared_task
from celery.signals import worker_init, worker_ready
from django.conf import settings

from claims.services import (
    claim_jobs_publish,
    idempotency_keys_purge,
    jobs_republish_stale,
    jobs_take_back,
)
from workers import pipeline, warm

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
NOT_READY_RETRIES = 100  # about an hour of waiting at the 30-second ceiling


def _worker(task) -> str:
    return task.request.hostname or ""


@shared_task(name="factcheck.pipeline.fetch_article", **PIPELINE_TASK)
def fetch_article(self, article_id: int) -> None:
    """Fetch the page of an article ingested from a URL; its extraction is queued when it is in."""
    pipeline.stage_fetch(article_id, task_id=self.request.id, worker=_worker(self))


@shared_task(name="factcheck.pipeline.extract_claims", **PIPELINE_TASK)
def extract_claims(self, article_id: int) -> None:
    """Extract the article's claims, then enrich and check them here (a short article) or publish
    their enrichment and checklists in batches (a longer one)."""
    claim_ids = pipeline.stage_extract_and_claims(
        article_id, task_id=self.request.id, worker=_worker(self)
    )
    if claim_ids:
        claim_jobs_publish(claim_ids=claim_ids, force=True)


@shared_task(name="factcheck.pipeline.process_claims", **PIPELINE_TASK)
def process_claims(self, claim_ids: list[int]) -> None:
    """Enrichment then checklists for a batch of an article's claims."""
    pipeline.stage_claims(claim_ids, task_id=self.request.id, worker=_worker(self))


@shared_task(name="factcheck.pipeline.enrich_claim", **PIPELINE_TASK)
def enrich_claim(self, claim_id: int) -> None:
    pipeline.stage_enrich(claim_id, task_id=self.request.id, worker=_worker(self))


@shared_task(name="factcheck.pipeline.build_checklist", **PIPELINE_TASK)
def build_checklist(self, claim_id: int) -> None:
    try:
        pipeline.stage_checklist(claim_id, task_id=self.request.id, worker=_worker(self))
    except pipeline.NotReady as exc:
        countdown = min(2 ** min(self.request.retries, 5), 30)
        raise self.retry(exc=exc, countdown=countdown, max_retries=NOT_READY_RETRIES) from None


@shared_task(name="factcheck.jobs.republish_stale", ignore_result=True)
def republish_stale_jobs() -> int:
    """Beat: publish again the queued jobs whose message the broker no longer holds."""
    return jobs_republish_stale()


@shared_task(name="factcheck.maintenance.purge_idempotency_keys", ignore_result=True)
def purge_idempotency_keys() -> int:
    """Beat, hourly: the API's Idempotency-Key records past their time to live."""
    return idempotency_keys_purge()


@worker_ready.connect
def take_back_orphaned_jobs(sender=None, **_) -> None:
    """A worker starting under a name that was running jobs when it died takes them back now,
    rather than when the broker's visibility timeout runs out."""
    hostname = getattr(sender, "hostname", "")
    if hostname:
        jobs_take_back(worker=hostname)


@worker_init.connect
def load_language_models(**_) -> None:
    """The main process loads the language models before forking its pool, so that no pool
    process spends its first task (~2 s) loading them, and they share the memory."""
    warm.load_models(settings.FACTCHECK["CHECKWORTHINESS_SCORER"])
