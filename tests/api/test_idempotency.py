"""Idempotency-Key on POST creates: a retry replays the first answer, never creates twice."""

import datetime as dt
import json
import threading
from types import SimpleNamespace

import pytest
from django.db import connection

from claims.api.idempotency import _fingerprint
from claims.models import Article, Claim, Evidence, IdempotencyKey
from tests.conftest import needs_postgres
from tests.factories import ClaimFactory

from .conftest import assert_problem

pytestmark = pytest.mark.django_db

KEY = "6f1c2a7e-0d4b-4d7e-9c1a-5b2e8f3a9d10"


def test_the_same_key_and_body_replays_the_first_answer(as_checker):
    first = as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)
    again = as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Location"] == first["Location"]
    assert again["ETag"] == first["ETag"]
    assert again["Idempotency-Replayed"] == "true"
    assert not first.has_header("Idempotency-Replayed")
    assert Claim.objects.count() == 1


def test_the_same_key_with_another_body_is_422(as_checker):
    as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)
    response = as_checker.post(
        "/api/v1/claims/", {"text": "Something else."}, HTTP_IDEMPOTENCY_KEY=KEY
    )
    assert response.status_code == 422
    assert assert_problem(response)["type"].endswith("/idempotency-key-reused")
    assert Claim.objects.count() == 1


def test_the_same_key_on_another_endpoint_is_422(as_checker):
    claim = ClaimFactory()
    as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)
    response = as_checker.post(
        f"/api/v1/claims/{claim.pk}/evidence/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY
    )
    assert response.status_code == 422


def test_keys_belong_to_their_user(as_checker, as_editor):
    as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)
    response = as_editor.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)
    assert response.status_code == 201
    assert "Idempotency-Replayed" not in response
    assert Claim.objects.count() == 2


def test_a_failed_request_does_not_use_up_its_key(as_checker):
    refused = as_checker.post("/api/v1/claims/", {"text": ""}, HTTP_IDEMPOTENCY_KEY=KEY)
    fixed = as_checker.post("/api/v1/claims/", {"text": "Fixed."}, HTTP_IDEMPOTENCY_KEY=KEY)
    assert (refused.status_code, fixed.status_code) == (400, 201)
    assert IdempotencyKey.objects.get().response_status == 201


def test_a_request_that_crashes_frees_its_key(as_checker, monkeypatch):
    def crash(**kwargs):
        raise RuntimeError("the service crashed")

    monkeypatch.setattr("claims.services.claim_create", crash)
    crashed = as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)
    monkeypatch.undo()
    retry = as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)
    assert (crashed.status_code, retry.status_code) == (500, 201)
    assert not IdempotencyKey.objects.filter(response_status__isnull=True).exists()


def test_a_key_still_in_progress_is_409(as_checker, fact_checker):
    """The first request with this key and body has not answered yet (its row has no response)."""
    request = SimpleNamespace(method="POST", path="/api/v1/claims/", data={"text": "By hand."})
    IdempotencyKey.objects.create(user=fact_checker, key=KEY, fingerprint=_fingerprint(request))

    response = as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)

    assert response.status_code == 409
    assert response.json()["type"].endswith("/idempotency-key-in-use")
    assert not Claim.objects.exists()


def test_an_abandoned_or_expired_key_is_taken_over(as_checker, fact_checker):
    record = IdempotencyKey.objects.create(user=fact_checker, key=KEY, fingerprint="x" * 64)
    IdempotencyKey.objects.filter(pk=record.pk).update(
        created_at=record.created_at - dt.timedelta(days=2)
    )
    response = as_checker.post("/api/v1/claims/", {"text": "By hand."}, HTTP_IDEMPOTENCY_KEY=KEY)
    assert response.status_code == 201


@pytest.mark.parametrize("key", ["", "x" * 256, "naïve-key", "tab\tkey"])
def test_a_malformed_key_is_a_400(as_checker, key):
    response = as_checker.post("/api/v1/claims/", {"text": "x"}, HTTP_IDEMPOTENCY_KEY=key)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"


def test_ingest_and_evidence_honour_the_key(as_checker, seed_text):
    payload = {"title": "Seed", "body": seed_text, "published_at": "2025-05-04"}
    first = as_checker.post("/api/v1/articles/", payload, HTTP_IDEMPOTENCY_KEY=KEY)
    again = as_checker.post("/api/v1/articles/", payload, HTTP_IDEMPOTENCY_KEY=KEY)
    assert (first.status_code, again.status_code) == (202, 202)  # replayed: still the first 202
    assert again.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1

    claim = ClaimFactory()
    body = {"url": "https://example.org/source"}
    url = f"/api/v1/claims/{claim.pk}/evidence/"
    as_checker.post(url, body, HTTP_IDEMPOTENCY_KEY="evidence-1")
    as_checker.post(url, body, HTTP_IDEMPOTENCY_KEY="evidence-1")
    assert Evidence.objects.count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_requests_with_one_key_create_once(client_for, fact_checker):
    """Two threads race with the same key: one creates, the other replays or is told to wait."""
    barrier = threading.Barrier(2)
    statuses = []

    def post():
        client = client_for(fact_checker)
        barrier.wait()
        try:
            response = client.post("/api/v1/claims/", {"text": "Raced."}, HTTP_IDEMPOTENCY_KEY=KEY)
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Claim.objects.count() == 1
    assert sorted(statuses) in ([201, 201], [201, 409])


@pytest.mark.slow
@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_a_key_is_free_again_at_once_when_its_request_dies(fact_checker, client_for):
    """gunicorn's worker is killed (SIGKILL: an OOM kill, a timeout) while its request holds an
    Idempotency-Key: the key is not left "in progress" for minutes, a retry creates at once."""
    import os
    import signal
    import time

    from django.db import transaction
    from rest_framework.authtoken.models import Token

    from tests.gunicorn_process import GunicornProcess

    token = Token.objects.create(user=fact_checker).key
    claim = ClaimFactory()
    path = f"/api/v1/claims/{claim.pk}/evidence/"
    body = json.dumps({"url": "https://stats.example.org/1"})
    web = GunicornProcess(timeout=300).start()  # gunicorn's own timeout must not act first
    try:
        with transaction.atomic():
            # Hold the claim's row: the request waits for it inside its handler, key reserved.
            Claim.objects.select_for_update().get(pk=claim.pk)
            sender = threading.Thread(target=_post_quietly, args=(web.port, path, token, body))
            sender.start()
            deadline = time.monotonic() + 90
            while not _a_backend_waits_for_a_lock():
                assert time.monotonic() < deadline, "the request never reached the claim's lock"
                time.sleep(0.1)
            os.killpg(web.process.pid, signal.SIGKILL)  # the whole server dies mid-request
            web.process.wait()
        sender.join(timeout=30)
    finally:
        web.stop()

    retry = client_for(fact_checker).post(
        path, {"url": "https://stats.example.org/1"}, HTTP_IDEMPOTENCY_KEY=KEY
    )
    assert retry.status_code == 201, retry.content
    assert "Idempotency-Replayed" not in retry
    assert Evidence.objects.count() == 1


def _post_quietly(port, path, token, body):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={
                "Authorization": f"Token {token}",
                "Content-Type": "application/json",
                "Idempotency-Key": KEY,
            },
        )
        connection.getresponse().read()
    except (OSError, http.client.HTTPException):
        pass  # the server died: no answer


def _a_backend_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        # Inside a transaction pg_stat_activity is a snapshot taken at its first read: drop it.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0] > 0
