"""Beat's housekeeping: Idempotency-Key records are forgotten after their time to live."""

import datetime as dt

import pytest
from django.utils import timezone

from claims.models import IdempotencyKey
from claims.services import IDEMPOTENCY_TTL
from workers import tasks

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_idempotency_keys_past_their_time_to_live_are_purged():
    user = UserFactory()
    old = IdempotencyKey.objects.create(user=user, key="old", fingerprint="a" * 64)
    fresh = IdempotencyKey.objects.create(user=user, key="fresh", fingerprint="b" * 64)
    IdempotencyKey.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - IDEMPOTENCY_TTL - dt.timedelta(minutes=1)
    )
    tasks.purge_idempotency_keys.apply()
    assert list(IdempotencyKey.objects.values_list("pk", flat=True)) == [fresh.pk]
