"""`Idempotency-Key` for API creates (draft-ietf-httpapi-idempotency-key-header).

A client that sends `Idempotency-Key: <unique string>` with a POST may retry it safely: the first
successful answer is stored with a fingerprint of the request (method, path, body) and replayed,
with `Idempotency-Replayed: true`, for the same key and request, without creating anything again.
The same key with another request is a 422; a retry while the first is still running is a 409.
Keys are per user and remembered for IDEMPOTENCY_TTL. Only successful (2xx) answers are kept:
after an error the client may fix the request and retry with the same key.
"""

from __future__ import annotations

import functools
import hashlib
import json
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework import serializers
from rest_framework.response import Response

from claims.models import IdempotencyKey

from .errors import IdempotencyKeyInUse, IdempotencyKeyReused

HEADER = "Idempotency-Key"
IDEMPOTENCY_TTL = timedelta(hours=24)
# A request that has not finished after this long is taken to have died with its process.
IN_PROGRESS_TIMEOUT = timedelta(minutes=5)
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


def _reserve(user, key: str, fingerprint: str) -> tuple[IdempotencyKey | None, Response | None]:
    """Claim `key` for this request, or return the answer to replay. Raises 409 / 422."""
    for _ in range(2):
        now = timezone.now()
        existing = IdempotencyKey.objects.filter(user=user, key=key).first()
        if existing is not None and (
            existing.created_at < now - IDEMPOTENCY_TTL
            or (
                existing.response_status is None and existing.created_at < now - IN_PROGRESS_TIMEOUT
            )
        ):
            IdempotencyKey.objects.filter(pk=existing.pk, created_at=existing.created_at).delete()
            existing = None
        if existing is None:
            try:
                with transaction.atomic():
                    record = IdempotencyKey.objects.create(
                        user=user, key=key, fingerprint=fingerprint
                    )
                return record, None
            except IntegrityError:
                continue  # another request took the key a moment ago: look again
        if existing.fingerprint != fingerprint:
            raise IdempotencyKeyReused(
                f"The Idempotency-Key {key!r} was already used with another request "
                "(another body or endpoint): use a new key for a new request."
            )
        if existing.response_status is None:
            raise IdempotencyKeyInUse(
                f"A request with Idempotency-Key {key!r} is still being processed: retry later."
            )
        headers = {**existing.response_headers, "Idempotency-Replayed": "true"}
        return None, Response(
            existing.response_body, status=existing.response_status, headers=headers
        )
    raise IdempotencyKeyInUse(f"The Idempotency-Key {key!r} is busy: retry later.")


def idempotent(handler):
    """Decorate a ViewSet's create handler to honour `Idempotency-Key`."""

    @functools.wraps(handler)
    def wrapper(self, request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return handler(self, request, *args, **kwargs)
        record, replay = _reserve(request.user, key, _fingerprint(request))
        if replay is not None:
            return replay
        try:
            # The create and the record of its answer commit together: a crash in between cannot
            # leave a created row whose key would let a retry create it again.
            with transaction.atomic():
                response = handler(self, request, *args, **kwargs)
                if 200 <= response.status_code < 300:
                    record.response_status = response.status_code
                    record.response_body = response.data
                    record.response_headers = {
                        name: response[name]
                        for name in REPLAYED_HEADERS
                        if response.has_header(name)
                    }
                    record.save(
                        update_fields=["response_status", "response_body", "response_headers"]
                    )
        except BaseException:
            IdempotencyKey.objects.filter(pk=record.pk).delete()
            raise
        if not 200 <= response.status_code < 300:
            IdempotencyKey.objects.filter(pk=record.pk).delete()
        return response

    return wrapper
