"""A job's rows: queueing a stage, and its lifecycle queued → running → done/failed, one job at a
time or a batch of claims' jobs at once, with the article's pipeline status rolled up from its jobs.

Workers move a Job with compare-and-swap updates (Healthchecks' pattern): a row that is not in the
state the update expects is left alone, and that run does nothing to it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.exceptions import TransitionForbidden
from claims.models import Article, Claim, Job, JobStage, JobState, PipelineStatus

from .. import webhook_events
from . import outbox
from .claiming import claim_jobs_start_returning, job_start_returning

CLAIM_STAGES = (JobStage.ENRICH, JobStage.CHECKLIST)
_REARM = {
    "state": JobState.QUEUED,
    "attempts": 0,
    "last_error": "",
    "task_id": "",
    "worker": "",
    "published_at": None,
    "started_at": None,
    "finished_at": None,
}


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
    is written but not sent: the caller sends it, or the sweeper will.
    """
    job, created = Job.objects.get_or_create(article=article, claim=claim, stage=stage)
    if not created:
        rearmed = Job.objects.filter(pk=job.pk, state__in=[JobState.DONE, JobState.FAILED]).update(
            **_REARM, queued_at=timezone.now()
        )
        if not rearmed:
            return job
        job.refresh_from_db()
    if publish:
        outbox.job_enqueue(job=job)
    return job


# The missing claim jobs, queued (the model's defaults); an existing (claim, stage) is left.
_QUEUE_MISSING = """
INSERT INTO claims_job (claim_id, stage, state, attempts, last_error, task_id, worker, queued_at)
SELECT c.id, s.stage, %s, 0, '', '', '', %s
FROM unnest(%s::bigint[]) AS c(id) CROSS JOIN unnest(%s::text[]) AS s(stage)
ON CONFLICT DO NOTHING
"""


def claim_jobs_queue(
    *, claim_ids: Iterable[int], stages: Iterable[str] = CLAIM_STAGES, new: Iterable[int] = ()
) -> None:
    """`job_queue(publish=False)` for many claims and stages in two queries: the missing rows
    created, the finished or failed ones re-armed, the queued or running ones left as they are.
    Claims in `new` were created in this transaction: they have no jobs to re-arm."""
    ids, stages = list(claim_ids), list(stages)
    if not ids:
        return
    if connection.vendor == "postgresql":  # one statement, no Job instance built per row
        with connection.cursor() as cursor:
            stage_names = [str(stage) for stage in stages]
            cursor.execute(_QUEUE_MISSING, [str(JobState.QUEUED), timezone.now(), ids, stage_names])
    else:
        Job.objects.bulk_create(
            [Job(claim_id=claim_id, stage=stage) for claim_id in ids for stage in stages],
            ignore_conflicts=True,
        )
    ids = sorted(set(ids) - set(new))
    if not ids:
        return
    Job.objects.filter(
        claim_id__in=ids, stage__in=stages, state__in=[JobState.DONE, JobState.FAILED]
    ).update(**_REARM, queued_at=timezone.now())


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


def _claimable(task_id: str) -> Q:
    """Queued, or running under this very task id: a message redelivered after its worker died
    (acks_late) takes over the job the dead run left running."""
    return Q(state=JobState.QUEUED) | Q(state=JobState.RUNNING, task_id=task_id)


def _running(task_id: str, worker: str) -> dict:
    return {
        "state": JobState.RUNNING,
        "attempts": F("attempts") + 1,
        "task_id": task_id,
        "worker": worker[:255],
        "started_at": timezone.now(),
        "finished_at": None,
    }


def _give_up(job_filter: Q) -> None:
    """Fail the claimable jobs out of attempts, each with its last error."""
    cap = settings.FACTCHECK["JOB_MAX_ATTEMPTS"]
    for pk, attempts, last in Job.objects.filter(job_filter, attempts__gte=cap).values_list(
        "pk", "attempts", "last_error"
    ):
        error = f"gave up after {attempts} attempts; last error: {last or 'none'}"
        Job.objects.filter(job_filter, pk=pk).update(
            state=JobState.FAILED, last_error=error[:4000], finished_at=timezone.now()
        )


def job_start(*, job_filter: Q, task_id: str, worker: str = "") -> Job | None:
    """Claim the job `job_filter` matches for this run: queued → running, attempts + 1. Returns
    None if there is none or it is not ours to run. A job out of attempts is marked failed
    instead of run again. One statement on PostgreSQL (the job found and claimed at once)."""
    if connection.vendor == "postgresql":
        job = job_start_returning(job_filter, task_id, worker)
        if job is None:
            return None
        if job.state == JobState.FAILED:  # out of attempts: failed instead of run
            _pipeline_rollup(job)
            return None
        _pipeline_started(job)
        return job
    claimable = _claimable(task_id) & job_filter
    job = Job.objects.filter(claimable).first()
    if job is None:
        return None
    claimable = _claimable(task_id) & Q(pk=job.pk)
    if job.attempts >= settings.FACTCHECK["JOB_MAX_ATTEMPTS"]:
        _give_up(claimable)
        _pipeline_rollup(job)
        return None
    running = _running(task_id, worker)
    updated = Job.objects.filter(claimable, attempts=job.attempts).update(**running)
    if updated != 1:
        return None
    # What the update wrote, without reading the row back.
    running["attempts"] = job.attempts + 1
    for name, value in running.items():
        setattr(job, name, value)
    _pipeline_started(job)
    return job


