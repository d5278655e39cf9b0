"""Standard Webhooks signing and one delivery attempt, against receivers on loopback (no database).

The receiver example shipped in docs/examples/ runs as its own process and verifies a real
delivery.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import subprocess
import sys
from pathlib import Path

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from tests.localhttp import LocalServer, redirect, status
from workers.outbound import AllowList, FetchPolicy
from workers.webhooks import (
    attempt,
    delivery_policy,
    encode_payload,
    new_message_id,
    new_secret,
    retry_delay,
    signed_headers,
)

RECEIVER = Path(__file__).resolve().parents[2] / "docs" / "examples" / "webhook_receiver.py"
POLICY = delivery_policy(FetchPolicy(allow=AllowList.parse(["127.0.0.1"])), timeout=5)
NOW = dt.datetime(2025, 5, 4, 12, 0, tzinfo=dt.UTC)


def test_the_signature_of_the_specifications_example():
    # The example in the Standard Webhooks specification, computed here without the library too.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    headers = signed_headers(
        secret=secret,
        message_id="msg_p5jXN8AQM9LWM0D4loKWxJek",
        at=dt.datetime.fromtimestamp(1614265330, dt.UTC),
        body=body,
    )
    assert headers == {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    }
    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, b"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330." + body, hashlib.sha256)
    assert headers["webhook-signature"] == "v1," + base64.b64encode(mac.digest()).decode()


def test_a_signed_payload_verifies_and_a_changed_one_does_not():
    secret, message_id = new_secret(), new_message_id()
    assert secret.startswith("whsec_") and len(base64.b64decode(secret[6:])) == 32
    body = encode_payload(
        event_type="claim.published", occurred_at=NOW, data={"id": 7, "verdict": "false"}
    )
    now = dt.datetime.now(dt.UTC)
    headers = signed_headers(secret=secret, message_id=message_id, at=now, body=body)
    event = Webhook(secret).verify(body, headers)
    assert event == {
        "type": "claim.published",
        "timestamp": "2025-05-04T12:00:00Z",
        "data": {"id": 7, "verdict": "false"},
    }
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body.replace(b"false", b"true!"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(body, headers)


def test_the_signature_time_is_the_instant_whatever_the_zone():
    body, secret = b"{}", new_secret()
    paris = NOW.astimezone(dt.timezone(dt.timedelta(hours=2)))
    assert signed_headers(secret=secret, message_id="m", at=paris, body=body) == signed_headers(
        secret=secret, message_id="m", at=NOW, body=body
    )


def test_retry_delays_double_up_to_the_maximum():
    delays = [retry_delay(n, base=30, maximum=600, jitter=0) for n in range(1, 8)]
    assert delays == [30, 60, 120, 240, 480, 600, 600]
    jittered = retry_delay(3, base=30, maximum=600, jitter=0.1)
    assert 120 <= jittered <= 132


# --- One attempt ----------------------------------------------------------------------------------
def _message():
    body = encode_payload(event_type="claim.published", occurred_at=NOW, data={"id": 1})
    return new_secret(), new_message_id(), body


def test_an_attempt_is_signed_and_a_2xx_is_a_success():
    secret, message_id, body = _message()
    with LocalServer({"/hook": status(204)}) as receiver:
        outcome = attempt(
            url=receiver.url("/hook"),
            secret=secret,
            message_id=message_id,
            body=body,
            policy=POLICY,
            at=dt.datetime.now(dt.UTC),
        )
        got = receiver.received[0]
    assert (outcome.ok, outcome.status_code, outcome.error) == (True, 204, "")
    assert got.headers["Content-Type"] == "application/json"
    assert Webhook(secret).verify(got.body, got.headers)["type"] == "claim.published"


@pytest.mark.parametrize(
    ("handler", "status_code", "error"),
    [
        (status(500, b"database down"), 500, "HTTP 500"),
        (status(410), 410, "HTTP 410"),
        (redirect("http://127.0.0.1:1/elsewhere"), None, "redirects are not followed"),
    ],
)
def test_an_attempt_that_fails(handler, status_code, error):
    secret, message_id, body = _message()
    with LocalServer({"/hook": handler}) as receiver:
        outcome = attempt(
            url=receiver.url("/hook"),
            secret=secret,
            message_id=message_id,
            body=body,
            policy=POLICY,
            at=NOW,
        )
    assert (outcome.ok, outcome.status_code) == (False, status_code)
    assert error in outcome.error
    if status_code == 500:
        assert outcome.response_excerpt == "database down"


def test_an_endpoint_on_a_private_address_is_refused_without_a_connection(loopback):
    secret, message_id, body = _message()
    outcome = attempt(
        url="http://169.254.169.254/hook",
        secret=secret,
        message_id=message_id,
        body=body,
        policy=POLICY,
        at=NOW,
    )
    assert not outcome.ok and "address_not_allowed" in outcome.error
    assert loopback.connects == []


# --- The documented receiver ----------------------------------------------------------------------
@pytest.fixture
def documented_receiver():
    secret = new_secret()
    process = subprocess.Popen(
        [sys.executable, str(RECEIVER), "127.0.0.1", "0"],
        env={**os.environ, "FACTCHECK_WEBHOOK_SECRET": secret},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        first = process.stdout.readline()
        assert first.startswith("listening on"), first
        yield secret, f"http://{first.split()[-1]}/webhooks/factcheck", process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_documented_receiver_verifies_a_delivery(documented_receiver):
    secret, url, process = documented_receiver
    body = encode_payload(
        event_type="claim.published", occurred_at=NOW, data={"id": 11, "verdict": "mostly_true"}
    )
    message_id = new_message_id()
    sent = dict(url=url, message_id=message_id, body=body, policy=POLICY)
    now = dt.datetime.now(dt.UTC)
    assert attempt(secret=secret, at=now, **sent).status_code == 204
    assert attempt(secret=secret, at=now, **sent).status_code == 204  # a retry: handled once
    forged = attempt(secret=new_secret(), at=now, **sent)
    stale = attempt(secret=secret, at=now - dt.timedelta(minutes=10), **sent)
    assert (forged.status_code, stale.status_code) == (400, 400)
    process.terminate()
    output = process.communicate(timeout=10)[0].splitlines()
    assert output[0] == 'claim.published {"id": 11, "verdict": "mostly_true"}'
    assert output[1:] == [
        "refused: No matching signature found",
        "refused: Message timestamp too old",
    ]
