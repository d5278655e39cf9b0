"""Rate limits under hostile input and faults (issue 13, items 2 and 3).

- X-Forwarded-For is the client's own header: believed only behind the configured proxies, and
  then only the entry the nearest proxy added. A new XFF per attempt no longer buys a new budget.
- Failed sign-ins are limited per username, whatever the address, on the token endpoint and the
  admin login alike.
- With the cache unreachable the limits fail open with a warning: the API keeps answering.
  (tests/test_compose.py stops a real Redis under the compose settings.)
"""

import logging
import socket

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.api import throttles
from tests.factories import UserFactory

from .conftest import assert_problem

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory


@pytest.fixture
def rates(settings):
    """rates(auth=…, anon=…) sets the API's throttle rates for this test."""

    def set_rates(**overrides):
        rest = settings.REST_FRAMEWORK
        settings.REST_FRAMEWORK = {
            **rest,
            "DEFAULT_THROTTLE_RATES": {**rest["DEFAULT_THROTTLE_RATES"], **overrides},
        }

    return set_rates


def sign_in(client, username, password, **headers):
    return client.post(
        TOKEN_URL, {"username": username, "password": password}, format="json", **headers
    )


# --- X-Forwarded-For ------------------------------------------------------------------------------
def test_a_new_forwarded_for_per_attempt_does_not_reset_the_token_rate(anon, rates):
    rates(auth="10/minute")
    answers = [
        sign_in(anon, f"guess{n}", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(11)
    ]
    assert answers == [400] * 10 + [429]


def test_a_new_forwarded_for_does_not_reset_the_anonymous_rate(rates):
    rates(anon="3/minute")
    answers = [
        Client().get("/api/schema/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(4)
    ]
    assert answers == [200, 200, 200, 429]


def test_behind_one_proxy_the_address_it_added_identifies_the_client(anon, rates, settings):
    """The proxy appends the address it saw; what the client wrote before it is ignored."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    rates(auth="2/minute")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    def attempt(forwarded_for):
        return sign_in(anon, "x", "wrong", HTTP_X_FORWARDED_FOR=forwarded_for, **proxy)

    # One client spoofing a new leftmost entry each time: one budget.
    assert [attempt(f"1.2.3.{n}, 203.0.113.7").status_code for n in range(3)] == [400, 400, 429]
    # Another client behind the same proxy has its own.
    assert attempt("203.0.113.8").status_code == 400


# --- Per username ---------------------------------------------------------------------------------
@pytest.fixture
def sign_in_limit(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "SIGN_IN_FAILURE_LIMIT": 3, "SIGN_IN_LOCKOUT": 600}


def test_failed_sign_ins_lock_the_username_whatever_the_address(anon, sign_in_limit):
    UserFactory(username="victim")
    UserFactory(username="bystander")
    for n in range(3):
        assert sign_in(anon, "victim", "wrong", REMOTE_ADDR=f"192.0.2.{n}").status_code == 400
    locked = sign_in(anon, "victim", PASSWORD, REMOTE_ADDR="192.0.2.99")
    assert locked.status_code == 429
    body = assert_problem(locked)
    assert body["detail"].startswith("Too many failed sign-ins for this username")
    assert locked["Retry-After"] == "600"
    assert not Token.objects.filter(user__username="victim").exists()
    # Other accounts are not affected.
    assert sign_in(anon, "bystander", PASSWORD, REMOTE_ADDR="192.0.2.99").status_code == 200


def test_spellings_of_a_username_share_its_failures(anon, sign_in_limit):
    UserFactory(username="victim")
    for spelling in ("victim", "VICTIM", "ｖｉｃｔｉｍ"):  # the last in full-width letters
        assert sign_in(anon, spelling, "wrong").status_code == 400
    assert sign_in(anon, "victim", PASSWORD).status_code == 429


def test_a_successful_sign_in_clears_the_failures(anon, sign_in_limit):
    UserFactory(username="typist")
    for _ in range(2):
        sign_in(anon, "typist", "wrong")
    assert sign_in(anon, "typist", PASSWORD).status_code == 200
    for _ in range(2):
        sign_in(anon, "typist", "wrong")
    assert sign_in(anon, "typist", PASSWORD).status_code == 200


def test_the_admin_login_shares_the_per_username_limit(sign_in_limit):
    UserFactory(username="editor-x", is_staff=True)
    browser = Client()
    for n in range(2):
        response = browser.post(
            "/admin/login/",
            {"username": "editor-x", "password": "wrong"},
            REMOTE_ADDR=f"192.0.2.{n}",
        )
        assert response.status_code == 200  # the form again, with its error
    sign_in(APIClient(), "editor-x", "wrong")  # the third failure, on the API
    response = browser.post("/admin/login/", {"username": "editor-x", "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed sign-ins for this username" in response.content.decode()
    assert "_auth_user_id" not in browser.session


def test_the_admin_login_still_signs_in(sign_in_limit):
    UserFactory(username="editor-y", is_staff=True)
    browser = Client()
    response = browser.post("/admin/login/", {"username": "editor-y", "password": PASSWORD})
    assert response.status_code == 302
    assert browser.get("/admin/").status_code == 200


# --- Cache down -----------------------------------------------------------------------------------
@pytest.fixture
def cache_down(settings):
    """The default cache pointed at a Redis that is not there (a port nobody listens on)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    throttles._warned_at = None


def test_with_the_cache_down_the_api_answers_and_logs_why(
    anon, client_for, fact_checker, cache_down, caplog
):
    with caplog.at_level(logging.WARNING, logger="claims.api.throttles"):
        assert client_for(fact_checker).get("/api/v1/claims/").status_code == 200
        assert anon.get("/api/schema/").status_code == 200
        token = sign_in(anon, fact_checker.username, PASSWORD)
        assert token.status_code == 200, token.content
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("not enforced: the cache is unreachable" in w for w in warnings), warnings
    assert len(warnings) == 1  # once a minute, not once a request


def test_with_the_cache_down_the_admin_login_works(cache_down):
    UserFactory(username="editor-z", is_staff=True)
    browser = Client()
    response = browser.post("/admin/login/", {"username": "editor-z", "password": PASSWORD})
    assert response.status_code == 302
