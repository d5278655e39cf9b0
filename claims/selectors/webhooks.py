"""Webhook endpoints and their delivery logs, for the API (the admin reads its own)."""

from __future__ import annotations

from django.db.models import QuerySet

from claims.models import WebhookDelivery, WebhookEndpoint


def webhook_endpoint_list() -> QuerySet[WebhookEndpoint]:
    """Every endpoint, newest first, with who registered it."""
    return WebhookEndpoint.objects.select_related("created_by").order_by("-created_at", "-id")


def webhook_deliveries(*, endpoint_id: int) -> QuerySet[WebhookDelivery]:
    """An endpoint's delivery log, newest first."""
    return WebhookDelivery.objects.filter(endpoint_id=endpoint_id).order_by("-created_at", "-id")
