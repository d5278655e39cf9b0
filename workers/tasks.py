"""Celery tasks. Thin: load by id, return quietly when the row is gone, call a service, and own
only the retry policy (DESIGN.md §2). Names are explicit so that a rename in code never orphans
messages already in the queue."""

from __future__ import annotations

from celery import shared_task

from workers.dispatch import jobs_republish_stale


@shared_task(name="factcheck.jobs.republish_stale", ignore_result=True)
def republish_stale_jobs() -> int:
    """Beat: publish again the queued jobs whose first publish failed or was lost."""
    return jobs_republish_stale()
