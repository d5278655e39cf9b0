"""Publishing jobs to the broker: the outbox's one way out.

A Job row is written in the same transaction as the work it stands for. `job_enqueue()` publishes it
only after that transaction commits, and never raises into the caller: if the broker is down the
row simply stays queued, and `jobs_republish_stale()` (run by beat) publishes it again later. The
tasks themselves are idempotent (compare-and-swap on the Job's state), so a job published twice
runs once.

Messages name their task (`STAGE_TASKS`); the Celery app that sends them is registered by the
workers app (`broker_register`, from `workers/apps.py`), so `claims` imports nothing of `workers`.
A publish that fails opens a short breaker: for `BROKER_RETRY_AFTER` seconds the request path does
not try the broker again (a web write never waits on a broker that is down), and the sweeper
publishes what is owed.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims.models import Job, JobStage, JobState

logger = logging.getLogger(__name__)

# Stage → registered task name. Tasks take the id of the article or claim the job is about.
STAGE_TASKS: dict[str, str] = {
    JobStage.FETCH: "factcheck.pipeline.fetch_article",
    JobStage.EXTRACT: "factcheck.pipeline.extract_claims",
    JobStage.ENRICH: "factcheck.pipeline.enrich_claim",
    JobStage.CHECKLIST: "factcheck.pipeline.build_checklist",
}
# Enrichment then checklists for a chunk of one article's claims, in one task.
CLAIMS_TASK = "factcheck.pipeline.process_claims"
BROKER_RETRY_AFTER = 10.0  # seconds the request path leaves a failed broker alone

_app: Any = None
_broker_down_until = 0.0


def broker_register(app: Any) -> None:
    """The Celery app that publishes jobs (the workers app registers factcheck's at start-up)."""
    global _app
    _app = app


def _broker() -> Any:
    if _app is None:
        from celery import current_app

        return current_app
    return _app


def _send(name: str, args: list, *, force: bool) -> str | None:
    """Send one message; its task id, or None (logged) when the broker could not take it."""
    global _broker_down_until
    if not force and time.monotonic() < _broker_down_until:
        return None  # the broker failed a moment ago: the sweeper publishes this later
    task_id = str(uuid.uuid4())
    try:
        # Fail fast: the sweeper is our retry loop, not a blocked web request.
        _broker().send_task(name, args=args, task_id=task_id, retry=False)
    except Exception as exc:  # broker down, DNS, auth …: all mean "publish later"
        _broker_down_until = time.monotonic() + BROKER_RETRY_AFTER
        logger.warning(
            "%s%s not published (%s: %s); it stays queued", name, args, type(exc).__name__, exc
        )
        return None
    _broker_down_until = 0.0
    return task_id


def job_enqueue(*, job: Job) -> None:
    """Publish `job` once the current transaction commits (at once outside a transaction)."""
    job_id = job.pk
    transaction.on_commit(lambda: job_publish(job_id=job_id), robust=True)


def job_publish(*, job_id: int, force: bool = False) -> bool:
    """Send the job's task to the broker. Returns False, logging why, when it could not.

    Never raises: the Job row stays queued and is the record that the work is still owed.
    """
    job = Job.objects.filter(pk=job_id, state=JobState.QUEUED).first()
    if job is None:
        return False  # gone, or already picked up by a worker
    target_id = job.article_id if job.article_id is not None else job.claim_id
    task_id = _send(STAGE_TASKS[job.stage], [target_id], force=force)
    if task_id is None:
        return False
    Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(
        task_id=task_id, published_at=timezone.now()
    )
    return True


def claim_jobs_publish(*, claim_ids: list[int], force: bool = False) -> bool:
    """Publish the enrich and checklist jobs of these claims: one claim as its own two tasks
    chained (what a person triggers on one claim), more as batches of `CLAIMS_PER_TASK` claims.

    Never raises: on failure the Job rows stay queued and the sweeper publishes them.
    """
    if not claim_ids:
        return True
    if len(claim_ids) == 1 and not force:
        return _claim_chain_publish(claim_ids[0])
    size = settings.FACTCHECK["CLAIMS_PER_TASK"]
    sent = True
    for start in range(0, len(claim_ids), size):
        chunk = list(claim_ids[start : start + size])
        task_id = _send(CLAIMS_TASK, [chunk], force=force)
        if task_id is None:
            sent = False
            continue
        Job.objects.filter(claim_id__in=chunk, state=JobState.QUEUED).update(
            task_id=task_id, published_at=timezone.now()
        )
    return sent


def _claim_chain_publish(claim_id: int) -> bool:
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return False
    app = _broker()
    stages = (JobStage.ENRICH, JobStage.CHECKLIST)
    signatures = {
        stage: app.signature(STAGE_TASKS[stage], args=[claim_id], immutable=True).set(
            task_id=str(uuid.uuid4())
        )
        for stage in stages
    }
    try:
        (signatures[stages[0]] | signatures[stages[1]]).apply_async(retry=False)
    except Exception as exc:
        _broker_down_until = time.monotonic() + BROKER_RETRY_AFTER
        logger.warning("Jobs of claim %s not published (%s); they stay queued", claim_id, exc)
        return False
    for stage, signature in signatures.items():
        Job.objects.filter(claim_id=claim_id, stage=stage, state=JobState.QUEUED).update(
            task_id=signature.options["task_id"], published_at=timezone.now()
        )
    return True


def claim_jobs_enqueue(*, claim_ids: list[int]) -> None:
    """`claim_jobs_publish()` once the current transaction commits."""
    ids = list(claim_ids)
    transaction.on_commit(lambda: claim_jobs_publish(claim_ids=ids), robust=True)


def jobs_publish(*, job_ids: Iterable[int]) -> int:
    """Publish these queued jobs now: article jobs one by one, claim jobs in batches per
    article. Returns how many jobs were published."""
    jobs = list(
        Job.objects.filter(pk__in=list(job_ids), state=JobState.QUEUED)
        .order_by("queued_at", "pk")
        .values_list("pk", "claim_id", "claim__article_id")
    )
    published = 0
    by_article: dict[Any, list[int]] = {}
    for pk, claim_id, article_id in jobs:
        if claim_id is None:
            published += job_publish(job_id=pk, force=True)
        else:
            by_article.setdefault(article_id, []).append(claim_id)
    for claim_ids in by_article.values():
        unique = list(dict.fromkeys(claim_ids))
        if claim_jobs_publish(claim_ids=unique, force=True):
            published += sum(1 for _, claim_id, _ in jobs if claim_id in set(unique))
    return published


def _held_by_broker(task_ids: set[str]) -> set[str]:
    """Which of these task ids the broker still holds (waiting in the queue, or delivered and not
    yet acknowledged). Read exactly on Redis; on a broker that cannot list its messages, a queue
    with messages waiting counts as holding them all, an empty one as holding none."""
    app = _broker()
    queue = app.conf.task_default_queue
    try:
        with app.connection_for_write() as conn:
            channel = conn.default_channel
            client = getattr(channel, "client", None)
            if client is None or not hasattr(channel, "unacked_key"):
                waiting = channel.queue_declare(queue=queue, passive=True).message_count
                return set(task_ids) if waiting else set()
            raw = list(client.lrange(queue, 0, -1))
            raw += [json.loads(v)[0] for v in client.hvals(channel.unacked_key)]
    except Exception as exc:
        logger.warning("cannot read the broker's queue (%s): republishing as if lost", exc)
        return set()
    held = set()
    for message in raw:
        body = json.loads(message) if isinstance(message, (bytes, str)) else message
        held.add(body.get("headers", {}).get("id"))
    return held & task_ids


def jobs_republish_stale(*, older_than: timedelta | None = None) -> int:
    """Publish every queued job never published, or published `older_than` ago, not started, and
    no longer held by the broker (lost, not merely waiting in a backlog).

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
    stale = list(
        Job.objects.filter(state=JobState.QUEUED)
        .filter(Q(published_at__isnull=True) | Q(published_at__lt=cutoff))
        .order_by("queued_at")
        .values_list("pk", "published_at", "task_id")[:2000]
    )
    sent_before = {task_id for _, published, task_id in stale if published and task_id}
    held = _held_by_broker(sent_before) if sent_before else set()
    lost = [pk for pk, _, task_id in stale if task_id not in held]
    return jobs_publish(job_ids=lost)
