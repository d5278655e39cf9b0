"""Running a stage's work under its jobs: one job (an article's stage) or a batch of claims' jobs
claimed at once (compare-and-swap), the work's writes and the jobs' end committed together, a
transient error putting the jobs back to queued for the task's retry, any other error failing
them with the error kept on the row (a poison claim alone, its siblings finishing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from claims import services
from claims.models import Claim

logger = logging.getLogger("workers.pipeline")
T = TypeVar("T")

# Errors that say "the world is briefly unavailable", not "this input is bad".
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    BrokerError,
    RedisConnectionError,
    RedisTimeoutError,
)


def run_job(
    job_filter: Q,
    *,
    task_id: str,
    work: Callable[[Any], T],
    worker: str = "",
    prepare: Callable[[], Any] | None = None,
    rollup: bool = True,
) -> T | None:
    """Run `work(prepare())` under the Job matched by `job_filter`; None when the job is not ours
    to run. What `prepare` writes commits on its own (kept when the job then fails); what `work`
    writes commits with the job's end."""
    job = services.job_start(job_filter=job_filter, task_id=task_id, worker=worker)
    if job is None:
        return None  # gone, never queued, done already, failed for good, or another run's
    try:
        prepared = prepare() if prepare is not None else None
        # The work, the job's end and the article's roll-up commit together (one transaction):
        # a worker dying before the commit leaves none of them, and the redelivery runs it again.
        with transaction.atomic():
            result = work(prepared)
            services.job_finish(job=job, rollup=rollup)
    except TRANSIENT_ERRORS as exc:
        _quietly(services.job_retry_later, job=job, error=describe(exc))
        raise
    except Exception as exc:
        logger.exception("%s failed for good", job)
        services.job_fail(job=job, error=describe(exc))
        return None
    return result


def _quietly(service: Callable, **kwargs) -> None:
    """Record a transient failure if the database lets us; the retry matters more."""
    try:
        service(**kwargs)
    except TRANSIENT_ERRORS:
        connection.close()


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


@dataclass
class Prepared:
    """A batch's work done and ready to record: `write(items)` records it (each item's first
    element is its claim); `errors` holds the claims that already failed, with their error."""

    write: Callable[[list], object]
    items: list
    errors: dict[int, str]


def record(
    stage: str,
    prepared: Prepared,
    ours: set[int],
    task_id: str,
    article_id: int | None,
    then: Callable[[set[int]], object] | None = None,
) -> dict[int, str]:
    """Write a batch and close its jobs in one transaction (no savepoint). If the write fails for
    a reason that is not transient, write each claim on its own (a savepoint each) so that one
    poison claim fails alone, its error into the returned errors, and close the jobs with them.
    `then(ours)` runs last in that transaction (the next stage's jobs started in its commit)."""
    errors, items = prepared.errors, prepared.items

    def close() -> None:  # the jobs, the article's roll-up and `then`, in the write's transaction
        services.claim_jobs_end(stage=stage, claim_ids=ours, task_id=task_id, errors=errors)
        if article_id is not None:
            services.article_pipeline_rollup(article_id=article_id)
        if then is not None:
            then(ours)

    try:
        with transaction.atomic():
            if items:
                prepared.write(items)
            close()
        return errors
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:
        if not items:
            raise  # closing the jobs failed: outside any one claim
        if len(items) == 1:
            logger.exception("recording claim %s failed", items[0][0].pk)
            errors[items[0][0].pk] = describe(exc)
            items = []
    with transaction.atomic():
        for item in items:
            try:
                with transaction.atomic():
                    prepared.write([item])
            except TRANSIENT_ERRORS:
                raise
            except Exception as exc:
                logger.exception("recording claim %s failed", item[0].pk)
                errors[item[0].pk] = describe(exc)
        close()
    return errors


def run_batch(
    stage: str,
    claim_ids: list[int],
    *,
    task_id: str,
    worker: str,
    work: Callable[[set[int]], Prepared],
    rollup: bool = True,
    article_id: int | None = None,
    held: set[int] = frozenset(),  # type: ignore[assignment]
    then: Callable[[set[int]], object] | None = None,
) -> set[int]:
    """Run `work` over the claims whose `stage` job this run could claim (compare-and-swap, all
    at once); their jobs end done, or failed with their own error; the articles roll up once.

    What the stage writes and its jobs' end commit together: a worker dying in between leaves
    neither, and the redelivered message does the work once. With `rollup=False` the caller
    rolls the articles up; with `article_id` (the batch's one article) it is rolled up in that
    same transaction. `held`: claims whose job this run already holds (started in the previous
    stage's commit); `then(ours)`: run once more after the jobs' end when the batch fails as a
    whole, so that what its last call did is what is committed (see `record`)."""
    held = held & set(claim_ids)
    rest = [claim_id for claim_id in claim_ids if claim_id not in held]
    if not rest and not held:
        return set()
    started = (
        services.claim_jobs_start(stage=stage, claim_ids=rest, task_id=task_id, worker=worker)
        if rest
        else set()
    )
    ours = set(held) | set(started)
    if not ours:
        return ours
    try:
        errors = record(stage, work(ours), ours, task_id, article_id, then)
    except TRANSIENT_ERRORS as exc:
        _quietly(
            services.claim_jobs_retry_later,
            stage=stage,
            claim_ids=ours,
            task_id=task_id,
            error=describe(exc),
        )
        raise
    except Exception as exc:  # outside any one claim: the whole batch fails, with the error
        logger.exception("%s of claims %s failed for good", stage, sorted(ours))
        errors = dict.fromkeys(ours, describe(exc))
        services.claim_jobs_end(stage=stage, claim_ids=ours, task_id=task_id, errors=errors)
        if then is not None:  # after the jobs' end, as in `record` (whose commit did not happen)
            then(ours)
    if rollup and article_id is None:
        rollup_articles(ours)
    return ours - set(errors)


def rollup_articles(claim_ids) -> None:
    articles = Claim.objects.filter(pk__in=list(claim_ids), article__isnull=False).values_list(
        "article_id", flat=True
    )
    for article_id in set(articles):
        services.article_pipeline_rollup(article_id=article_id)
