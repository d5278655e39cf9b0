"""Webhook services: endpoints, the one helper that emits an event, delivery attempts and their
log, manual redelivery, disabling an endpoint that keeps failing, and the sweeper.

`webhook_emit()` writes one delivery row per subscribed endpoint in the caller's transaction and
publishes them after commit (never raising: with the broker down the rows wait for the sweeper).
`delivery_attempt()` claims a due delivery with a compare-and-swap (a message delivered twice
sends once), sends it outside any transaction, and records the outcome: success, a retry after an
exponential delay, or failure after the last attempt.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from celery import current_app as celery_app
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.exceptions import WebhookError
from claims.models import DeliveryState, WebhookDelivery, WebhookEndpoint, WebhookEvent
from workers.outbound import FetchPolicy, FetchRefused, precheck
from workers.webhooks import (
    attempt,
    delivery_policy,
    encode_payload,
    new_message_id,
    new_secret,
    retry_delay,
)

logger = logging.getLogger(__name__)

DELIVER_TASK = "factcheck.webhooks.deliver"
# A retry due within this many seconds is published with a countdown; a later one is left to the
# sweeper (a broker holds a countdown message unacknowledged, and must not hold it for hours).
_COUNTDOWN_MAX = settings.RETRY_BACKOFF_MAX
_EARLY = dt.timedelta(seconds=5)  # a countdown may fire a little before the row says it is due


# --- Endpoints ------------------------------------------------------------------------------------
def _clean_events(events) -> list[str]:
    unknown = sorted(set(events) - set(WebhookEvent.values))
    if unknown:
        raise WebhookError(
            f"unknown event types: {', '.join(unknown)} (known: {', '.join(WebhookEvent.values)})",
            field="events",
        )
    if not events:
        raise WebhookError("an endpoint needs at least one event type", field="events")
    return sorted(set(events))


def _clean_url(url: str) -> str:
    url = url.strip()
    try:
        precheck(url, policy=FetchPolicy.from_config(settings.FACTCHECK))
    except FetchRefused as exc:
        raise WebhookError(
            f"this URL cannot receive webhooks: {exc.message}", field="url"
        ) from None
    return url


def _save(endpoint: WebhookEndpoint, *, actor, reason: str = "", **options) -> None:
    """Save with the user and the reason simple-history records in the endpoint's history."""
    endpoint._history_user = actor  # type: ignore[attr-defined]
    if reason:
        endpoint._change_reason = reason  # type: ignore[attr-defined]
    endpoint.save(**options)


def endpoint_create(*, url: str, events, description: str = "", actor=None) -> WebhookEndpoint:
    """Register an endpoint with a new secret (read it from the returned endpoint: it is shown
    once)."""
    endpoint = WebhookEndpoint(
        url=_clean_url(url),
        events=_clean_events(events),
        description=description.strip()[:200],
        secret=new_secret(),
        created_by=actor,
    )
    _save(endpoint, actor=actor)
    return endpoint


def endpoint_update(*, endpoint: WebhookEndpoint, actor=None, **changes) -> WebhookEndpoint:
    """Change `url`, `events`, `description` or `is_active`. Enabling an endpoint clears its
    failure streak; disabling it by hand fails its pending deliveries like an automatic disable."""
    unknown = set(changes) - {"url", "events", "description", "is_active"}
    if unknown:
        raise WebhookError(f"these fields cannot be changed: {', '.join(sorted(unknown))}")
    if changes.get("is_active") is False and endpoint.is_active:
        who = actor.get_username() if actor is not None else "the system"
        endpoint = endpoint_disable(endpoint=endpoint, reason=f"disabled by {who}", actor=actor)
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
        if "url" in changes:
            endpoint.url = _clean_url(changes["url"])
        if "events" in changes:
            endpoint.events = _clean_events(changes["events"])
        if "description" in changes:
            endpoint.description = changes["description"].strip()[:200]
        reason = ""
        if changes.get("is_active") and not endpoint.is_active:
            endpoint.is_active = True
            endpoint.disabled_at, endpoint.disabled_reason, endpoint.failing_since = None, "", None
            reason = "enabled"
        _save(endpoint, actor=actor, reason=reason)
    return endpoint


def endpoint_rotate_secret(*, endpoint: WebhookEndpoint, actor=None) -> WebhookEndpoint:
    """A new secret, in force for every attempt from now on (pending retries included)."""
    endpoint.secret = new_secret()
    _save(
        endpoint, actor=actor, reason="secret regenerated", update_fields=["secret", "updated_at"]
    )
    return endpoint


