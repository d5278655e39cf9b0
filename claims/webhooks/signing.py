"""Standard Webhooks (standardwebhooks.com): secrets, message ids, payloads and signatures.

Pure: no Django. A delivery is a POST of the JSON payload `{"type", "timestamp", "data"}` with
three headers: `webhook-id` (the message's id, the same on every retry, for the receiver to
de-duplicate), `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`
(`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` under the endpoint's secret). Secrets are
`whsec_<base64 of 32 random bytes>`. Signing is the `standardwebhooks` package's, so receivers can
verify with it (or any Standard Webhooks library).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
import uuid

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"


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
