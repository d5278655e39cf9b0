"""Publishing jobs to the broker: the outbox's one way out.

A Job row is written in the same transaction as the work it stands for. `job_enqueue()` publishes it
only after that transaction commits, and never raises into the caller: if the broker is down the
row simply stays queued, and `jobs_republish_stale()` (run by beat) publishes it again later. The
tasks themselves are idempotent (compare-and-swap on the Job's state), so a job published twice
runs once.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import chain, group
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims.models import Job, JobStage, JobState
from factcheck.celery import app as celery_app

logger = logging.getLogger(__name__)

# Stage → registered task name. Tasks take the id of the article or claim the job is about.
STAGE_TASKS: dict[str, str] = {
    JobStage.FETCH: "factcheck.pipeline.fetch_article",
    JobStage.EXTRACT: "factcheck.pipeline.extract_claims",
    JobStage.ENRICH: "factcheck.pipeline.enrich_claim",
    JobStage.CHECKLIST: "factcheck.pipeline.build_checklist",
}


def job_enqueue(*, job: Job) -> None:
    """Publish `job` once the current transaction commits (at once outside a transaction)."""
    job_id = job.pk
    transaction.on_commit(lambda: job_publish(job_id=job_id), robust=True)


def job_publish(*, job_id: int) -> bool:
    """Send the job's task to the broker. Returns False, logging why, when it could not.

    Never raises: the Job row stays queued and is the record that the work is still owed.
    """
    job = Job.objects.filter(pk=job_id, state=JobState.QUEUED).first()
    if job is None:
        return False  # gone, or already picked up by a worker
    target_id = job.article_id if job.article_id is not None else job.claim_id
    try:
        result = celery_app.send_task(
            STAGE_TASKS[job.stage],
            args=[target_id],
            # Fail fast: the sweeper is our retry loop, not a blocked web request.
            retry=False,
        )
    except Exception as exc:  # broker down, DNS, auth …: all mean "publish later"
        logger.warning(
            "Job %s not published (%s: %s); it stays queued", job_id, type(exc).__name__, exc
        )
        return False
    Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(
        task_id=result.id, published_at=timezone.now()
    )
    return True


def claim_jobs_publish(*, claim_ids: list[int]) -> bool:
    """Publish each claim's enrich → checklist as one canvas: a group of chains.

    Never raises: on failure the Job rows stay queued and the sweeper publishes them one by one
    (the checklist stage waits for enrichment on its own, so order still holds).
    """
    if not claim_ids:
        return True
    canvas = group(
        chain(
            celery_app.signature(STAGE_TASKS[JobStage.ENRICH], args=[claim_id], immutable=True),
            celery_app.signature(STAGE_TASKS[JobStage.CHECKLIST], args=[claim_id], immutable=True),
        )
        for claim_id in claim_ids
    )
    try:
        canvas.apply_async(retry=False)
    except Exception as exc:
        logger.warning(
            "Jobs of %d claims not published (%s: %s); they stay queued",
            len(claim_ids),
            type(exc).__name__,
            exc,
        )
        return False
    Job.objects.filter(claim_id__in=claim_ids, state=JobState.QUEUED).update(
        published_at=timezone.now()
    )
    return True


def claim_jobs_enqueue(*, claim_ids: list[int]) -> None:
    """`claim_jobs_publish()` once the current transaction commits."""
    ids = list(claim_ids)
    transaction.on_commit(lambda: claim_jobs_publish(claim_ids=ids), robust=True)


def jobs_republish_stale(*, older_than: timedelta | None = None) -> int:
    """Publish every queued job never published, or published `older_than` ago and not started.

    Returns how many were published. Safe to run at any time and from several places.
    """
    if older_than is None:
        older_than = timedelta(seconds=settings.FACTCHECK["JOB_STALE_AFTER"])
    now = timezone.now()
    cutoff = now - older_than
    # A job "running" for longer than a task may live lost its worker and its message (a task
    # without acks_late, or a broker that lost the message): give it back to the queue.
    abandoned = now - timedelta(seconds=settings.TASK_TIME_LIMIT) - older_than
    Job.objects.filter(state=JobState.RUNNING, started_at__lt=abandoned).update(
        state=JobState.QUEUED, last_error="abandoned: its worker stopped answering"
    )
    stale = Job.objects.filter(state=JobState.QUEUED).filter(
        Q(published_at__isnull=True) | Q(published_at__lt=cutoff)
    )
    published = 0
    for job_id in stale.order_by("queued_at").values_list("pk", flat=True)[:500]:
        published += job_publish(job_id=job_id)
    return published