def endpoint_delete(*, endpoint: WebhookEndpoint, actor=None) -> None:
    """Remove the endpoint and its delivery log (its history keeps what it was)."""
    endpoint._history_user = actor  # type: ignore[attr-defined]
    endpoint.delete()


def endpoint_disable(*, endpoint: WebhookEndpoint, reason: str, actor=None) -> WebhookEndpoint:
    """Stop delivering to the endpoint: its pending deliveries fail (they can be redelivered once
    it is enabled again); the reason shows in the admin and the API, and in its history."""
    now = timezone.now()
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
        if not endpoint.is_active:
            return endpoint
        endpoint.is_active, endpoint.disabled_at, endpoint.disabled_reason = False, now, reason
        _save(endpoint, actor=actor, reason=f"disabled: {reason}"[:100])
        WebhookDelivery.objects.filter(endpoint=endpoint, state=DeliveryState.PENDING).update(
            state=DeliveryState.FAILED, next_attempt_at=None, last_error="not sent: " + reason
        )
    logger.warning("Webhook endpoint %s (%s) disabled: %s", endpoint.pk, endpoint.url, reason)
    return endpoint


# --- Emitting -------------------------------------------------------------------------------------
def webhook_emit(
    *,
    event_type: str,
    data: dict | Callable[[], dict | list[dict]],
    occurred_at: dt.datetime | None = None,
) -> int:
    """Queue `event_type` for every active endpoint subscribed to it: one delivery row per
    endpoint and message, in the caller's transaction, sent after it commits. `data` is the
    message's data, or a function giving it (or a list of them: one message each), called only
    when an endpoint subscribes. Returns how many deliveries were queued."""
    event_type = WebhookEvent(event_type)
    endpoints = [
        endpoint.pk
        for endpoint in WebhookEndpoint.objects.filter(is_active=True).only("pk", "events")
        if event_type in endpoint.events
    ]
    if not endpoints:
        return 0
    built = data() if callable(data) else data
    messages = built if isinstance(built, list) else [built]
    now = timezone.now()
    rows = []
    for item in messages:
        payload = encode_payload(event_type=event_type, occurred_at=occurred_at or now, data=item)
        message_id = new_message_id()  # one message, the same id at every endpoint
        rows += [
            WebhookDelivery(
                endpoint_id=endpoint_id,
                event_type=event_type,
                message_id=message_id,
                payload=payload.decode("utf-8"),
                next_attempt_at=now,
            )
            for endpoint_id in endpoints
        ]
    ids = [delivery.pk for delivery in WebhookDelivery.objects.bulk_create(rows)]
    transaction.on_commit(lambda: [delivery_publish(delivery_id=i) for i in ids], robust=True)
    return len(ids)


def delivery_publish(*, delivery_id: int, countdown: float | None = None) -> bool:
    """Send the delivery's task to the broker; False (logged) when it could not. Never raises:
    the row stays pending and the sweeper publishes it again."""
    try:
        celery_app.send_task(DELIVER_TASK, args=[delivery_id], countdown=countdown, retry=False)
    except Exception as exc:  # broker down, DNS, auth …: all mean "publish later"
        logger.warning(
            "Webhook delivery %s not published (%s: %s); it stays pending",
            delivery_id,
            type(exc).__name__,
            exc,
        )
        return False
    return True


# --- Attempts -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AttemptResult:
    delivery: WebhookDelivery
    retry_in: float | None  # seconds until the next attempt, None when there is none


