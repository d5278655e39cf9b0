"""Liveness and readiness probes, open to anonymous callers (orchestrators and load balancers).

What failed is named in the answer; why (an exception's text can carry host names, database
names, paths) goes only to the log, for the operator.
"""

from __future__ import annotations

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from factcheck.celery import app as celery_app

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """The process is alive and serving requests; touches nothing else."""
    return JsonResponse({"status": "ok"})


def _database_ok() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means not ready
        return f"{type(exc).__name__}: {exc}"
    return None


def _broker_ok() -> str | None:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


@never_cache
@require_GET
def readyz(request):
    """Ready to serve: the database and the broker both answer. 503 names what does not."""
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    failed = {name: error for name, error in checks.items() if error}
    if failed:
        for name, error in sorted(failed.items()):
            logger.warning("readyz: %s unreachable: %s", name, error)
        return JsonResponse(
            {
                "type": "about:blank",
                "title": "Service Unavailable",
                "status": 503,
                "detail": "Not ready: " + ", ".join(sorted(failed)) + " unreachable.",
                "checks": {
                    name: ("unreachable" if error else "ok") for name, error in checks.items()
                },
            },
            status=503,
            content_type="application/problem+json",
        )
    return JsonResponse({"status": "ok", "checks": {name: "ok" for name in checks}})
