"""The worker's database connection across tasks: kept (CONN_MAX_AGE) rather than opened for each
task, as Celery's Django fixup did by default, and found dead after a PostgreSQL restart by the
health check at the start of the next task (factcheck/celery.py, CELERY_DB_REUSE_MAX)."""

import pytest
from celery import signals
from celery.fixups.django import DjangoWorkerFixup
from django.db import connection

from factcheck.celery import app as celery_app
from factcheck.celery import worker_commits

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backends"),
]


class Request:
    is_eager = False


class Task:
    request = Request()


@pytest.fixture
def fixup():
    """Celery's Django fixup as a worker installs it, removed afterwards."""
    installed = DjangoWorkerFixup(celery_app).install()
    yield installed
    signals.task_prerun.disconnect(installed.on_task_prerun)
    signals.task_postrun.disconnect(installed.on_task_postrun)
    signals.worker_process_init.disconnect(installed.on_worker_process_init)
    signals.beat_embedded_init.disconnect(installed.close_database)


def task_backend() -> int:
    """A task's query: the PostgreSQL backend (one per connection) that answers it."""
    signals.task_prerun.send(sender=Task())
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]
    finally:
        signals.task_postrun.send(sender=Task())


def test_tasks_share_a_connection_and_the_next_task_reconnects_after_it_died(fixup):
    first = task_backend()
    assert task_backend() == first == task_backend()  # not a new connection per task

    other = connection.get_new_connection(connection.get_connection_params())
    try:  # what a PostgreSQL restart does to the worker's connection
        other.execute("SELECT pg_terminate_backend(%s)", [first])
    finally:
        other.close()
    after = task_backend()  # the health check at the task's start finds it dead, no error
    assert after != first
    assert task_backend() == after


def _commits() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.parametrize("mode", ["off", "on"])
def test_the_worker_commits_as_its_setting_says_from_its_next_connection(settings, mode):
    """Set at the worker's start, before the pool forks: each connection then opens with it."""
    from factcheck.celery import database_commits

    before = dict(connection.settings_dict["OPTIONS"])
    try:
        database_commits(settings.DATABASES, mode)
        database_commits(settings.DATABASES, mode)  # again: one setting, not two
        connection.close()
        assert _commits() == mode
        assert connection.settings_dict["OPTIONS"]["options"].count("synchronous_commit") == 1
    finally:
        connection.settings_dict["OPTIONS"] = before
        connection.close()
    assert _commits() == "on"  # the web process's connections: PostgreSQL's default


def test_the_workers_start_turns_synchronous_commit_off_by_default(settings):
    """What a crash of PostgreSQL may then lose, the stages redo (docs/architecture.md)."""
    before = dict(connection.settings_dict["OPTIONS"])
    assert settings.FACTCHECK["WORKER_SYNCHRONOUS_COMMIT"] == "off"
    # Our receiver alone: sending the signal would also run Celery's Django fixup, which warns
    # without a worker instance.
    assert worker_commits in signals.worker_init._live_receivers(None)
    worker_commits()
    try:
        connection.close()
        assert _commits() == "off"
    finally:
        connection.settings_dict["OPTIONS"] = before
        connection.close()
