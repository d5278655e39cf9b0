"""The outbox: a Job row is the promise of work; publishing never fails the caller, and the sweeper
publishes whatever the broker missed. Runs against a private Redis server that the test stops and
starts, so that the shared one is never disturbed."""

import datetime as dt
import json
import shutil
import socket
import subprocess
import time

import pytest
import redis
from celery import Celery

from claims.models import Job, JobState
from claims.services import article_ingest
from claims.services.jobs import outbox as dispatch

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server"),
]


class PrivateRedis:
    def __init__(self, directory):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.directory = directory
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("private redis did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def queued_messages(self, queue="celery") -> list[dict]:
        return [json.loads(raw) for raw in redis.Redis(port=self.port).lrange(queue, 0, -1)]


@pytest.fixture
def broker(tmp_path, monkeypatch):
    server = PrivateRedis(tmp_path)
    server.start()
    app = Celery("dispatch-test", set_as_current=False)
    app.conf.update(
        broker_url=server.url,
        broker_connection_timeout=1,
        broker_transport_options={"socket_connect_timeout": 1, "socket_timeout": 2},
        task_serializer="json",
    )
    monkeypatch.setattr(dispatch, "_app", app)
    monkeypatch.setattr(dispatch, "_broker_down_until", 0.0)
    yield server
    if server.process.poll() is None:
        server.stop()


def test_a_job_is_published_when_its_transaction_commits(
    broker, seed_text, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(text=seed_text).article
    job = Job.objects.get(article=article)
    (message,) = broker.queued_messages()
    assert message["headers"]["task"] == "factcheck.pipeline.extract_claims"
    assert message["headers"]["argsrepr"] == f"[{article.pk}]"
    assert job.state == JobState.QUEUED
    assert job.task_id == message["headers"]["id"]
    assert job.published_at is not None


def test_with_the_broker_down_the_caller_succeeds_and_the_sweeper_publishes_later(
    broker, seed_text, django_capture_on_commit_callbacks
):
    broker.stop()
    with django_capture_on_commit_callbacks(execute=True):
        result = article_ingest(text=seed_text)  # must not raise
    assert result.created
    job = Job.objects.get(article=result.article)
    assert (job.state, job.published_at, job.task_id) == (JobState.QUEUED, None, "")

    # Still down: the sweeper tries, fails quietly, and the job stays owed.
    assert dispatch.jobs_republish_stale(older_than=dt.timedelta(0)) == 0

    broker.start()
    assert dispatch.jobs_republish_stale(older_than=dt.timedelta(0)) == 1
    (message,) = broker.queued_messages()
    assert message["headers"]["argsrepr"] == f"[{result.article.pk}]"
    job.refresh_from_db()
    assert job.published_at is not None
    # Freshly published: not stale again until FACTCHECK_JOB_STALE_AFTER has passed.
    assert dispatch.jobs_republish_stale() == 0
    assert len(broker.queued_messages()) == 1


def test_the_sweeper_leaves_running_and_finished_jobs_alone(broker, seed_text):
    article = article_ingest(text=seed_text).article
    Job.objects.filter(article=article).update(state=JobState.RUNNING)
    assert dispatch.jobs_republish_stale(older_than=dt.timedelta(0)) == 0
    Job.objects.filter(article=article).update(state=JobState.DONE)
    assert dispatch.jobs_republish_stale(older_than=dt.timedelta(0)) == 0
    assert broker.queued_messages() == []


def test_extraction_publishes_its_claims_in_batches_per_article(broker, seed_text, settings):
    from workers import tasks

    settings.FACTCHECK = {**settings.FACTCHECK, "CLAIMS_PER_TASK": 8, "INLINE_CLAIMS": 0}
    article = article_ingest(text=seed_text).article
    tasks.extract_claims.apply(args=[article.pk])
    messages = broker.queued_messages()
    assert {m["headers"]["task"] for m in messages} == {"factcheck.pipeline.process_claims"}
    claims = article.claims.count()
    assert len(messages) == -(-claims // 8)
    claim_jobs = Job.objects.filter(claim__article=article)
    assert claim_jobs.count() == 2 * claims
    assert set(claim_jobs.values_list("task_id", flat=True)) == {
        m["headers"]["id"] for m in messages
    }


def test_the_sweeper_leaves_jobs_waiting_in_the_backlog_and_republishes_the_lost(
    broker, seed_text, django_capture_on_commit_callbacks
):
    """Regression (issue 13 #15): every published job not started within JOB_STALE_AFTER was
    published again, so a backlog grew with copies of itself."""
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(text=seed_text).article
    assert len(broker.queued_messages()) == 1
    assert dispatch.jobs_republish_stale(older_than=dt.timedelta(0)) == 0  # it is waiting
    assert len(broker.queued_messages()) == 1

    redis.Redis(port=broker.port).delete("celery")  # the broker loses it
    assert dispatch.jobs_republish_stale(older_than=dt.timedelta(0)) == 1
    (message,) = broker.queued_messages()
    assert message["headers"]["argsrepr"] == f"[{article.pk}]"
    assert Job.objects.get(article=article).task_id == message["headers"]["id"]


def test_with_the_broker_down_writes_stop_trying_it_and_the_sweeper_does_not(
    broker, seed_text, monkeypatch, django_capture_on_commit_callbacks
):
    """Regression (issue 13 #12): each write waited on the broker for seconds while it was down.
    After one failed publish the request path leaves the broker alone for a while."""
    app = dispatch._app
    attempts = []
    real_send = app.send_task

    def send_task(*args, **kwargs):
        attempts.append(args[0])
        return real_send(*args, **kwargs)

    monkeypatch.setattr(app, "send_task", send_task)
    broker.stop()
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            text = f"The minister said unemployment fell to {n + 4} percent in {2020 + n}."
            assert article_ingest(text=text).created
    assert len(attempts) == 1  # the first write found the broker down; the next two did not try
    assert Job.objects.filter(state=JobState.QUEUED, published_at__isnull=True).count() == 3

    broker.start()
    assert dispatch.jobs_republish_stale(older_than=dt.timedelta(0)) == 3  # the sweeper forces
    assert len(broker.queued_messages()) == 3
