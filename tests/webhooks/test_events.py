"""The events are emitted where they happen, in the same transaction, with their data: claim moves
and publication, claims the pipeline records, the article's pipeline finishing or failing."""

from __future__ import annotations

import json

import pytest

from claims import services
from claims.claimreview import public_path
from claims.exceptions import InvalidTransition
from claims.models import ClaimStatus, DeliveryState, Verdict, WebhookDelivery, WebhookEvent
from claims.services import webhook_events
from claims.services import webhooks as webhook_services
from tests.factories import ClaimFactory, EvidenceFactory, UserFactory
from workers.pipeline import article_run_sync

pytestmark = pytest.mark.django_db

ALL_EVENTS = list(WebhookEvent.values)


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    monkeypatch.setattr(webhook_services, "delivery_publish", lambda **kwargs: True)


def messages(event_type: str) -> list[dict]:
    return [
        json.loads(d.payload)
        for d in WebhookDelivery.objects.filter(event_type=event_type).order_by("id")
    ]


def test_publishing_sends_the_move_and_the_claimreview():
    services.endpoint_create(url="https://hooks.example.org/a", events=ALL_EVENTS)
    checker = UserFactory(username="fatima", role="fact-checker")
    editor = UserFactory(username="eddie", role="editor")
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        assignee=checker,
        verdict=Verdict.FALSE,
        verdict_summary="The ministry's records show three.",
    )
    EvidenceFactory(claim=claim)
    services.claim_transition(claim=claim, to=ClaimStatus.PUBLISHED, actor=editor)
    [moved] = messages("claim.status_changed")
    assert moved["type"] == "claim.status_changed"
    assert {k: moved["data"][k] for k in ("from", "to", "actor")} == {
        "from": "in_review",
        "to": "published",
        "actor": "eddie",
    }
    [published] = messages("claim.published")
    data = published["data"]
    assert data["claim"]["id"] == claim.pk and data["claim"]["status"] == "published"
    assert data["claim"]["api_path"] == f"/api/v1/claims/{claim.pk}/"
    review = data["claimreview"]
    assert (review["@type"], review["reviewRating"]["alternateName"]) == ("ClaimReview", "False")
    assert review["url"].endswith(public_path(claim))  # the public fact-check page
    assert WebhookDelivery.objects.filter(state=DeliveryState.PENDING).count() == 2


def test_a_refused_move_sends_nothing():
    services.endpoint_create(url="https://hooks.example.org/a", events=ALL_EVENTS)
    claim = ClaimFactory(status=ClaimStatus.NEW)
    with pytest.raises(InvalidTransition):
        services.claim_transition(claim=claim, to=ClaimStatus.PUBLISHED)
    assert not WebhookDelivery.objects.exists()


def test_no_data_is_built_when_no_endpoint_subscribes(monkeypatch):
    services.endpoint_create(url="https://hooks.example.org/a", events=["article.pipeline_done"])
    built = []
    monkeypatch.setattr(webhook_events, "claim_data", lambda claim: built.append(claim) or {})
    services.claim_transition(
        claim=ClaimFactory(status=ClaimStatus.NEW),
        to=ClaimStatus.TRIAGED,
        actor=UserFactory(role="editor"),
    )
    assert built == [] and not WebhookDelivery.objects.exists()


def test_the_pipeline_sends_each_new_claim_once_and_its_end(seed_text):
    services.endpoint_create(url="https://hooks.example.org/a", events=ALL_EVENTS)
    article = services.article_ingest(text=seed_text, outlet="Radio Habana Cuba").article
    article_run_sync(article.pk)
    created = messages("claim.created")
    claim_ids = set(article.claims.values_list("pk", flat=True))
    assert {m["data"]["claim"]["id"] for m in created} == claim_ids
    assert len(created) == len(claim_ids)  # one message per claim
    [done] = messages("article.pipeline_done")
    assert done["data"]["article"]["id"] == article.pk
    assert done["data"]["article"]["claims"] == len(claim_ids)
    services.article_reprocess(article=article)
    article_run_sync(article.pk)  # the same claims again: not new
    assert len(messages("claim.created")) == len(claim_ids)
    assert len(messages("article.pipeline_done")) == 2  # it finished again


def test_a_refused_fetch_sends_pipeline_failed_with_the_reason(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "FETCH_ALLOW_HOSTS": []}
    services.endpoint_create(url="https://hooks.example.org/a", events=ALL_EVENTS)
    article = services.article_ingest_url(url="http://10.0.0.5/news").article
    article_run_sync(article.pk)
    [failed] = messages("article.pipeline_failed")
    [job] = failed["data"]["failed_jobs"]
    assert job["stage"] == "fetch" and "10.0.0.5 is a private address" in job["error"]
    assert failed["data"]["article"]["pipeline_status"] == "failed"
