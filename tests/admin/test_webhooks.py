"""Webhooks in the admin: an editor registers an endpoint and sees its secret once, reads the
delivery log, redelivers, and is told when an endpoint was disabled; lesser roles cannot."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import DeliveryState, WebhookDelivery, WebhookEndpoint
from claims.services import webhooks as services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    sent = []
    monkeypatch.setattr(
        services,
        "delivery_publish",
        lambda *, delivery_id, countdown=None: sent.append(delivery_id),
    )
    return sent


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_an_editor_registers_an_endpoint_and_sees_its_secret_once(editor):
    client = client_for(editor)
    response = client.post(
        reverse("admin:claims_webhookendpoint_add"),
        {
            "url": "https://hooks.example.org/factcheck",
            "description": "Slack bridge",
            "events": ["claim.published", "article.pipeline_done"],
        },
        follow=True,
    )
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["article.pipeline_done", "claim.published"]
    assert endpoint.created_by == editor
    shown = [m for m in messages_of(response) if endpoint.secret in m]
    assert len(shown) == 1 and "not shown again" in shown[0]
    page = client.get(reverse("admin:claims_webhookendpoint_change", args=[endpoint.pk]))
    assert endpoint.secret not in page.content.decode()


def test_a_private_address_is_refused_with_the_reason(editor):
    response = client_for(editor).post(
        reverse("admin:claims_webhookendpoint_add"),
        {"url": "http://10.0.0.8/hook", "events": ["claim.created"]},
        follow=True,
    )
    assert not WebhookEndpoint.objects.exists()
    assert any("10.0.0.8 is a private address" in m for m in messages_of(response))


def test_the_delivery_log_and_redelivery(editor, no_broker):
    endpoint = services.endpoint_create(url="https://hooks.example.org/x", events=["claim.created"])
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_type="claim.created",
        message_id="msg_1",
        payload="{}",
        state=DeliveryState.FAILED,
        attempts=10,
        last_status_code=500,
        last_error="the endpoint answered HTTP 500",
    )
    client = client_for(editor)
    page = client.get(reverse("admin:claims_webhookendpoint_change", args=[endpoint.pk]))
    assert "the endpoint answered HTTP 500" in page.content.decode()
    response = client.post(
        reverse("admin:claims_webhookdelivery_changelist"),
        {"action": "redeliver", "_selected_action": [delivery.pk]},
        follow=True,
    )
    again = WebhookDelivery.objects.exclude(pk=delivery.pk).get()
    assert again.redelivery_of == delivery and again.message_id == "msg_1"
    assert "1 queued again." in messages_of(response)


def test_a_disabled_endpoint_is_announced_and_can_be_enabled(editor):
    endpoint = services.endpoint_create(url="https://hooks.example.org/x", events=["claim.created"])
    services.endpoint_disable(endpoint=endpoint, reason="every delivery has failed since …")
    client = client_for(editor)
    changelist = reverse("admin:claims_webhookendpoint_changelist")
    listed = client.get(changelist)
    assert any("every delivery has failed since" in m for m in messages_of(listed))
    client.post(changelist, {"action": "enable", "_selected_action": [endpoint.pk]})
    endpoint.refresh_from_db()
    assert endpoint.is_active and endpoint.disabled_at is None


def test_regenerating_the_secret_shows_the_new_one(editor):
    endpoint = services.endpoint_create(url="https://hooks.example.org/x", events=["claim.created"])
    old = endpoint.secret
    response = client_for(editor).post(
        reverse("admin:claims_webhookendpoint_changelist"),
        {"action": "regenerate_secret", "_selected_action": [endpoint.pk]},
        follow=True,
    )
    endpoint.refresh_from_db()
    assert endpoint.secret != old
    assert any(endpoint.secret in m for m in messages_of(response))


@pytest.mark.parametrize("role", ["viewer", "fact_checker"])
def test_only_editors_see_webhooks(role, request):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse("admin:claims_webhookendpoint_changelist")).status_code == 403
    assert client.get(reverse("admin:claims_webhookdelivery_changelist")).status_code == 403


def test_an_editor_cannot_add_a_delivery_by_hand(editor):
    url = reverse("admin:claims_webhookdelivery_add")
    assert client_for(editor).get(url).status_code == 403
