"""Jobs: queueing a pipeline stage, and a job's lifecycle queued → running → done/failed with the
article's pipeline status rolled up from its jobs. The Job row is the outbox (workers/dispatch.py
publishes it after commit).
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.exceptions import TransitionForbidden
from claims.models import Article, Claim, Job, JobState, PipelineStatus
from workers.dispatch import job_enqueue

from . import webhook_events


def job_queue(
    *,
    stage: str,
    article: Article | None = None,
    claim: Claim | None = None,
    publish: bool = True,
) -> Job:
    """Queue one pipeline stage for an article or a claim, publishing it after commit.

    One Job row per (target, stage): queuing again re-arms a finished or failed job; a job still
    queued or running is left as it is (it will do the work anyway). With `publish=False` the row
    is written but not sent: the caller sends it (the extract task publishes its follow-ups as one
    canvas), or the sweeper will.
    """
    job, created = Job.objects.get_or_create(article=article, claim=claim, stage=stage)
    if not created:
        rearmed = Job.objects.filter(pk=job.pk, state__in=[JobState.DONE, JobState.FAILED]).update(
            state=JobState.QUEUED,
            attempts=0,
            last_error="",
            task_id="",
            queued_at=timezone.now(),
            published_at=None,
            started_at=None,
            finished_at=None,
        )
        if not rearmed:
            return job
        job.refresh_from_db()
    if publish:
        job_enqueue(job=job)
    return job


def job_requeue(*, jobs, actor=None) -> list[Job]:
    """Queue failed jobs again with their attempts reset (the ops view's "requeue"). Jobs in any
    other state are left as they are; returns the jobs requeued."""
    if actor is not None and not actor.has_perm("claims.change_job"):
        raise TransitionForbidden("your role does not allow you to requeue jobs")
    requeued = []
    for job in jobs:
        if job.state != JobState.FAILED:
            continue
        requeued.append(job_queue(stage=job.stage, article=job.article, claim=job.claim))
    return requeued


# --- Pipeline: job lifecycle ----------------------------------------------------------------------
# Workers move a Job queued → running → done/failed with compare-and-swap updates (Healthchecks'
# pattern): `updated != 1` means another run got there first, and this one does nothing.


def job_start(*, job_id: int, task_id: str) -> Job | None:
    """Claim a job for this run: queued → running, attempts + 1. Returns None if not ours to run.

    A job already running under the *same* task id was orphaned by a worker that died mid-task and
    the broker redelivered its message (acks_late): this run takes it over. A job out of attempts
    is marked failed instead of run again.
    """
    claimable = Q(state=JobState.QUEUED) | Q(state=JobState.RUNNING, task_id=task_id)
    job = Job.objects.filter(claimable, pk=job_id).first()
    if job is None:
        return None
    max_attempts = settings.FACTCHECK["JOB_MAX_ATTEMPTS"]
    if job.attempts >= max_attempts:
        job_fail(
            job=job,
            error=f"gave up after {job.attempts} attempts; last error: {job.last_error or 'none'}",
        )
        return None
    updated = Job.objects.filter(claimable, pk=job_id, attempts=job.attempts).update(
        state=JobState.RUNNING,
        attempts=F("attempts") + 1,
        task_id=task_id,
        started_at=timezone.now(),
        finished_at=None,
    )
    if updated != 1:
        return None
    job.refresh_from_db()
    _pipeline_rollup(job)
    return job


def job_finish(*, job: Job) -> None:
    """running → done."""
    Job.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
        state=JobState.DONE, last_error="", finished_at=timezone.now()
    )
    _pipeline_rollup(job)


def job_fail(*, job: Job, error: str) -> None:
    """→ failed, with the error kept on the row for the ops view."""
    Job.objects.filter(pk=job.pk, state__in=[JobState.QUEUED, JobState.RUNNING]).update(
        state=JobState.FAILED, last_error=error[:4000], finished_at=timezone.now()
    )
    _pipeline_rollup(job)


def job_retry_later(*, job: Job, error: str) -> None:
    """running → queued after a transient error; the task's retry will claim it again."""
    Job.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
        state=JobState.QUEUED, last_error=error[:4000]
    )


def _pipeline_rollup(job: Job) -> None:
    article_id = job.article_id
    if article_id is None and job.claim_id is not None:
        article_id = (
            Claim.objects.filter(pk=job.claim_id).values_list("article_id", flat=True).first()
        )
    if article_id is not None:
        article_pipeline_rollup(article_id=article_id)


def article_pipeline_rollup(*, article_id: int) -> str:
    """The article's pipeline status from its jobs and its claims' jobs: failed if any failed,
    done when all are done, queued while nothing has started, running otherwise.

    Computed under a lock on the article row: two workers finishing the last two jobs at once
    would otherwise each read the other's job as unfinished, and the later write could leave the
    article "running" for ever. Each caller's own job update is committed before it gets here, so
    whoever takes the lock last sees every update.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return PipelineStatus.FAILED
        states = set(
            Job.objects.filter(Q(article_id=article_id) | Q(claim__article_id=article_id))
            .values_list("state", flat=True)
            .distinct()
        )
        if JobState.FAILED in states:
            status = PipelineStatus.FAILED
        elif states <= {JobState.DONE}:
            status = PipelineStatus.DONE if states else PipelineStatus.QUEUED
        elif states == {JobState.QUEUED}:
            status = PipelineStatus.QUEUED
        else:
            status = PipelineStatus.RUNNING
        if article.pipeline_status != status:
            Article.objects.filter(pk=article_id).update(pipeline_status=status)
            webhook_events.article_pipeline_finished(article_id=article_id, status=status)
    return status
