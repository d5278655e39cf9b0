"""/healthz and /readyz: open to anonymous callers; readiness names what is unreachable."""

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
    assert body["checks"]["database"] == "ok"
    assert "Connection refused" in body["checks"]["broker"]
