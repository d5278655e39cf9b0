"""Every error is an RFC 9457 problem matching the one schema (claims.api.errors.PROBLEM_SCHEMA).

The client fixtures already check every 4xx/5xx that any API test receives against that schema
(tests/api/conftest.py); this file provokes each status the API can answer — 400, 401, 403, 404,
405, 406, 409, 412, 413, 415, 429, 500 (422 in test_idempotency.py) — and checks its content.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse

from claims.api.errors import PROBLEM_BASE, PROBLEM_TYPES
from claims.models import Claim, ClaimStatus
from tests.factories import ClaimFactory

from .conftest import assert_problem

pytestmark = pytest.mark.django_db


def post_raw(client, path, body: bytes, content_type="application/json", **extra):
    return client.generic("POST", path, body, content_type=content_type, **extra)


def test_malformed_json_is_400(as_checker):
    response = post_raw(as_checker, "/api/v1/claims/", b'{"text": ')
    assert response.status_code == 400
    body = assert_problem(response)
    assert body["type"] == PROBLEM_BASE + "malformed-request"
    assert "not valid JSON" in body["detail"]


def test_invalid_utf8_is_400(as_checker):
    response = post_raw(as_checker, "/api/v1/claims/", b'{"text": "caf\xe9"}')
    assert response.status_code == 400
    assert "UTF-8" in assert_problem(response)["detail"]


def test_another_charset_is_400(as_checker):
    response = post_raw(
        as_checker,
        "/api/v1/claims/",
        '{"text": "café"}'.encode("latin-1"),
        content_type="application/json; charset=latin-1",
    )
    assert response.status_code == 400


@pytest.mark.parametrize("body", [b'{"text": NaN}', b'{"text": "\\ud800"}', b"   "])
def test_json_that_cannot_be_stored_is_400(as_checker, body):
    response = post_raw(as_checker, "/api/v1/claims/", body)
    assert response.status_code == 400
    assert not Claim.objects.exists()


def test_a_body_that_is_not_an_object_is_a_field_error(as_checker):
    response = post_raw(as_checker, "/api/v1/claims/", b'["text"]')
    assert response.status_code == 400
    assert assert_problem(response)["type"] == PROBLEM_BASE + "validation-error"


def test_field_errors_are_listed_per_field(as_checker):
    claim = ClaimFactory()
    response = as_checker.patch(
        f"/api/v1/claims/{claim.pk}/",
        {"priority": 9, "due_at": "soon", "assignee": "nobody"},
        format="json",
    )
    assert response.status_code == 400
    body = assert_problem(response)
    assert body["type"] == PROBLEM_BASE + "validation-error"
    assert sorted(e["field"] for e in body["errors"]) == ["assignee", "due_at", "priority"]
    assert all(e["message"] and e["code"] for e in body["errors"])
    assert body["detail"] == "Invalid value for assignee, due_at, priority."


@pytest.mark.parametrize(
    "payload",
    [
        {f"unknown_field_{n:06d}": 1 for n in range(30_000)},  # ~800 kB of names
        {"x" * 900_000: 1, "text": "A claim."},  # one name of 900 kB
    ],
    ids=["many-names", "one-long-name"],
)
def test_unknown_field_errors_stay_small(as_checker, payload):
    """Every unknown field is an error naming it, but a problem never echoes a body back: at most
    MAX_ERRORS entries, each field name and message cut, the rest counted."""
    response = post_raw(as_checker, "/api/v1/claims/", json.dumps(payload).encode())

    assert response.status_code == 400
    assert len(response.content) < 20_000
    from claims.api.errors import MAX_ERRORS

    body = assert_problem(response)
    listed = [e for e in body["errors"] if e["code"] == "unknown_field"]
    assert 1 <= len(listed) <= MAX_ERRORS
    assert all(len(e["field"]) <= 100 for e in listed)
    assert len(body["detail"]) <= 600
    if len(payload) > MAX_ERRORS:
        more = body["errors"][-1]
        assert more["code"] == "too_many_errors"
        assert f"{len(payload) - MAX_ERRORS:,} more" in more["message"]
    assert not Claim.objects.exists()


def test_401(anon):
    body = assert_problem(anon.get("/api/v1/claims/"))
    assert body["type"] == PROBLEM_BASE + "not-authenticated"


def test_403(as_viewer):
    response = as_viewer.post("/api/v1/claims/", {"text": "x"}, format="json")
    assert response.status_code == 403
    assert assert_problem(response)["type"] == PROBLEM_BASE + "permission-denied"


def test_404_for_an_unknown_row_and_an_unknown_url(as_viewer):
    assert as_viewer.get("/api/v1/claims/999999/").status_code == 404
    response = as_viewer.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert assert_problem(response)["type"] == PROBLEM_BASE + "not-found"
    assert as_viewer.get("/api/v1/claims/?page=19").status_code == 404
    assert as_viewer.get("/api/v1/articles/?page=99").status_code == 404


def test_404_outside_the_api_stays_a_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "problem+json" not in response["Content-Type"]


def test_405_names_the_allowed_methods(as_viewer):
    claim = ClaimFactory()
    response = as_viewer.delete(f"/api/v1/claims/{claim.pk}/")
    assert response.status_code == 405
    assert assert_problem(response)["type"] == PROBLEM_BASE + "method-not-allowed"
    assert "PATCH" in response["Allow"]


def test_406_when_nothing_acceptable_can_be_produced(as_viewer):
    response = as_viewer.get("/api/v1/claims/", HTTP_ACCEPT="text/csv")
    assert response.status_code == 406
    assert_problem(response)


def test_409_for_an_invalid_transition_names_the_reasons(as_editor):
    claim = ClaimFactory(status=ClaimStatus.TRIAGED)
    response = as_editor.post(
        f"/api/v1/claims/{claim.pk}/transition/", {"to": "researching"}, format="json"
    )
    assert response.status_code == 409
    body = assert_problem(response)
    assert body["reasons"] == [
        "the claim has no assignee: assign a fact-checker before research starts"
    ]


def test_412(as_checker):
    claim = ClaimFactory()
    response = as_checker.patch(
        f"/api/v1/claims/{claim.pk}/", {"priority": 1}, format="json", HTTP_IF_MATCH='"9"'
    )
    assert response.status_code == 412
    assert assert_problem(response)["type"] == PROBLEM_BASE + "precondition-failed"


def test_413_for_a_body_over_the_limit(as_checker, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "API_MAX_BODY_BYTES": 2048}
    body = json.dumps({"text": "x" * 3000}).encode()
    response = post_raw(as_checker, "/api/v1/claims/", body)
    assert response.status_code == 413
    assert assert_problem(response)["type"] == PROBLEM_BASE + "payload-too-large"
    assert not Claim.objects.exists()


def test_413_even_without_a_content_length(settings):
    """A chunked upload declares no length: the parser stops reading one byte past the limit."""
    import io

    from claims.api.errors import PayloadTooLarge
    from claims.api.parsers import StrictJSONParser

    settings.FACTCHECK = {**settings.FACTCHECK, "API_MAX_BODY_BYTES": 2048}
    stream = io.BytesIO(json.dumps({"text": "x" * 3000}).encode())
    with pytest.raises(PayloadTooLarge):
        StrictJSONParser().parse(stream, "application/json", {})
    assert stream.tell() == 2049


def test_the_default_limit_is_one_mebibyte(settings):
    assert settings.FACTCHECK["API_MAX_BODY_BYTES"] == 1024 * 1024


def test_415_for_a_body_that_is_not_json(as_checker):
    response = post_raw(as_checker, "/api/v1/claims/", b"text=x", content_type="text/plain")
    assert response.status_code == 415
    assert assert_problem(response)["type"] == PROBLEM_BASE + "unsupported-media-type"
    response = as_checker.post("/api/v1/claims/", {"text": "x"}, format="multipart")
    assert response.status_code == 415


def test_429_when_throttled(as_viewer, settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "user": "2/minute"},
    }
    statuses = [as_viewer.get("/api/v1/entities/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_500_is_a_problem_without_a_stack_trace(as_viewer, monkeypatch, caplog):
    def explode(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("claims.selectors.claim_detail", explode)
    claim = ClaimFactory()
    response = as_viewer.get(f"/api/v1/claims/{claim.pk}/")
    assert response.status_code == 500
    body = assert_problem(response)
    assert body["type"] == PROBLEM_BASE + "server-error"
    assert "secret" not in response.content.decode()
    assert "secret internals" in caplog.text  # logged for the operator


def test_a_crash_outside_the_views_is_a_problem_too(rf):
    from claims.api.errors import handler500

    request = rf.get("/api/v1/claims/")
    response = handler500(request)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"


def test_the_schema_documents_the_problem_shape(anon):
    schema = anon.get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    problem = schema["components"]["schemas"]["Problem"]
    assert problem["required"] == ["type", "title", "status", "detail"]


def test_every_problem_type_has_a_status_and_title():
    assert all(400 <= status < 600 and title for status, title in PROBLEM_TYPES.values())


def test_django_client_sees_problem_json_for_unknown_api_urls():
    response = Client().get("/api/v2/")
    assert response.status_code == 404
    assert_problem(response)
