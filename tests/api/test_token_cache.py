"""The API token's user, cached (claims/api/authentication.py): read once, then from the cache;
signing out, deactivating or regrouping a user takes effect on the next request."""

import pytest
from django.contrib.auth.models import Group
from django.test.utils import CaptureQueriesContext

from claims import roles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cached")]


@pytest.fixture
def cached(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "API_TOKEN_CACHE_SECONDS": 30}


def token_queries(client, path="/api/v1/claims/") -> tuple[int, int]:
    from django.db import connection

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    reads = sum('"authtoken_token"' in q["sql"] for q in ctx.captured_queries)
    return response.status_code, reads


def test_the_token_is_read_once_then_from_the_cache(as_viewer):
    assert token_queries(as_viewer) == (200, 1)
    assert token_queries(as_viewer) == (200, 0)


def test_signing_out_refuses_the_cached_token_at_once(client_for, viewer):
    client = client_for(viewer)
    assert token_queries(client) == (200, 1)
    assert client.delete("/api/v1/auth/token/").status_code == 204
    assert client.get("/api/v1/claims/").status_code == 401


def test_a_deactivated_user_is_refused_at_once(as_viewer, viewer):
    assert token_queries(as_viewer) == (200, 1)
    viewer.is_active = False
    viewer.save()
    assert as_viewer.get("/api/v1/claims/").status_code == 401


def test_an_unknown_token_is_never_cached(anon):
    anon.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    assert token_queries(anon) == (401, 1)
    assert token_queries(anon) == (401, 1)


def test_each_request_has_its_own_user_so_a_new_role_counts_at_once(as_viewer, viewer):
    # The first request fills the user's permission cache; the cached user must not carry it.
    assert as_viewer.post("/api/v1/claims/", {"text": "By hand."}).status_code == 403
    viewer.groups.add(Group.objects.get(name=roles.FACT_CHECKER))
    assert as_viewer.post("/api/v1/claims/", {"text": "By hand."}).status_code == 201


def test_a_failing_cache_reads_the_token_every_time(as_viewer, monkeypatch):
    monkeypatch.setattr("claims.api.authentication.cache", BrokenCache())
    assert token_queries(as_viewer) == (200, 1)
    assert token_queries(as_viewer) == (200, 1)


class BrokenCache:
    """A cache whose server is down (stands in for Redis refusing connections)."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionRefusedError("cache down")

        return fail
