"""The webhook outbox against receivers on 127.0.0.1 (allowed by FACTCHECK_FETCH_ALLOW_HOSTS):
endpoints, emitting in the caller's transaction, attempts and their log, backoff, the retry cap,
disabling an endpoint that keeps failing, redelivery and the sweeper. Publishing to the broker is
recorded, not sent; the real-worker tests are in test_end_to_end.py."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from django.db import transaction
from django.utils import timezone
from standardwebhooks import Webhook

from claims.exceptions import WebhookError
from claims.models import DeliveryState, WebhookDelivery, WebhookEndpoint
from claims.services import webhooks as services
from tests.localhttp import LocalServer, status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def outbound(settings):
    settings.FACTCHECK = {
        **settings.FACTCHECK,
        "FETCH_ALLOW_HOSTS": ["127.0.0.1"],
        "WEBHOOK_TIMEOUT": 5,
        "WEBHOOK_MAX_ATTEMPTS": 3,
        "WEBHOOK_BACKOFF": 30,
        "WEBHOOK_BACKOFF_MAX": 3600,
        "WEBHOOK_DISABLE_AFTER_DAYS": 5,
    }


@pytest.fixture
def published(monkeypatch):
    """The deliveries published to the broker, as (id, countdown)."""
    sent: list[tuple[int, float | None]] = []

    def publish(*, delivery_id, countdown=None):
        sent.append((delivery_id, countdown))
        return True

    monkeypatch.setattr(services, "delivery_publish", publish)
    return sent


def endpoint(url: str, events=("claim.published",), **fields) -> WebhookEndpoint:
    created = services.endpoint_create(url=url, events=list(events))
    if fields:
        WebhookEndpoint.objects.filter(pk=created.pk).update(**fields)
        created.refresh_from_db()
    return created


@pytest.fixture
def emit(django_capture_on_commit_callbacks):
    """Emit an event in a transaction, running its on-commit publishing as a real commit would;
    returns every delivery so far."""

    def emit_event(event_type="claim.published", data=None) -> list[WebhookDelivery]:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            services.webhook_emit(event_type=event_type, data=data or {"claim": {"id": 1}})
        return list(WebhookDelivery.objects.order_by("id"))

    return emit_event


def make_due(delivery: WebhookDelivery) -> None:
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


# --- Endpoints ------------------------------------------------------------------------------------
def test_an_endpoint_gets_a_standard_webhooks_secret():
    created = services.endpoint_create(
        url="https://hooks.example.org/factcheck", events=["claim.published", "claim.created"]
    )
    assert created.secret.startswith("whsec_")
    assert created.events == ["claim.created", "claim.published"]
    first_secret = created.secret
    rotated = services.endpoint_rotate_secret(endpoint=created)
    assert rotated.secret.startswith("whsec_") and rotated.secret != first_secret


@pytest.mark.parametrize(
    ("url", "events", "message"),
    [
        ("https://hooks.example.org/", ["claim.deleted"], "unknown event types: claim.deleted"),
        ("https://hooks.example.org/", [], "at least one event type"),
        ("ftp://hooks.example.org/", ["claim.created"], "only http and https"),
        ("http://10.1.2.3/hook", ["claim.created"], "10.1.2.3 is a private address"),
        ("http://169.254.169.254/", ["claim.created"], "link-local"),
        ("http://[::ffff:127.0.0.1]/", ["claim.created"], "IPv4-mapped form of 127.0.0.1"),
        ("https://u:p@hooks.example.org/", ["claim.created"], "credentials"),
    ],
)
def test_an_endpoint_that_is_refused(url, events, message):
    with pytest.raises(WebhookError) as caught:
        services.endpoint_create(url=url, events=events)
    assert message in caught.value.message
    assert not WebhookEndpoint.objects.exists()


# --- Emitting -------------------------------------------------------------------------------------
def test_an_event_reaches_the_active_endpoints_that_subscribe_to_it(
    published, django_capture_on_commit_callbacks, emit
):
    wanted = endpoint("http://127.0.0.1:1/a", events=["claim.published"])
    endpoint("http://127.0.0.1:1/b", events=["claim.created"])  # another event
    endpoint("http://127.0.0.1:1/c", is_active=False)  # disabled
    with django_capture_on_commit_callbacks(execute=True):
        queued = services.webhook_emit(event_type="claim.published", data={"claim": {"id": 7}})
        assert published == []  # nothing leaves before the commit
    assert queued == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.endpoint == wanted and delivery.state == DeliveryState.PENDING
    assert json.loads(delivery.payload)["data"] == {"claim": {"id": 7}}
    assert published == [(delivery.pk, None)]


def test_an_event_in_a_transaction_that_rolls_back_is_never_sent(published):
    endpoint("http://127.0.0.1:1/a")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.webhook_emit(event_type="claim.published", data={})
        raise RuntimeError("the claim's write failed")
    assert not WebhookDelivery.objects.exists() and published == []


def test_a_broker_that_is_down_leaves_the_delivery_for_the_sweeper(monkeypatch, emit):
    endpoint("http://127.0.0.1:1/a")

    def broker_down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(services.celery_app, "send_task", broker_down)
    [delivery] = emit()  # no error reaches the caller
    assert delivery.state == DeliveryState.PENDING
    sent = []
    monkeypatch.setattr(
        services.celery_app, "send_task", lambda name, args, **kw: sent.append(args)
    )
    later = timezone.now() + dt.timedelta(minutes=5)
    assert services.deliveries_sweep(now=later) == 1 and sent == [[delivery.pk]]


# --- Attempts -------------------------------------------------------------------------------------
def test_a_delivery_that_succeeds(published, emit):
    with LocalServer({"/hook": status(204)}) as receiver:
        hook = endpoint(receiver.url("/hook"))
        [delivery] = emit(data={"claim": {"id": 11, "verdict": "false"}})
        result = services.delivery_attempt(delivery_id=delivery.pk)
        got = receiver.received[0]
    assert result.retry_in is None
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_status_code, delivery.last_error) == (
        DeliveryState.SUCCEEDED,
        1,
        204,
        "",
    )
    event = Webhook(hook.secret).verify(got.body, got.headers)
    assert event["type"] == "claim.published" and event["data"]["claim"]["id"] == 11
    assert got.headers["webhook-id"] == delivery.message_id
    hook.refresh_from_db()
    assert hook.last_success_at is not None and hook.failing_since is None
    assert services.delivery_attempt(delivery_id=delivery.pk) is None  # done: nothing to do


def test_a_failing_endpoint_gets_retries_with_backoff_then_the_delivery_fails(published, emit):
    with LocalServer({"/hook": status(500, b"database down")}) as receiver:
        endpoint(receiver.url("/hook"))
        [delivery] = emit()
        delays = []
        for _ in range(3):
            started = timezone.now()
            result = services.delivery_attempt(delivery_id=delivery.pk)
            assert services.delivery_attempt(delivery_id=delivery.pk) is None  # not due yet
            delivery.refresh_from_db()
            if result.retry_in is not None:
                delays.append((delivery.next_attempt_at - started).total_seconds())
            if delivery.state == DeliveryState.PENDING:
                make_due(delivery)
        assert len(receiver.received) == 3
    # 30 s, then 60 s (each with up to 10 % jitter); the third attempt was the last.
    assert 30 <= delays[0] <= 34 and 60 <= delays[1] <= 67
    assert [countdown for _, countdown in published[1:]] == [
        pytest.approx(delays[0], abs=1),
        pytest.approx(delays[1], abs=1),
    ]
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (
        DeliveryState.FAILED,
        3,
        500,
    )
    assert delivery.next_attempt_at is None
    assert delivery.last_error == "the endpoint answered HTTP 500"
    assert delivery.last_response == "database down"


def test_a_refused_endpoint_address_is_a_failed_attempt_with_its_reason(published, settings, emit):
    hook = endpoint("http://127.0.0.1:9/hook")
    settings.FACTCHECK = {**settings.FACTCHECK, "FETCH_ALLOW_HOSTS": []}  # loopback not allowed
    [delivery] = emit()
    services.delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.PENDING and delivery.last_status_code is None
    assert "127.0.0.1 is a loopback address" in delivery.last_error
    assert "(address_not_allowed)" in delivery.last_error
    hook.refresh_from_db()
    assert hook.failing_since is not None


def test_an_endpoint_failing_for_days_is_disabled_with_a_notice(published, caplog, emit):
    with LocalServer({"/hook": status(503)}) as receiver:
        hook = endpoint(
            receiver.url("/hook"), failing_since=timezone.now() - dt.timedelta(days=5, hours=1)
        )
        emit()
        first, second = emit()
        with caplog.at_level(logging.WARNING):
            result = services.delivery_attempt(delivery_id=first.pk)
    hook.refresh_from_db()
    assert not hook.is_active and hook.disabled_at is not None
    assert "every delivery has failed since" in hook.disabled_reason
    assert "disabled" in caplog.text and hook.url in caplog.text
    assert hook.history.first().history_change_reason.startswith("disabled: every delivery")
    second.refresh_from_db()
    assert result.retry_in is None and result.delivery.state == DeliveryState.FAILED
    assert second.state == DeliveryState.FAILED and "not sent" in second.last_error
    with pytest.raises(WebhookError, match="enable it"):
        services.delivery_redeliver(delivery=second)
    enabled = services.endpoint_update(endpoint=hook, is_active=True)
    assert enabled.is_active and enabled.failing_since is None and enabled.disabled_reason == ""


def test_a_success_ends_the_failure_streak(published, emit):
    with LocalServer({"/hook": status(200)}) as receiver:
        hook = endpoint(receiver.url("/hook"), failing_since=timezone.now() - dt.timedelta(days=4))
        [delivery] = emit()
        services.delivery_attempt(delivery_id=delivery.pk)
    hook.refresh_from_db()
    assert hook.is_active and hook.failing_since is None


def test_redelivery_sends_the_same_message_again(
    published, emit, django_capture_on_commit_callbacks
):
    with LocalServer({"/hook": status(204)}) as receiver:
        endpoint(receiver.url("/hook"))
        [delivery] = emit()
        services.delivery_attempt(delivery_id=delivery.pk)
        with django_capture_on_commit_callbacks(execute=True):
            again = services.delivery_redeliver(delivery=delivery)
        services.delivery_attempt(delivery_id=again.pk)
        first, second = receiver.received
    assert (again.message_id, again.payload, again.redelivery_of) == (
        delivery.message_id,
        delivery.payload,
        delivery,
    )
    assert first.body == second.body
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert published[-1] == (again.pk, None)


def test_the_sweeper_recovers_an_attempt_whose_worker_died(published, emit):
    endpoint("http://127.0.0.1:1/hook")
    [delivery] = emit()
    long_ago = timezone.now() - dt.timedelta(hours=1)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=DeliveryState.SENDING, attempts=1, last_attempt_at=long_ago
    )
    published.clear()
    assert services.deliveries_sweep(now=timezone.now() + dt.timedelta(minutes=5)) == 1
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.PENDING and "abandoned" in delivery.last_error
    assert published == [(delivery.pk, None)]


def test_the_sweeper_leaves_fresh_and_future_deliveries_alone(published, emit):
    endpoint("http://127.0.0.1:1/hook")
    [fresh] = emit()
    published.clear()
    assert services.deliveries_sweep() == 0  # just published at commit: not stale yet
    WebhookDelivery.objects.filter(pk=fresh.pk).update(
        next_attempt_at=timezone.now() + dt.timedelta(hours=2)
    )
    assert services.deliveries_sweep(now=timezone.now() + dt.timedelta(hours=1)) == 0
    assert services.deliveries_sweep(now=timezone.now() + dt.timedelta(hours=3)) == 1
