"""The API never fails on a stored value (issue 13, item 1): a quantity written as inf or NaN (as a
400-digit number once was) is shown as null, and the list and the detail keep answering."""

import pytest
from django.db import connection

from claims.models import Quantity

from .factories import enriched_claim

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stored", [float("inf"), float("-inf"), float("nan")])
def test_a_non_finite_quantity_is_shown_as_null_in_the_list_and_the_detail(as_viewer, stored):
    if stored != stored and connection.vendor == "sqlite":
        pytest.skip("SQLite stores NaN as NULL: a NOT NULL column cannot hold it at all")
    claim = enriched_claim()
    healthy = enriched_claim()
    # Written straight into the row, as the extractor once did for "999…(400 digits) dollars".
    Quantity.objects.filter(claim=claim).update(value=stored)

    # The list is compact (API 1.1: no quantities in it), and still answers with the row in it.
    listed = as_viewer.get("/api/v1/claims/?expand=checklist,evidence,similar,mentions")
    detail = as_viewer.get(f"/api/v1/claims/{claim.pk}/")
    other = as_viewer.get(f"/api/v1/claims/{healthy.pk}/")

    assert listed.status_code == 200, listed.content
    assert detail.status_code == 200, detail.content
    assert {row["id"] for row in listed.json()["results"]} >= {claim.pk, healthy.pk}
    [quantity] = detail.json()["quantities"]
    assert quantity["value"] is None
    assert quantity["text"] == "more than 450,000"
    [healthy_quantity] = other.json()["quantities"]
    assert healthy_quantity["value"] == 450000.0
