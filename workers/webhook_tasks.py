"""Celery tasks of the webhook outbox: thin, they call the webhook services."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from claims import services


@shared_task(
    name="factcheck.webhooks.deliver",
    ignore_result=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=settings.RETRY_BACKOFF_MAX,
    max_retries=5,
)
def deliver(delivery_id: int) -> None:
    """One attempt of one delivery (a no-op if it is not due or another worker is on it)."""
    services.delivery_attempt(delivery_id=delivery_id)


@shared_task(name="factcheck.webhooks.sweep", ignore_result=True)
def sweep() -> int:
    """Beat: publish deliveries whose message was lost, recover those whose worker died."""
    return services.deliveries_sweep()
