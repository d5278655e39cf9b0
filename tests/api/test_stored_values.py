"""The API never fails on a stored value (issue 13, item 1): a quantity written as inf or NaN (as a
400-digit number once was) is shown as null, and the list and the detail keep answering."""

import pytest

from claims.models import Quantity

from .factories import enriched_claim

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stored", [float("inf"), float("-inf"), float("nan")])
def test_a_non_finite_quantity_is_shown_as_null_in_the_list_and_the_detail(as_viewer, stored):
    claim = enriched_claim()
    healthy = enriched_claim()
    # Written straight into the row, as the extractor once did for "999…(400 digits) dollars".
    Quantity.objects.filter(claim=claim).update(value=stored)

    listed = as_viewer.get("/api/v1/claims/")
    detail = as_viewer.get(f"/api/v1/claims/{claim.pk}/")

    assert listed.status_code == 200, listed.content
    assert detail.status_code == 200, detail.content
    rows = {row["id"]: row for row in listed.json()["results"]}
    for shown in (rows[claim.pk], detail.json()):
        [quantity] = shown["quantities"]
        assert quantity["value"] is None
        assert quantity["text"] == "more than 450,000"
    [other] = rows[healthy.pk]["quantities"]
    assert other["value"] == 450000.0
