"""API test fixtures: clients per role (token auth), and a client that checks every error it
receives against the one problem+json schema (claims.api.errors.PROBLEM_SCHEMA)."""

import jsonschema
import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from claims.api.errors import PROBLEM_CONTENT_TYPE, PROBLEM_SCHEMA

PROBLEM_VALIDATOR = jsonschema.Draft202012Validator(
    PROBLEM_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def assert_problem(response) -> dict:
    """The response is an RFC 9457 problem matching PROBLEM_SCHEMA, its status in the body."""
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE, response.content[:300]
    body = response.json()
    PROBLEM_VALIDATOR.validate(body)
    assert body["status"] == response.status_code
    assert "Traceback" not in response.content.decode()
    return body


class ProblemCheckingClient(APIClient):
    """An APIClient that asserts that every 4xx/5xx under /api/ is a valid problem document."""

    def request(self, **kwargs):
        response = super().request(**kwargs)
        if (
            response.status_code >= 400
            and kwargs.get("PATH_INFO", "").startswith("/api/")
            and kwargs.get("REQUEST_METHOD") != "HEAD"  # no body to check
        ):
            assert_problem(response)
        return response


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttle counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon():
    return ProblemCheckingClient()


@pytest.fixture
def client_for(db):
    """client_for(user) → a client authenticated with the user's API token."""
    from rest_framework.authtoken.models import Token

    def make(user):
        client = ProblemCheckingClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture
def as_viewer(client_for, viewer):
    return client_for(viewer)


@pytest.fixture
def as_checker(client_for, fact_checker):
    return client_for(fact_checker)


@pytest.fixture
def as_editor(client_for, editor):
    return client_for(editor)
