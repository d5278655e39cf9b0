"""End to end with a real Celery worker process on the configured broker and database
(PostgreSQL + Redis on CI; SQLite + the filesystem broker on a laptop)."""

import datetime as dt
import os
import signal
from collections import Counter

import pytest
from django.conf import settings

from claims.models import (
    ChecklistItem,
    Claim,
    ClaimEvent,
    EventKind,
    Job,
    JobStage,
    JobState,
    Mention,
    PipelineStatus,
)
from claims.services import article_ingest
from factcheck.celery import app as celery_app
from workers import extraction

from .conftest import needs_redis
from .worker_process import WorkerProcess, wait_until

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


@pytest.fixture
def worker(transactional_db):
    celery_app.control.purge()  # messages other tests published must not reach this worker
    process = WorkerProcess().start()
    yield process
    process.stop()


def pipeline_status(article):
    article.refresh_from_db()
    return article.pipeline_status


def test_a_worker_processes_an_ingested_article_end_to_end(worker, seed_text):
    article = article_ingest(
        text=seed_text, outlet="Radio Habana Cuba", published_at=dt.date(2025, 5, 4)
    ).article
    wait_until(
        lambda: pipeline_status(article) in (PipelineStatus.DONE, PipelineStatus.FAILED),
        timeout=120,
        message=f"pipeline did not finish:\n{worker.log}",
    )
    assert article.pipeline_status == PipelineStatus.DONE, worker.log
    expected = extraction.extract_claims(
        article.body,
        outlet="Radio Habana Cuba",
        threshold=settings.FACTCHECK["CHECKWORTHINESS_THRESHOLD"],
        scorer=extraction.get_scorer(settings.FACTCHECK["CHECKWORTHINESS_SCORER"]),
    )
    spans = set(Claim.objects.filter(article=article).values_list("start", "end"))
    assert spans == {(c.start, c.end) for c in expected}
    assert set(Job.objects.values_list("state", flat=True)) == {JobState.DONE}
    assert not Claim.objects.filter(article=article, checklist__isnull=True).exists()
    # A news article's claims were enriched and checked by its extraction task itself (the
    # log's banner lists every task: not that), under its task id.
    assert "Task factcheck.pipeline.process_claims[" not in worker.log
    extract = Job.objects.get(article=article, stage=JobStage.EXTRACT)
    claim_task_ids = set(
        Job.objects.filter(claim__article=article).values_list("task_id", flat=True)
    )
    assert claim_task_ids == {extract.task_id}


def long_article(seed_text: str, parts: int) -> str:
    """The seed's prose repeated `parts` times, each copy's sentences made distinct."""
    paragraphs = seed_text.split("\n\n")
    return "\n\n".join(
        f"{p} (Part {n}.)" if len(p) > 200 and not p.startswith(("#", "*", "<", "[")) else p
        for n in range(parts)
        for p in paragraphs[5:-6]
    )


def test_a_worker_killed_mid_task_leaves_no_duplicates_and_nothing_missing(worker, seed_text):
    # A long article, so that extraction is still running when the pool process is killed.
    body = long_article(seed_text, 6)
    article = article_ingest(text=body, title="Long article", published_at=dt.date(2025, 5, 4))
    article = article.article
    job = Job.objects.get(article=article)
    wait_until(
        lambda: Job.objects.filter(pk=job.pk, state=JobState.RUNNING).exists(),
        timeout=60,
        interval=0.02,
        message=f"extraction never started:\n{worker.log}",
    )
    (child,) = worker.pool_pids()
    os.kill(child, signal.SIGKILL)  # the OOM killer, a segfault: the task dies mid-way

    wait_until(
        lambda: pipeline_status(article) in (PipelineStatus.DONE, PipelineStatus.FAILED),
        timeout=240,
        message=f"pipeline did not finish after the kill:\n{worker.log}",
    )
    assert "WorkerLostError" in worker.log or "SIGKILL" in worker.log, worker.log
    job.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 2), worker.log
    expected = {(c.start, c.end) for c in extraction.extract_claims(article.body)}
    recorded = list(Claim.objects.filter(article=article).values_list("start", "end"))
    assert len(recorded) == len(set(recorded))  # no duplicates
    assert set(recorded) == expected  # nothing missing
    per_claim = Counter(ChecklistItem.objects.values_list("claim_id", "title"))
    assert max(per_claim.values()) == 1
    assert set(Job.objects.values_list("state", flat=True)) == {JobState.DONE}


@needs_redis
@pytest.mark.parametrize("inline", [False, True], ids=["process_claims", "inline"])
def test_the_whole_worker_killed_mid_batch_the_batch_is_redelivered_and_finishes(seed_text, inline):
    """Issue 9 #5: SIGKILL of the worker's main process and its pool (a host reboot, the OOM
    killer taking the container): with a short visibility timeout the broker hands the batch to
    the next worker, which takes over its running jobs. Nothing lost, nothing duplicated. The
    batch is a `process_claims` task, or the extraction task running its claims itself."""
    celery_app.control.purge()
    env = {
        "FACTCHECK_BROKER_VISIBILITY_TIMEOUT": "6",
        "FACTCHECK_CLAIMS_PER_TASK": "500",
        "FACTCHECK_INLINE_CLAIMS": "500" if inline else "0",
    }
    first = WorkerProcess(extra_env=env).start()
    try:
        body = long_article(seed_text, 4)
        article = article_ingest(text=body, title="Long", published_at=dt.date(2025, 5, 4))
        article = article.article
        wait_until(
            lambda: Job.objects.filter(
                claim__article=article, stage=JobStage.ENRICH, state=JobState.RUNNING
            ).exists(),
            timeout=120,
            interval=0.02,
            message=f"the claims batch never started:\n{first.log}",
        )
        os.killpg(first.process.pid, signal.SIGKILL)  # the main process and its pool at once
        first.process.wait(timeout=10)
    finally:
        first.stop()
    assert ("Task factcheck.pipeline.process_claims[" in first.log) is not inline
    assert Job.objects.filter(claim__article=article, state=JobState.RUNNING).exists()

    second = WorkerProcess(extra_env=env).start()  # another name: redelivery, not take-back
    try:
        wait_until(
            lambda: pipeline_status(article) in (PipelineStatus.DONE, PipelineStatus.FAILED),
            timeout=180,
            message=f"the batch was not redelivered:\n{second.log}",
        )
    finally:
        second.stop()
    assert article.pipeline_status == PipelineStatus.DONE, second.log
    claim_jobs = Job.objects.filter(claim__article=article)
    assert set(claim_jobs.values_list("state", flat=True)) == {JobState.DONE}
    assert max(claim_jobs.values_list("attempts", flat=True)) == 2  # taken over once, not more
    expected = {(c.start, c.end) for c in extraction.extract_claims(article.body)}
    recorded = list(Claim.objects.filter(article=article).values_list("start", "end"))
    assert len(recorded) == len(set(recorded)) and set(recorded) == expected
    per_item = Counter(ChecklistItem.objects.values_list("claim_id", "title"))
    assert max(per_item.values()) == 1
    assert not Claim.objects.filter(article=article, checklist__isnull=True).exists()
    mentions = list(Mention.objects.values_list("claim_id", "entity_id", "start"))
    assert len(mentions) == len(set(mentions))
    enriched = ClaimEvent.objects.filter(claim__article=article, kind=EventKind.ENRICHMENT)
    assert enriched.count() == len(recorded)  # one enrichment recorded per claim, not two
