"""Shared fixtures. Pure-module tests under tests/workers need none of these, and this file imports
nothing from Django at module level so that they also run with `-p no:django`."""

import os
from pathlib import Path

import pytest

from claims import roles  # plain constants: safe to import before Django is set up

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
HAS_REDIS = bool(os.environ.get("REDIS_URL"))

needs_postgres = pytest.mark.skipif(not ON_POSTGRES, reason="needs DATABASE_URL on PostgreSQL")
needs_redis = pytest.mark.skipif(not HAS_REDIS, reason="needs REDIS_URL")


def _user(username: str, role: str):
    from .factories import UserFactory

    return UserFactory(username=username, role=role)


@pytest.fixture
def viewer(db):
    return _user("vera", roles.VIEWER)


@pytest.fixture
def fact_checker(db):
    return _user("fatima", roles.FACT_CHECKER)


@pytest.fixture
def editor(db):
    return _user("eddie", roles.EDITOR)


@pytest.fixture
def second_editor(db):
    return _user("erin", roles.EDITOR)


ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_575df2c8442f52cd.txt"


def example_env() -> dict[str, str]:
    """The variables exactly as .env.example documents them."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    return values


@pytest.fixture
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def pytest_sessionfinish(session, exitstatus):
    """Remove this run's private var/ (see factcheck/settings_test.py)."""
    import shutil

    var_dir = os.environ.get("FACTCHECK_VAR_DIR", "")
    if f"run-{os.getpid()}" in var_dir:
        shutil.rmtree(var_dir, ignore_errors=True)


_DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Groups and checklist templates come from data migrations, and a transactional test's
    flush deletes them for every test after it: put them back (two queries when present)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not _DB_FIXTURES & set(request.fixturenames):
        return
    transactional = "live_server" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction", False)
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from claims import reference_data

    reference_data.ensure()
