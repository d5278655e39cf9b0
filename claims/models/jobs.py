"""The pipeline's jobs (the outbox and the ops view) and the API's Idempotency-Key records."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from .articles import Article
from .claims import Claim


class JobStage(models.TextChoices):
    FETCH = "fetch", "Fetch the page"
    EXTRACT = "extract", "Extract claims"
    ENRICH = "enrich", "Enrich claim"
    CHECKLIST = "checklist", "Build checklist"


class JobState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Job(models.Model):
    """One pipeline stage for one article or claim: the outbox and the ops view.

    A queued row is the promise that the work will happen: if publishing to the broker fails, the
    row stays queued and the sweeper publishes it again. Workers move it queued → running → done
    with compare-and-swap updates, so a redelivered message does not run the work twice at once.
    """

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    stage = models.CharField(max_length=16, choices=JobStage.choices)
    state = models.CharField(
        max_length=8, choices=JobState.choices, default=JobState.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    task_id = models.CharField(max_length=255, blank=True)
    # The Celery worker (node name) running the job: a worker starting again under that name
    # takes back what its previous life left running.
    worker = models.CharField(max_length=255, blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-queued_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, claim__isnull=True)
                | Q(article__isnull=True, claim__isnull=False),
                name="job_one_target",
            ),
            models.UniqueConstraint(
                fields=["article", "stage"],
                condition=Q(article__isnull=False),
                name="job_article_stage_unique",
            ),
            models.UniqueConstraint(
                fields=["claim", "stage"],
                condition=Q(claim__isnull=False),
                name="job_claim_stage_unique",
            ),
            models.CheckConstraint(condition=Q(state__in=JobState.values), name="job_state_valid"),
            models.CheckConstraint(condition=Q(stage__in=JobStage.values), name="job_stage_valid"),
        ]
        indexes = [models.Index(fields=["state", "queued_at"], name="job_state_queued_idx")]

    def __str__(self) -> str:
        target = f"article {self.article_id}" if self.article_id else f"claim {self.claim_id}"
        return f"{self.stage} {target}: {self.state}"


class IdempotencyKey(models.Model):
    """The first answer to an API create sent with an `Idempotency-Key` header, so that a client
    retrying after a lost response gets that answer again instead of creating a duplicate.

    One row per (user, key). `fingerprint` hashes the method, path and body: the same key with
    another request is refused (422). A row without `response_status` is a request still running.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idempotency_keys"
    )
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotencykey_user_key_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"
