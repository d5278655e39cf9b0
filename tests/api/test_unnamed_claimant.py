"""An unnamed source ("officials said") is stored as a claimant of its own kind and shown so."""

from __future__ import annotations

import pytest

from claims import services
from claims.models import Entity, EntityKind
from tests.factories import ArticleFactory
from workers.extraction import extract_claims

BODY = (
    "Jane Roe, the transport minister, visited the depot on Monday. "
    "Officials said 40 more bus drivers would be hired by June."
)


@pytest.mark.django_db
def test_unnamed_source_is_recorded_and_shown_as_unnamed(as_viewer):
    article = ArticleFactory(body=BODY)
    candidates = extract_claims(BODY, outlet=article.outlet.name, threshold=0.0)
    claims = services.claims_record(article=article, candidates=candidates)
    claim = next(c for c in claims if c.text.startswith("Officials said"))
    assert (claim.claimant.kind, claim.claimant.name) == (EntityKind.UNNAMED, "officials")
    assert claim.attribution == "reported_speech"
    assert not Entity.objects.filter(kind=EntityKind.PERSON, name="officials").exists()
    shown = as_viewer.get(f"/api/v1/claims/{claim.pk}/").json()
    assert shown["claimant"]["kind"] == "unnamed"
    assert shown["claimant"]["name"] == "officials"
    assert claim.claimant.get_kind_display() == "Unnamed source"