def claim_jobs_start(*, stage: str, claim_ids: list[int], task_id: str, worker: str = "") -> set:
    """`job_start` for one stage of many claims: returns the claim ids whose job this run now
    holds; the claimable jobs out of attempts are failed instead. Two runs never hold the same
    job: the update re-checks each row's state under its row lock. One query on PostgreSQL."""
    if connection.vendor == "postgresql":
        return claim_jobs_start_returning(stage, claim_ids, task_id, worker)
    claimable = _claimable(task_id) & Q(stage=stage, claim_id__in=claim_ids)
    _give_up(claimable)
    cap = settings.FACTCHECK["JOB_MAX_ATTEMPTS"]
    Job.objects.filter(claimable, attempts__lt=cap).update(**_running(task_id, worker))
    return set(
        Job.objects.filter(
            stage=stage, claim_id__in=claim_ids, state=JobState.RUNNING, task_id=task_id
        ).values_list("claim_id", flat=True)
    )


def claim_jobs_end(
    *, stage: str, claim_ids: Iterable[int], task_id: str, errors: dict[int, str]
) -> None:
    """Close a batch run's jobs: failed with its error for a claim in `errors`, done otherwise."""
    ours = Q(stage=stage, state=JobState.RUNNING, task_id=task_id)
    now = timezone.now()
    for claim_id, error in errors.items():
        Job.objects.filter(ours, claim_id=claim_id).update(
            state=JobState.FAILED, last_error=error[:4000], finished_at=now
        )
    done = [claim_id for claim_id in claim_ids if claim_id not in errors]
    if connection.vendor != "postgresql":
        Job.objects.filter(ours, claim_id__in=done).update(
            state=JobState.DONE, last_error="", finished_at=now
        )
        return
    # Through the (claim, stage) index: see claiming._CLAIMABLE_SQL.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_job SET state = %(done)s, last_error = '', finished_at = %(now)s "
            "WHERE stage = %(stage)s AND claim_id = ANY(%(ids)s) "
            "AND CASE state WHEN %(running)s THEN task_id = %(task_id)s ELSE false END",
            {
                "done": str(JobState.DONE),
                "now": now,
                "stage": str(stage),
                "ids": done,
                "running": str(JobState.RUNNING),
                "task_id": task_id,
            },
        )


def claim_jobs_retry_later(*, stage: str, claim_ids: Iterable[int], task_id: str, error: str):
    """A batch's running jobs → queued after a transient error; the task's retry claims them."""
    Job.objects.filter(
        stage=stage, claim_id__in=list(claim_ids), state=JobState.RUNNING, task_id=task_id
    ).update(state=JobState.QUEUED, last_error=error[:4000])


def job_finish(*, job: Job, rollup: bool = True) -> None:
    """running → done; the article rolled up, unless the caller does it later."""
    Job.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
        state=JobState.DONE, last_error="", finished_at=timezone.now()
    )
    if rollup:
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


def jobs_take_back(*, worker: str) -> int:
    """A worker starting under `worker`'s name: the jobs its previous life left running died
    with it. Back to queued and published again now, not when the broker's visibility timeout or
    the sweeper's abandonment delay run out. Returns how many were taken back."""
    orphans = Job.objects.filter(state=JobState.RUNNING, worker=worker[:255])
    ids = list(orphans.values_list("pk", flat=True))
    if not ids:
        return 0
    Job.objects.filter(pk__in=ids, state=JobState.RUNNING).update(
        state=JobState.QUEUED, last_error=f"taken back: worker {worker} restarted", task_id=""
    )
    outbox.jobs_publish(job_ids=ids)
    return len(ids)


def _pipeline_started(job: Job) -> None:
    """A job has started: its article is running. One conditional update rather than a roll-up
    (a running job makes "running" the answer, unless another job failed): queued or done →
    running; an article already running stays as it is, one marked failed is rolled up in full
    (the job now running again may have been its only failure). The update takes the article's
    row lock and re-reads its status, so a roll-up committing at the same moment is not undone."""
    if job.article_id is None:
        _pipeline_rollup(job)
        return
    flipped = (
        Article.objects.filter(pk=job.article_id)
        .exclude(pipeline_status__in=[PipelineStatus.RUNNING, PipelineStatus.FAILED])
        .update(pipeline_status=PipelineStatus.RUNNING)
    )
    if (
        not flipped
        and not Article.objects.filter(
            pk=job.article_id, pipeline_status=PipelineStatus.RUNNING
        ).exists()
    ):
        article_pipeline_rollup(article_id=job.article_id)


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
    with transaction.atomic(savepoint=False):  # part of the caller's, when it has one
        current = (
            Article.objects.select_for_update()
            .filter(pk=article_id)
            .values_list("pipeline_status", flat=True)
            .first()
        )
        if current is None:
            return PipelineStatus.FAILED
        states = _job_states(article_id)
        if JobState.FAILED in states:
            status = PipelineStatus.FAILED
        elif states <= {JobState.DONE}:
            status = PipelineStatus.DONE if states else PipelineStatus.QUEUED
        elif states == {JobState.QUEUED}:
            status = PipelineStatus.QUEUED
        else:
            status = PipelineStatus.RUNNING
        if current != status:
            Article.objects.filter(pk=article_id).update(pipeline_status=status)
            webhook_events.article_pipeline_finished(article_id=article_id, status=status)
    return status


def _job_states(article_id: int) -> set[str]:
    """The states of the article's jobs and its claims' jobs. Two lookups by index (the
    article's jobs, its claims' jobs): the ORM's `article_id = x OR claim.article_id = x` over a
    left join could be served by no index and read every job, dead versions included."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT state FROM claims_job WHERE article_id = %s UNION "
            "SELECT j.state FROM claims_job AS j JOIN claims_claim AS c ON c.id = j.claim_id "
            "WHERE c.article_id = %s",
            [article_id, article_id],
        )
        return {state for (state,) in cursor.fetchall()}
