"""The API's `Idempotency-Key` records: the first answer to a create, kept so that a client retrying
after a lost response gets that answer again instead of creating a duplicate.

The HTTP side (the header, the fingerprint, replaying a response) is `claims/api/idempotency.py`;
the records, their time to live and their purge (beat, hourly) are here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from claims.exceptions import IdempotencyKeyInUse, IdempotencyKeyReused
from claims.models import IdempotencyKey

IDEMPOTENCY_TTL = timedelta(hours=24)
# A key's record is written in the transaction of its request (claims/api/idempotency.py), so a
# request that dies takes its reservation with it. A record without an answer committed (written
# before that was so) is taken to have died with its process after this long.
IN_PROGRESS_TIMEOUT = timedelta(minutes=5)
# How long a request waits for another one holding its key (PostgreSQL's lock_timeout) before
# answering 409.
IN_PROGRESS_WAIT_MS = 3000


@dataclass(frozen=True)
class StoredAnswer:
    status: int
    body: Any
    headers: dict[str, str]


def idempotency_key_reserve(
    *, user, key: str, fingerprint: str
) -> tuple[IdempotencyKey | None, StoredAnswer | None]:
    """Claim `key` for this request — (the record, None) — or return the answer to replay —
    (None, the answer). Raises IdempotencyKeyReused for the same key with another request, and
    IdempotencyKeyInUse while the first request with it is still running (after waiting
    IN_PROGRESS_WAIT_MS for it). Call inside the request's transaction: the record is visible to
    others only once the request commits, and is gone if it does not."""
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
                    _wait_at_most(IN_PROGRESS_WAIT_MS)
                    record = IdempotencyKey.objects.create(
                        user=user, key=key, fingerprint=fingerprint
                    )
                    _wait_at_most(None)
                return record, None
            except IntegrityError:
                continue  # another request with the key has just finished: look again
            except OperationalError:
                # Still running after the wait (PostgreSQL's lock_timeout, SQLite's busy timeout).
                raise IdempotencyKeyInUse(
                    f"A request with Idempotency-Key {key!r} is still being processed: retry later."
                ) from None
        if existing.fingerprint != fingerprint:
            raise IdempotencyKeyReused(
                f"The Idempotency-Key {key!r} was already used with another request "
                "(another body or endpoint): use a new key for a new request."
            )
        if existing.response_status is None:
            raise IdempotencyKeyInUse(
                f"A request with Idempotency-Key {key!r} is still being processed: retry later."
            )
        return None, StoredAnswer(
            existing.response_status, existing.response_body, existing.response_headers
        )
    raise IdempotencyKeyInUse(f"The Idempotency-Key {key!r} is busy: retry later.")


def _wait_at_most(milliseconds: int | None) -> None:
    """Bound how long the next statement waits for a row lock (None: the default again). The
    insert of a key another transaction holds waits for that transaction to end."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        if milliseconds is None:
            cursor.execute("SET LOCAL lock_timeout TO DEFAULT")
        else:
            cursor.execute(f"SET LOCAL lock_timeout = {int(milliseconds)}")


def idempotency_key_record(*, record: IdempotencyKey, answer: StoredAnswer) -> None:
    """Keep the first successful answer to replay it."""
    record.response_status = answer.status
    record.response_body = answer.body
    record.response_headers = answer.headers
    record.save(update_fields=["response_status", "response_body", "response_headers"])


def idempotency_key_release(*, record: IdempotencyKey) -> None:
    """Forget a key whose request failed: the client may fix the request and retry with it."""
    IdempotencyKey.objects.filter(pk=record.pk).delete()


def idempotency_keys_purge(*, older_than: timedelta = IDEMPOTENCY_TTL) -> int:
    """Forget the remembered first answers once a retry can no longer come; returns how many
    were deleted."""
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted
