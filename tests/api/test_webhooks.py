"""The webhook endpoints of the API (editors only; who may do what is in test_permissions.py) and
ingest from a URL through `POST /api/v1/articles/`."""

from __future__ import annotations

import pytest

from claims.models import Article, DeliveryState, JobStage, JobState, WebhookDelivery
from claims.services import webhooks as webhook_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr(
        webhook_services,
        "delivery_publish",
        lambda *, delivery_id, countdown=None: sent.append(delivery_id) or True,
    )
    return sent


def register(client, **fields):
    body = {"url": "https://hooks.example.org/factcheck", "events": ["claim.published"]} | fields
    return client.post("/api/v1/webhooks/", body, format="json")


def test_the_secret_is_answered_once(as_editor):
    created = register(as_editor, description="Slack bridge")
    assert created.status_code == 201
    body = created.json()
    assert body["secret"].startswith("whsec_") and body["created_by"] == "eddie"
    assert created["Location"].endswith(f"/api/v1/webhooks/{body['id']}/")
    read = as_editor.get(f"/api/v1/webhooks/{body['id']}/").json()
    assert "secret" not in read and read["events"] == ["claim.published"]
    assert "secret" not in as_editor.get("/api/v1/webhooks/").json()["results"][0]
    rotated = as_editor.post(f"/api/v1/webhooks/{body['id']}/rotate-secret/").json()
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != body["secret"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"events": ["claim.deleted"]}, "events.0", "is not a valid choice"),
        ({"events": []}, "events", "may not be empty"),
        ({"url": "http://10.0.0.7/hook"}, "url", "10.0.0.7 is a private address"),
        ({"url": "http://169.254.169.254/"}, "url", "link-local"),
        ({"url": "gopher://hooks.example.org/"}, "url", "only http and https"),
    ],
)
def test_an_endpoint_that_is_refused_names_its_field(as_editor, fields, field, message):
    response = register(as_editor, **fields)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert any(e.get("field") == field and message in e["message"] for e in errors), errors


def test_disabling_and_enabling(as_editor):
    endpoint_id = register(as_editor).json()["id"]
    path = f"/api/v1/webhooks/{endpoint_id}/"
    disabled = as_editor.patch(path, {"is_active": False}, format="json").json()
    assert (disabled["is_active"], disabled["disabled_reason"]) == (False, "disabled by eddie")
    enabled = as_editor.patch(path, {"is_active": True}, format="json").json()
    assert (enabled["is_active"], enabled["disabled_reason"], enabled["failing_since"]) == (
        True,
        "",
        None,
    )


def test_the_delivery_log_and_redelivery(as_editor, no_broker, django_capture_on_commit_callbacks):
    endpoint_id = register(as_editor).json()["id"]
    failed = WebhookDelivery.objects.create(
        endpoint_id=endpoint_id,
        event_type="claim.published",
        message_id="msg_abc",
        payload='{"data":{"claim":{"id":3}},"type":"claim.published"}',
        state=DeliveryState.FAILED,
        attempts=10,
        last_status_code=500,
        last_error="the endpoint answered HTTP 500",
    )
    log = as_editor.get(f"/api/v1/webhooks/{endpoint_id}/deliveries/").json()
    assert log["count"] == 1
    entry = log["results"][0]
    assert (entry["state"], entry["attempts"], entry["last_status_code"]) == ("failed", 10, 500)
    assert entry["payload"]["data"] == {"claim": {"id": 3}}
    with django_capture_on_commit_callbacks(execute=True):
        again = as_editor.post(f"/api/v1/webhooks/{endpoint_id}/deliveries/{failed.pk}/redeliver/")
    assert again.status_code == 202
    assert (again.json()["message_id"], again.json()["redelivery_of"]) == ("msg_abc", failed.pk)
    assert no_broker == [again.json()["id"]]
    as_editor.patch(f"/api/v1/webhooks/{endpoint_id}/", {"is_active": False}, format="json")
    refused = as_editor.post(f"/api/v1/webhooks/{endpoint_id}/deliveries/{failed.pk}/redeliver/")
    assert refused.status_code == 400 and "enable it" in refused.json()["detail"]


def test_a_delivery_is_found_under_its_own_endpoint_only(as_editor):
    first = register(as_editor).json()["id"]
    second = register(as_editor).json()["id"]
    delivery = WebhookDelivery.objects.create(
        endpoint_id=first, event_type="claim.published", message_id="m", payload="{}"
    )
    response = as_editor.post(f"/api/v1/webhooks/{second}/deliveries/{delivery.pk}/redeliver/")
    assert response.status_code == 404
    assert as_editor.get("/api/v1/webhooks/999999/deliveries/").status_code == 404


# --- Ingest from a URL ----------------------------------------------------------------------------
def test_a_url_alone_queues_a_fetch_and_answers_the_article_to_poll(as_checker):
    url = "https://news.example.org/2025/05/04/troops"
    first = as_checker.post("/api/v1/articles/", {"url": url}, format="json")
    assert first.status_code == 202
    body = first.json()
    assert (body["created"], body["url"], body["pipeline_status"]) == (True, url, "queued")
    assert [(j["stage"], j["state"]) for j in body["jobs"]] == [("fetch", "queued")]
    assert first["Location"] == body["status_url"]
    again = as_checker.post("/api/v1/articles/", {"url": url}, format="json")
    assert (again.status_code, again.json()["id"], again.json()["created"]) == (
        200,
        body["id"],
        False,
    )
    assert Article.objects.count() == 1
    job = Article.objects.get().jobs.get()
    assert (job.stage, job.state) == (JobStage.FETCH, JobState.QUEUED)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "https://news.example.org/a", "title": "Mine"}, "title"),
        ({"url": "https://news.example.org/a", "published_at": "2025-05-04"}, "published_at"),
        ({"title": "A title", "published_at": "2025-05-04"}, "body"),
        ({"url": "", "language": "en"}, "body"),
        ({"body": "Some text.", "published_at": "2025-05-04"}, "title"),
    ],
)
def test_what_is_needed_with_and_without_a_body(as_checker, body, field):
    response = as_checker.post("/api/v1/articles/", body, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not Article.objects.exists()


def test_a_url_that_is_not_http_is_refused(as_checker):
    response = as_checker.post("/api/v1/articles/", {"url": "file:///etc/passwd"}, format="json")
    assert response.status_code == 400 and not Article.objects.exists()
