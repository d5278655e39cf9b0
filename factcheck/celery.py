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
