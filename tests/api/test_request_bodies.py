"""Request bodies the API must not lose: a chunked body (no Content-Length) is read within the
size limit — or refused with 411 where the server cannot de-chunk it — and a PATCH without a
body is a 400, never a 200 that writes nothing (issue 13, item 8). Through the test client and
through gunicorn over a real socket."""

import http.client
import io
import json

import pytest
from rest_framework.authtoken.models import Token

from claims.api.errors import PROBLEM_BASE
from claims.models import Claim, Priority
from tests.conftest import needs_postgres
from tests.factories import ClaimFactory
from tests.gunicorn_process import GunicornProcess

from .conftest import assert_problem

pytestmark = pytest.mark.django_db

BODY = json.dumps({"priority": Priority.HIGH}).encode()


def chunked(client, method, path, body: bytes, *, terminated=True):
    """A request as a WSGI server hands over a chunked body: no Content-Length, the body
    de-chunked in wsgi.input (and `wsgi.input_terminated` when the server says so)."""
    extra = {
        "HTTP_TRANSFER_ENCODING": "chunked",
        "CONTENT_LENGTH": "",
        "wsgi.input": io.BytesIO(body),  # read(n) answers at most n, as a server's does
    }
    if terminated:
        extra["wsgi.input_terminated"] = True
    return client.generic(method, path, b"", content_type="application/json", **extra)


def test_a_chunked_patch_is_read_and_written(as_checker):
    claim = ClaimFactory()
    response = chunked(as_checker, "PATCH", f"/api/v1/claims/{claim.pk}/", BODY)
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert (claim.priority, claim.version) == (Priority.HIGH, 2)


def test_a_chunked_body_over_the_limit_is_413(as_checker, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "API_MAX_BODY_BYTES": 2048}
    body = json.dumps({"text": "x" * 3000}).encode()
    response = chunked(as_checker, "POST", "/api/v1/claims/", body)
    assert response.status_code == 413
    assert assert_problem(response)["type"] == PROBLEM_BASE + "payload-too-large"
    assert not Claim.objects.exists()


def test_a_chunked_body_the_server_cannot_delimit_is_411(as_checker):
    claim = ClaimFactory()
    response = chunked(as_checker, "PATCH", f"/api/v1/claims/{claim.pk}/", BODY, terminated=False)
    assert response.status_code == 411
    assert assert_problem(response)["type"] == PROBLEM_BASE + "length-required"
    claim.refresh_from_db()
    assert claim.version == 1


def test_a_patch_without_a_body_is_400(as_checker):
    claim = ClaimFactory()
    response = as_checker.generic("PATCH", f"/api/v1/claims/{claim.pk}/", b"")
    assert response.status_code == 400
    body = assert_problem(response)
    assert body["type"] == PROBLEM_BASE + "malformed-request"
    assert "empty" in body["detail"]


# --- Through gunicorn, over a socket -------------------------------------------------------------
@pytest.fixture
def server(transactional_db):
    web = GunicornProcess().start()
    yield web
    web.stop()


def send(server, method, path, token, body=None, *, encode_chunked=False, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(
            method,
            path,
            body=body,
            headers={
                "Authorization": f"Token {token}",
                "Content-Type": "application/json",
                **(headers or {}),
            },
            encode_chunked=encode_chunked,
        )
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


@pytest.mark.slow
@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_chunked_and_empty_bodies_through_gunicorn(server, fact_checker, settings):
    token = Token.objects.create(user=fact_checker).key
    claim = ClaimFactory()
    path = f"/api/v1/claims/{claim.pk}/"

    # http.client sends an iterable body with Transfer-Encoding: chunked, in three chunks.
    pieces = iter([BODY[:5], BODY[5:9], BODY[9:]])
    status, content = send(server, "PATCH", path, token, pieces, encode_chunked=True)
    assert status == 200, content
    claim.refresh_from_db()
    assert (claim.priority, claim.version) == (Priority.HIGH, 2)

    status, content = send(server, "PATCH", path, token, b"", headers={"Content-Length": "0"})
    assert status == 400, content
    assert json.loads(content)["type"] == PROBLEM_BASE + "malformed-request"

    huge = json.dumps({"text": "x" * (settings.FACTCHECK["API_MAX_BODY_BYTES"] + 10)}).encode()
    chunks = (huge[i : i + 65536] for i in range(0, len(huge), 65536))
    status, content = send(server, "POST", "/api/v1/claims/", token, chunks, encode_chunked=True)
    assert status == 413, content
    claim.refresh_from_db()
    assert claim.version == 2
    assert Claim.objects.count() == 1
