"""Queueing claims' stages in bulk: the missing jobs created queued, finished or failed ones
re-armed, queued or running ones left as they are (one statement for the missing on PostgreSQL)."""

import pytest

from claims.models import Job, JobStage, JobState
from claims.services.jobs import claim_jobs_queue

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
