"""Test settings: the production module plus what makes tests fast and isolated.

The database and broker still come from DATABASE_URL / REDIS_URL, so `make test` runs on
PostgreSQL + Redis when they are set (CI) and on SQLite + the embedded broker otherwise.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
# A developer's .env (`make run` writes one) never reaches the tests, nor the processes they start.
os.environ.setdefault("DJANGO_ENV_FILE", "")
# One var/ per test run, so that concurrent runs (and the workers they start) never share a
# SQLite file or an embedded broker folder. tests/conftest.py removes it at the end of the run.
os.environ.setdefault(
    "FACTCHECK_VAR_DIR",
    os.path.join(os.path.dirname(__file__), "..", "var", "test", f"run-{os.getpid()}"),
)


def _xdist_worker_index() -> int | None:
    """0 for pytest-xdist's gw0, 1 for gw1 …; None outside an xdist worker (a serial run, or
    xdist's controller process)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else None


def redis_url_for_worker(url: str, index: int) -> str:
    """REDIS_URL's database + 1 + the worker's index, wrapping within Redis's 0–15: `make test`
    at redis://…/0 gives its workers databases 1 and 2; no two workers share a broker queue."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        return url
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(base + 1 + index) % 16}"))


# Under pytest-xdist each worker is a test process of its own: its own var/ below the run's (the
# controller's sessionfinish removes the run's, worker folders included) and its own Redis
# database; the processes the tests start (Celery workers, gunicorn) inherit both from os.environ.
# Each worker's PostgreSQL/SQLite test database gets its _gwN suffix from pytest-django.
if (_worker := _xdist_worker_index()) is not None and not os.environ.get("FACTCHECK_TEST_WORKER"):
    os.environ["FACTCHECK_TEST_WORKER"] = f"gw{_worker}"  # once, even if this module is reloaded
    os.environ["FACTCHECK_VAR_DIR"] = os.path.join(os.environ["FACTCHECK_VAR_DIR"], f"gw{_worker}")
    if os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = redis_url_for_worker(os.environ["REDIS_URL"], _worker)

from .settings import *  # noqa: E402, F403
from .settings import DATABASES, FACTCHECK, VAR_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
# The pinned query counts read the token on every request; tests/api/test_token_cache.py turns
# the cache of its user on.
FACTCHECK["API_TOKEN_CACHE_SECONDS"] = 0

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so that a real worker process started by a test sees the same rows.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
