"""End to end with a real Celery worker process on the configured broker and database
(PostgreSQL + Redis on CI; SQLite + the filesystem broker on a laptop)."""

import datetime as dt
import os
import signal
from collections import Counter

import pytest
from django.conf import settings

from claims.models import ChecklistItem, Claim, Job, JobState, PipelineStatus
from claims.services import article_ingest
from factcheck.celery import app as celery_app
from workers import extraction

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
    assert "factcheck.pipeline.build_checklist" in worker.log


def test_a_worker_killed_mid_task_leaves_no_duplicates_and_nothing_missing(worker, seed_text):
    # A long article, so that extraction is still running when the pool process is killed.
    paragraphs = seed_text.split("\n\n")
    body = "\n\n".join(
        f"{p} (Part {n}.)" if len(p) > 200 and not p.startswith(("#", "*", "<", "[")) else p
        for n in range(6)
        for p in paragraphs[5:-6]
    )
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
