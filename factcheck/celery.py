"""The Celery app, configured from Django settings (namespace CELERY_) like cookiecutter-django."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["workers"])
app.autodiscover_tasks(["workers"], related_name="webhook_tasks")


@signals.task_prerun.connect
@signals.task_postrun.connect
def reuse_database_connections(sender=None, **kwargs) -> None:
    """Around each task, what Django does around each request: a connection past CONN_MAX_AGE,
    or unusable after an error, is closed; the next query opens a fresh one, and with
    CONN_HEALTH_CHECKS the first query of a task on a kept connection pings it first (settings:
    CELERY_DB_REUSE_MAX). Not for a task run eagerly, inside its caller's transaction."""
    if getattr(getattr(sender, "request", None), "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()


@signals.worker_init.connect
def worker_commits(**_) -> None:
    """The worker's connections commit as FACTCHECK_WORKER_SYNCHRONOUS_COMMIT says (set before
    the pool forks, so every pool process's connections open with it; no query per task)."""
    from django.conf import settings

    database_commits(settings.DATABASES, settings.FACTCHECK["WORKER_SYNCHRONOUS_COMMIT"])


def database_commits(databases: dict, mode: str) -> None:
    """PostgreSQL's `synchronous_commit` for the connections opened from now on (libpq's
    `options`). A commit that does not wait for its WAL flush costs ~0.1 ms instead of one disk
    flush (3-4 ms on the benchmark's machine, seven per article); what a crash of PostgreSQL or
    its machine can then lose is the last fraction of a second of commits, whole transactions,
    never a partial one: the pipeline's jobs are found queued or running again and redone
    (docs/architecture.md, "Commits")."""
    for database in databases.values():
        if database.get("ENGINE") != "django.db.backends.postgresql":
            continue
        options = database.setdefault("OPTIONS", {})
        kept = [
            part.strip()
            for part in options.get("options", "").split("-c ")
            if part.strip() and not part.strip().startswith("synchronous_commit")
        ]
        options["options"] = " ".join(
            f"-c {part}" for part in [*kept, f"synchronous_commit={mode}"]
        )
