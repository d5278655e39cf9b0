"""Test settings: the production module plus what makes tests fast and isolated.

The database and broker still come from DATABASE_URL / REDIS_URL, so `make test` runs on
PostgreSQL + Redis when they are set (CI) and on SQLite + the embedded broker otherwise.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
# A developer's .env (`make run` writes one) never reaches the tests, nor the processes they start.
os.environ.setdefault("DJANGO_ENV_FILE", "")
# One var/ per test process, so that concurrent runs (and the workers they start) never share a
# SQLite file or an embedded broker folder. tests/conftest.py removes it at the end of the run.
os.environ.setdefault(
    "FACTCHECK_VAR_DIR",
    os.path.join(os.path.dirname(__file__), "..", "var", "test", f"run-{os.getpid()}"),
)

from .settings import *  # noqa: F403
from .settings import DATABASES, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so that a real worker process started by a test sees the same rows.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
