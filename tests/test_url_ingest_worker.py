"""Ingest from a URL with a real Celery worker on the configured broker and database: the seed
article served from 127.0.0.1 (allowed through FACTCHECK_FETCH_ALLOW_HOSTS in the worker's
environment) is fetched, extracted, and its claims appear."""

from __future__ import annotations

import pytest

from claims import services
from claims.models import Claim, Job, JobStage, JobState, PipelineStatus
from factcheck.celery import app as celery_app
from tests.localhttp import LocalServer, page
from tests.test_url_ingest import SEED_TITLE, seed_page
from tests.worker_process import WorkerProcess, wait_until
from tests.workers.conftest import SEED_OUTLET
from workers import extraction

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


@pytest.fixture
def worker(transactional_db):
    celery_app.control.purge()  # messages other tests published must not reach this worker
    process = WorkerProcess(extra_env={"FACTCHECK_FETCH_ALLOW_HOSTS": "127.0.0.1"}).start()
    yield process
    process.stop()


def pipeline_status(article) -> str:
    article.refresh_from_db()
    return article.pipeline_status


def test_a_worker_fetches_the_page_and_the_claims_appear(worker):
    with LocalServer({"/news/382138": page(seed_page())}) as server:
        article = services.article_ingest_url(url=server.url("/news/382138")).article
        wait_until(
            lambda: pipeline_status(article) in (PipelineStatus.DONE, PipelineStatus.FAILED),
            timeout=120,
            message=f"pipeline did not finish:\n{worker.log}",
        )
    article.refresh_from_db()
    assert article.pipeline_status == PipelineStatus.DONE, worker.log
    assert (article.title, article.outlet.name) == (SEED_TITLE, SEED_OUTLET)
    expected = extraction.extract_claims(article.body, outlet=SEED_OUTLET)
    spans = set(Claim.objects.filter(article=article).values_list("start", "end"))
    assert spans == {(c.start, c.end) for c in expected} and spans
    fetch = Job.objects.get(article=article, stage=JobStage.FETCH)
    assert (fetch.state, fetch.attempts) == (JobState.DONE, 1)
    assert "factcheck.pipeline.fetch_article" in worker.log
