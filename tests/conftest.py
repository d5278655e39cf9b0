"""Shared fixtures. Pure-module tests under tests/workers need none of these, and this file imports
nothing from Django at module level so that they also run with `-p no:django`."""

import os
import tempfile
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


def free_port() -> int:
    """A port nobody listens on right now, for a server a test starts (never a fixed port:
    `make test` runs tests side by side, and other checkouts' runs share the machine)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pytest_sessionfinish(session, exitstatus):
    """Remove this run's private var/ (see factcheck/settings_test.py); under pytest-xdist the
    controller's run folder holds every worker's, and goes when the controller finishes."""
    import shutil

    var_dir = os.environ.get("FACTCHECK_VAR_DIR", "")
    if f"run-{os.getpid()}" in var_dir:
        shutil.rmtree(var_dir, ignore_errors=True)


# --- Running side by side (pytest-xdist: `make test` is `pytest -n auto --dist loadgroup`) ------
# Each xdist worker has its own test database (pytest-django's _gwN suffix), Redis database and
# var/ (factcheck/settings_test.py), and its own tmp_path. What remains to arrange is here:
# - a test that uses a module- or class-scoped fixture runs on the same worker as the other tests
#   of its module that use it (an `xdist_group` per module), so the fixture is built once;
# - `slow` tests are handed out first, so that no worker is left with a long one at the end;
# - a test marked `serial` runs with no other test running (the other workers wait for it).
_SHARED_SCOPES = {"module", "class", "package"}


def _uses_shared_fixture(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(
        definitions[-1].scope in _SHARED_SCOPES for definitions in info.name2fixturedefs.values()
    )


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    if not _under_xdist(config):
        return
    for item in items:
        if item.get_closest_marker("xdist_group") is None and _uses_shared_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
    # Stable: every worker must collect the same order.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def _under_xdist(config) -> bool:
    return hasattr(config, "workerinput") or bool(getattr(config.option, "numprocesses", None))


class _SerialLock:
    """A fair readers-writer lock between the xdist workers of one run, on two files in the run's
    var/: every test holds it shared; a `serial` test holds it exclusively. The turnstile makes
    a waiting `serial` test go next instead of waiting for a gap between the others' tests."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.turnstile = open(folder / "serial.turnstile", "a+")  # noqa: SIM115
        self.room = open(folder / "serial.room", "a+")  # noqa: SIM115

    def hold(self, exclusive: bool):
        import contextlib
        import fcntl

        @contextlib.contextmanager
        def held():
            fcntl.flock(self.turnstile, fcntl.LOCK_EX)
            try:
                fcntl.flock(self.room, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            finally:
                if not exclusive:
                    fcntl.flock(self.turnstile, fcntl.LOCK_UN)
            try:
                yield
            finally:
                fcntl.flock(self.room, fcntl.LOCK_UN)
                if exclusive:
                    fcntl.flock(self.turnstile, fcntl.LOCK_UN)

        return held()


_serial_lock: _SerialLock | None = None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    global _serial_lock
    if not hasattr(item.config, "workerinput"):
        return (yield)
    if _serial_lock is None:
        # The workers' var/ are gw0, gw1 … inside the run's (factcheck/settings_test.py); without
        # Django (-p no:django) a folder of the run's in the temporary directory.
        var_dir = os.environ.get("FACTCHECK_VAR_DIR")
        run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID", "run")
        _serial_lock = _SerialLock(
            Path(var_dir).parent
            if var_dir and os.environ.get("FACTCHECK_TEST_WORKER")
            else Path(tempfile.gettempdir()) / f"factcheck-tests-{run_id}"
        )
    with _serial_lock.hold(exclusive=item.get_closest_marker("serial") is not None):
        return (yield)


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
