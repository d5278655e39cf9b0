"""/healthz and /readyz: open to anonymous callers; readiness names what is unreachable."""

import logging

import pytest

from factcheck import health

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_auth(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_checks_the_database_and_the_broker(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json()["checks"] == {"database": "ok", "broker": "ok"}


def test_readyz_is_503_problem_json_naming_the_broker_when_it_is_down(client, monkeypatch):
    class Unreachable:
        def connection_for_write(self):
            raise ConnectionRefusedError("[Errno 111] Connection refused")

    monkeypatch.setattr(health, "celery_app", Unreachable())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["detail"] == "Not ready: broker unreachable."
    assert body["checks"] == {"database": "ok", "broker": "unreachable"}


def test_readyz_shows_anonymous_callers_what_is_down_but_not_why(client, monkeypatch, caplog):
    """An exception's text names hosts, users and databases: it goes to the log only."""
    internal = 'connection to "db.internal" (10.1.2.3), port 5432 failed: FATAL: role "fc"'

    def database_down():
        return f"OperationalError: {internal}"

    monkeypatch.setattr(health, "_database_ok", database_down)
    with caplog.at_level(logging.WARNING, logger="factcheck.health"):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.content.decode()
    assert response.json()["checks"] == {"database": "unreachable", "broker": "ok"}
    assert "database" in response.json()["detail"]
    for secret in ("db.internal", "10.1.2.3", "5432", "OperationalError", "role"):
        assert secret not in body
    assert internal in caplog.text
