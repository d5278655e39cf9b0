"""The claims' JSON written by orjson (claims/api/renderers.py) is what DRF's renderer writes."""

import datetime as dt
import decimal

import pytest
from rest_framework.renderers import JSONRenderer

from claims.api.renderers import FastJSONRenderer
from tests.factories import ClaimFactory

from .factories import enriched_claim

pytestmark = pytest.mark.django_db


def test_the_claims_list_is_byte_for_byte_what_drf_writes(as_viewer):
    enriched_claim(text="Costs rose by 12.5% — “a record”, said the minister\u2028in 2024.")
    ClaimFactory(due_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC))
    response = as_viewer.get("/api/v1/claims/?expand=checklist,similar,mentions")
    assert response.status_code == 200
    assert response.content == JSONRenderer().render(response.data)
    assert b"\\u2028" in response.content


def test_types_orjson_leaves_to_drf_are_written_as_drf_writes_them():
    data = {
        "when": dt.datetime(2025, 5, 1, 12, 30, tzinfo=dt.UTC),
        "day": dt.date(2025, 5, 1),
        "amount": decimal.Decimal("1.50"),
        1: "a non-string key",
        "big": 2**70,
    }
    assert FastJSONRenderer().render(data) == JSONRenderer().render(data)
    indented = FastJSONRenderer().render({"a": 1}, "application/json; indent=2")
    assert indented == JSONRenderer().render({"a": 1}, "application/json; indent=2")
