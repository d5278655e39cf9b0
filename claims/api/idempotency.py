"""`Idempotency-Key` for API creates (draft-ietf-httpapi-idempotency-key-header).

A client that sends `Idempotency-Key: <unique string>` with a POST may retry it safely: the first
successful answer is stored with a fingerprint of the request (method, path, body) and replayed,
with `Idempotency-Replayed: true`, for the same key and request, without creating anything again.
The same key with another request is a 422; a retry while the first is still running waits for
it (a few seconds at most, then 409). Keys are per user and remembered for a day
(`claims.services.idempotency`). Only successful (2xx) answers are kept: after an error — a
refusal, a crash, a process killed mid-request — the key is free again at once and the client may
retry with it.
"""

from __future__ import annotations

import functools
import hashlib
import json

from django.db import transaction
from rest_framework import serializers
from rest_framework.response import Response

from claims import services

HEADER = "Idempotency-Key"
REPLAYED_HEADERS = ("Location", "ETag")


def _key(request) -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not (1 <= len(key) <= 255 and key.isascii() and key.isprintable()):
        raise serializers.ValidationError(
            {HEADER: ["Give 1 to 255 printable ASCII characters (a UUID is a good key)."]}
        )
    return key


def _fingerprint(request) -> str:
    canonical = json.dumps(
        [request.method, request.path, request.data],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def idempotent(handler):
    """Decorate a ViewSet's create handler to honour `Idempotency-Key`."""

    @functools.wraps(handler)
    def wrapper(self, request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return handler(self, request, *args, **kwargs)
        fingerprint = _fingerprint(request)
        # The key's record, the create and the record of its answer are one transaction: a
        # crash anywhere in it — an exception, a lost connection, the process killed — rolls
        # the reservation back with the rest, so the key is free again at once. A second
        # request with the key meanwhile waits for the first (idempotency_key_reserve).
        with transaction.atomic():
            record, stored = services.idempotency_key_reserve(
                user=request.user, key=key, fingerprint=fingerprint
            )
            if stored is not None:
                headers = {**stored.headers, "Idempotency-Replayed": "true"}
                return Response(stored.body, status=stored.status, headers=headers)
            assert record is not None
            response = handler(self, request, *args, **kwargs)
            if 200 <= response.status_code < 300:
                answer = services.StoredAnswer(
                    response.status_code,
                    response.data,
                    {n: response[n] for n in REPLAYED_HEADERS if response.has_header(n)},
                )
                services.idempotency_key_record(record=record, answer=answer)
            else:
                services.idempotency_key_release(record=record)
        return response

    return wrapper
