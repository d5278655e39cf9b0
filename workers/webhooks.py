"""Standard Webhooks (standardwebhooks.com): secrets, messages, signatures, and one delivery
attempt through the outbound policy, with the delay before the next one.

Pure: no Django. A delivery is a POST of the JSON payload `{"type", "timestamp", "data"}` with
three headers: `webhook-id` (the message's id, the same on every retry, for the receiver to
de-duplicate), `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`
(`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` under the endpoint's secret). Secrets are
`whsec_<base64 of 32 random bytes>`. Signing is the `standardwebhooks` package's, so receivers
verify with it or any Standard Webhooks library. Attempts use the URL-ingest policy (address rules,
allow-list, total time limit) without following redirects — a 3xx is a failed attempt — and keep
only the start of the answer, for the delivery log.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import random
import secrets
import uuid
from dataclasses import dataclass

from standardwebhooks import Webhook

from .outbound import FetchPolicy, FetchRefused, fetch

SECRET_PREFIX = "whsec_"
EXCERPT_BYTES = 1000


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


def encode_payload(*, event_type: str, occurred_at: dt.datetime, data: dict) -> bytes:
    """The body sent for an event: compact JSON, UTF-8, keys sorted (the same bytes every time)."""
    document = {
        "type": event_type,
        "timestamp": occurred_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "data": data,
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def signed_headers(*, secret: str, message_id: str, at: dt.datetime, body: bytes) -> dict:
    """The three Standard Webhooks headers for sending `body` at `at`."""
    at = at.astimezone(dt.UTC)  # the library reads the time as UTC whatever its zone says
    signature = Webhook(secret).sign(msg_id=message_id, timestamp=at, data=body.decode("utf-8"))
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }


# --- One attempt ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class AttemptOutcome:
    ok: bool
    status_code: int | None  # None when no answer came (refused, connection, time limit)
    error: str  # "" when ok
    response_excerpt: str


def delivery_policy(base: FetchPolicy, *, timeout: float) -> FetchPolicy:
    """The ingest policy, for webhooks: no redirects, any answer type, the body cut short."""
    return dataclasses.replace(
        base,
        max_bytes=EXCERPT_BYTES,
        truncate_body=True,
        total_timeout=timeout,
        max_redirects=0,
        content_types=None,
    )


def attempt(
    *,
    url: str,
    secret: str,
    message_id: str,
    body: bytes,
    policy: FetchPolicy,
    at: dt.datetime,
) -> AttemptOutcome:
    """POST the signed message to the endpoint. A 2xx answer is a success; anything else is not."""
    headers = {
        "Content-Type": "application/json",
        **signed_headers(secret=secret, message_id=message_id, at=at, body=body),
    }
    try:
        result = fetch(url, policy=policy, method="POST", body=body, headers=headers)
    except FetchRefused as exc:
        return AttemptOutcome(ok=False, status_code=None, error=str(exc), response_excerpt="")
    ok = 200 <= result.status < 300
    return AttemptOutcome(
        ok=ok,
        status_code=result.status,
        error="" if ok else f"the endpoint answered HTTP {result.status}",
        response_excerpt=result.body[:EXCERPT_BYTES].decode("utf-8", "replace"),
    )


def retry_delay(attempts: int, *, base: float, maximum: float, jitter: float = 0.1) -> float:
    """Seconds to wait after the `attempts`-th failed attempt: base, 2×base, 4×base … at most
    `maximum`, plus up to `jitter` of it at random so that retries after an outage spread out."""
    delay = min(maximum, base * 2 ** max(attempts - 1, 0))
    return delay * (1 + random.uniform(0, jitter))
