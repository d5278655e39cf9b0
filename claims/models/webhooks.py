"""Webhook endpoints and the delivery outbox.

A delivery row is written in the same transaction as the event it reports and is the promise that
the endpoint will be told: sent after commit, retried with exponential backoff until it succeeds or
runs out of attempts, and published again by the sweeper if the broker lost it. It is also the
endpoint's delivery log (attempts, last status code, last error, next attempt).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class WebhookEvent(models.TextChoices):
    CLAIM_CREATED = "claim.created", "claim.created: a claim is recorded"
    CLAIM_STATUS_CHANGED = "claim.status_changed", "claim.status_changed: a claim moves"
    CLAIM_PUBLISHED = "claim.published", "claim.published: a verdict is published"
    ARTICLE_PIPELINE_DONE = "article.pipeline_done", "article.pipeline_done: claims are ready"
    ARTICLE_PIPELINE_FAILED = "article.pipeline_failed", "article.pipeline_failed: a stage failed"


class WebhookEndpoint(models.Model):
    """A URL an editor registered to be told of the events it subscribes to.

    `secret` signs every delivery (Standard Webhooks); it is shown once, when the endpoint is
    created or the secret regenerated. `failing_since` is the first failed attempt since the last
    success: an endpoint failing for FACTCHECK_WEBHOOK_DISABLE_AFTER_DAYS is disabled, with the
    reason kept in `disabled_reason` and in its history.
    """

    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=200, blank=True)
    events = models.JSONField(default=list, help_text="The event types this endpoint receives.")
    secret = models.CharField(max_length=100, editable=False)
    is_active = models.BooleanField(default=True)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.TextField(blank=True, editable=False)
    failing_since = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["secret"])

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.description or self.url


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class WebhookDelivery(models.Model):
    """One message to one endpoint, and how its delivery went.

    `payload` is the exact JSON body, signed anew at each attempt; `message_id` (`webhook-id`)
    stays the same on retries and redeliveries, so a receiver handles the message once.
    """

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event_type = models.CharField(max_length=64, choices=WebhookEvent.choices)
    message_id = models.CharField(max_length=64, db_index=True)
    payload = models.TextField()
    state = models.CharField(
        max_length=16, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_response = models.TextField(blank=True, help_text="The start of the endpoint's answer.")
    redelivery_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="redeliveries"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=DeliveryState.values), name="webhookdelivery_state_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="webhookdelivery_due_idx"),
            models.Index(fields=["endpoint", "-created_at"], name="webhookdelivery_log_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} → {self.endpoint_id}: {self.state}"