def delivery_attempt(*, delivery_id: int) -> AttemptResult | None:
    """Make the delivery's next attempt if it is due and no one else is making it; record the
    outcome, and publish the retry (with a countdown) when one is due soon enough. None when
    there was nothing to do."""
    now = timezone.now()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id, state=DeliveryState.PENDING, next_attempt_at__lte=now + _EARLY
    ).update(state=DeliveryState.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    if not claimed:
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            state=DeliveryState.FAILED,
            next_attempt_at=None,
            last_error="not sent: the endpoint is disabled",
        )
        delivery.refresh_from_db()
        return AttemptResult(delivery=delivery, retry_in=None)
    config = settings.FACTCHECK
    outcome = attempt(
        url=endpoint.url,
        secret=endpoint.secret,
        message_id=delivery.message_id,
        body=delivery.payload.encode("utf-8"),
        policy=delivery_policy(
            FetchPolicy.from_config(settings.FACTCHECK), timeout=config["WEBHOOK_TIMEOUT"]
        ),
        at=timezone.now(),
    )
    now = timezone.now()
    retry_in = None
    if outcome.ok:
        state, next_at = DeliveryState.SUCCEEDED, None
    elif delivery.attempts >= config["WEBHOOK_MAX_ATTEMPTS"]:
        state, next_at = DeliveryState.FAILED, None
    else:
        retry_in = retry_delay(
            delivery.attempts,
            base=config["WEBHOOK_BACKOFF"],
            maximum=config["WEBHOOK_BACKOFF_MAX"],
        )
        state, next_at = DeliveryState.PENDING, now + dt.timedelta(seconds=retry_in)
    with transaction.atomic():
        WebhookDelivery.objects.filter(pk=delivery_id, state=DeliveryState.SENDING).update(
            state=state,
            next_attempt_at=next_at,
            last_status_code=outcome.status_code,
            last_error=outcome.error[:4000],
            last_response=outcome.response_excerpt,
        )
        if outcome.ok:
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
                failing_since=None, last_success_at=now
            )
        else:
            WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(
                failing_since=now
            )
    if not outcome.ok:
        _disable_if_failing_too_long(endpoint.pk, now)
    delivery.refresh_from_db()
    if delivery.state != DeliveryState.PENDING or retry_in is None:
        retry_in = None  # succeeded, given up, or failed with its endpoint disabled
    elif retry_in <= _COUNTDOWN_MAX:
        delivery_publish(delivery_id=delivery_id, countdown=retry_in)
    return AttemptResult(delivery=delivery, retry_in=retry_in)


def _disable_if_failing_too_long(endpoint_id: int, now: dt.datetime) -> None:
    days = settings.FACTCHECK["WEBHOOK_DISABLE_AFTER_DAYS"]
    endpoint = WebhookEndpoint.objects.filter(
        pk=endpoint_id, is_active=True, failing_since__lte=now - dt.timedelta(days=days)
    ).first()
    if endpoint is not None and endpoint.failing_since is not None:
        since = endpoint.failing_since.strftime("%Y-%m-%d %H:%M UTC")
        endpoint_disable(
            endpoint=endpoint,
            reason=f"every delivery has failed since {since} ({days} days or more)",
        )


def delivery_redeliver(*, delivery: WebhookDelivery, actor=None) -> WebhookDelivery:
    """Send the same message again (same body and `webhook-id`) as a new delivery, now."""
    if not delivery.endpoint.is_active:
        raise WebhookError("the endpoint is disabled: enable it before redelivering")
    with transaction.atomic():
        again = WebhookDelivery.objects.create(
            endpoint=delivery.endpoint,
            event_type=delivery.event_type,
            message_id=delivery.message_id,
            payload=delivery.payload,
            next_attempt_at=timezone.now(),
            redelivery_of=delivery,
        )
        transaction.on_commit(lambda: delivery_publish(delivery_id=again.pk), robust=True)
    logger.info("Delivery %s redelivered as %s by %s", delivery.pk, again.pk, actor)
    return again


# --- The sweeper (beat) ---------------------------------------------------------------------------
def deliveries_sweep(*, now: dt.datetime | None = None) -> int:
    """Publish the pending deliveries that are due and were not sent (a lost message, a broker
    that was down, a retry too far off for a countdown); put back deliveries whose worker died
    mid-attempt. Returns how many were published."""
    now = now or timezone.now()
    abandoned = now - dt.timedelta(
        seconds=settings.FACTCHECK["WEBHOOK_TIMEOUT"] + settings.TASK_TIME_LIMIT
    )
    orphans = WebhookDelivery.objects.filter(
        state=DeliveryState.SENDING, last_attempt_at__lt=abandoned
    )
    recovered = list(orphans.values_list("pk", flat=True)[:500])
    orphans.filter(pk__in=recovered).update(
        state=DeliveryState.PENDING,
        next_attempt_at=now,
        last_error="abandoned: its worker stopped answering",
    )
    # Due for a while: the message published for it (at commit, or with a countdown) is lost.
    stale = now - dt.timedelta(seconds=settings.FACTCHECK["JOB_STALE_AFTER"])
    due = WebhookDelivery.objects.filter(state=DeliveryState.PENDING, next_attempt_at__lte=stale)
    lost = due.order_by("next_attempt_at").values_list("pk", flat=True)[:500]
    return sum(delivery_publish(delivery_id=pk) for pk in [*recovered, *lost])
