"""The local env file: where the settings read it, and the development one `make run` writes.

Standard library only: `scripts/devserver.py` uses it before anything Django-related can start.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

DEVELOPMENT = """\
# Written by `make run` on its first run in this checkout, for development on this machine only;
# `make run` never overwrites it. Every variable, with production values: .env.example.
DJANGO_DEBUG=1
DJANGO_SECRET_KEY={secret_key}
"""


def path() -> Path | None:
    """`.env` beside manage.py, or the file DJANGO_ENV_FILE names (empty: none)."""
    name = os.environ.get("DJANGO_ENV_FILE", str(BASE_DIR / ".env"))
    return Path(name) if name else None


def write_development(target: Path) -> bool:
    """Create `target` with development settings (readable by its owner only) unless it exists.
    Returns whether it was written."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w") as out:
        out.write(DEVELOPMENT.format(secret_key=secrets.token_urlsafe(64)))
    return True
