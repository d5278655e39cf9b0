"""One delivery attempt of a webhook message, through the outbound policy, and the retry delay.

Pure of Django models: takes the endpoint's URL and secret and the message, returns what happened.
The outbound policy is the one URL ingest uses (address rules, the allow-list, the total time
limit), with redirects not followed — a 3xx is a failed attempt — and the answer's body cut to a
short excerpt for the delivery log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass

from factcheck.outbound import FetchPolicy, FetchRefused, fetch

from .signing import signed_headers

EXCERPT_BYTES = 1000


@dataclass(frozen=True)
class AttemptOutcome:
    ok: bool
    status_code: int | None  # None when no answer came (refused, connection, time limit)
    error: str  # "" when ok
    response_excerpt: str


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


def retry_delay(attempts: int, *, base: float, maximum: float, jitter: float = 0.1) -> float:
    """Seconds to wait after the `attempts`-th failed attempt: base, 2×base, 4×base … at most
    `maximum`, plus up to `jitter` of it at random so that retries after an outage spread out."""
    delay = min(maximum, base * 2 ** max(attempts - 1, 0))
    return delay * (1 + random.uniform(0, jitter))
