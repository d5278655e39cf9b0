"""Starting a job (found and claimed in one statement on PostgreSQL), and queueing claims' stages
in bulk: the missing jobs created queued, finished or failed ones re-armed, queued or running
ones left as they are."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from claims.models import Article, Claim, Job, JobStage, JobState, PipelineStatus
from claims.services.jobs import claim_jobs_queue, job_start

from .factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_missing_jobs_are_queued_and_finished_ones_rearmed_running_ones_left():
    fresh, done, running = ClaimFactory(), ClaimFactory(), ClaimFactory()
    Job.objects.create(claim=done, stage=JobStage.ENRICH, state=JobState.DONE, attempts=2)
    Job.objects.create(claim=running, stage=JobStage.ENRICH, state=JobState.RUNNING, task_id="t")
    claim_jobs_queue(claim_ids=[fresh.pk, done.pk, running.pk])
    jobs = {(j.claim_id, j.stage): j for j in Job.objects.all()}
    assert len(jobs) == 6
    for claim in (fresh, done, running):
        checklist = jobs[(claim.pk, JobStage.CHECKLIST)]
        assert (checklist.state, checklist.attempts, checklist.task_id) == (JobState.QUEUED, 0, "")
        assert checklist.queued_at is not None and checklist.published_at is None
    assert (jobs[(done.pk, JobStage.ENRICH)].state, jobs[(done.pk, JobStage.ENRICH)].attempts) == (
        JobState.QUEUED,
        0,
    )
    assert jobs[(running.pk, JobStage.ENRICH)].state == JobState.RUNNING
    claim_jobs_queue(claim_ids=[fresh.pk], new=[fresh.pk])  # again: nothing added
    assert Job.objects.count() == 6


def test_a_job_start_claims_the_job_once_and_fails_one_out_of_attempts(settings):
    article = ClaimFactory().article
    job = Job.objects.create(article=article, stage=JobStage.EXTRACT)
    extract = Q(article_id=article.pk, stage=JobStage.EXTRACT)
    with CaptureQueriesContext(connection) as queries:
        started = job_start(job_filter=extract, task_id="t1", worker="w1")
    assert started is not None and started.pk == job.pk
    assert (started.state, started.attempts, started.task_id, started.worker) == (
        JobState.RUNNING, 1, "t1", "w1",
    )  # fmt: skip
    job.refresh_from_db()
    assert (job.state, job.attempts, job.task_id, job.started_at) == (
        JobState.RUNNING, 1, "t1", started.started_at,
    )  # fmt: skip
    if connection.vendor == "postgresql":  # found and claimed in one statement
        assert sum("claims_job" in q["sql"] for q in queries.captured_queries) == 1
    assert job_start(job_filter=extract, task_id="t2") is None  # another run's
    assert job_start(job_filter=extract, task_id="t1") is not None  # its redelivery takes it
    Job.objects.filter(pk=job.pk).update(
        state=JobState.QUEUED, attempts=settings.FACTCHECK["JOB_MAX_ATTEMPTS"], last_error="boom"
    )
    assert job_start(job_filter=extract, task_id="t3") is None
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.last_error.endswith("last error: boom")
    assert Article.objects.get(pk=article.pk).pipeline_status == PipelineStatus.FAILED


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_the_job_statements_find_their_rows_by_claim_or_article_not_by_state():
    """Without statistics (autovacuum off, a table never analysed) the planner read the jobs
    through the state index, whose "queued" and "running" entries point at every dead version of
    every job: the statements that start and end jobs must go through the claim's or article's
    (and stage's) index whatever the statistics say."""
    from claims.services.jobs import claiming, lifecycle

    article = ClaimFactory().article
    many = Claim.objects.bulk_create(
        Claim(article=article, text=f"Claim {n}.", start=n, end=n + 1) for n in range(400)
    )
    claim_jobs_queue(claim_ids=[claim.pk for claim in many])
    for state in (JobState.RUNNING, JobState.QUEUED):  # dead versions, as a day's runs leave
        Job.objects.update(state=state)
    claims = many[:3]
    params = {**claiming._start_params("t", "w"), "stage": "enrich", "ids": [c.pk for c in claims]}
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + claiming._START_RETURNING, params)
        start = "\n".join(row[0] for row in cursor.fetchall())
        with CaptureQueriesContext(connection) as queries:
            lifecycle.claim_jobs_end(
                stage="enrich", claim_ids=[c.pk for c in claims], task_id="t", errors={}
            )
            lifecycle.article_pipeline_rollup(article_id=claims[0].article_id)
        plans = [start]
        for query in queries.captured_queries:
            if query["sql"].startswith(("UPDATE claims_job", "SELECT state FROM claims_job")):
                cursor.execute("EXPLAIN " + query["sql"])
                plans.append("\n".join(row[0] for row in cursor.fetchall()))

    for plan in plans:
        assert "claims_job_state" not in plan and "job_state_queued_idx" not in plan, plan
    assert len(plans) == 3  # the start, the end, the roll-up's read
