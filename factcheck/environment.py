"""Reading the environment strictly: each parser returns a value or stops the process at start
with an ImproperlyConfigured error naming the variable (django-environ alone reads
DJANGO_DEBUG=maybe as False). The settings module is their one caller."""

from __future__ import annotations

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """A strict boolean: anything other than 1/0, true/false, yes/no, on/off is an error."""
    raw = env.str(name, default=None)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """A whole number no smaller than `minimum`, or an error naming the variable."""
    raw = env.str(name, default=None)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}.")
    return value


def env_float(
    name: str, default: float | None, *, low: float = 0.0, high: float = 1.0
) -> float | None:
    """A number between `low` and `high`, or an error naming the variable; empty means unset."""
    raw = env.str(name, default=None)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number.") from None
    if not low <= value <= high:
        raise ImproperlyConfigured(f"{name}={raw!r} must be between {low} and {high}.")
    return value


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of `choices`, or an error naming the variable and the choices."""
    raw = env.str(name, default=default)
    value = raw.strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r} is not one of {', '.join(choices)}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env.str(name, default=None)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_db(name: str, default: str) -> dict:
    raw = env.str(name, default=default)
    scheme = raw.split("://", 1)[0]
    if scheme not in environ.Env.DB_SCHEMES:
        raise ImproperlyConfigured(
            f"{name} is not a valid database URL: unknown scheme {scheme!r} "
            "(use postgres://… or sqlite:///…)"
        )
    try:
        return environ.Env.db_url_config(raw)
    except (ImproperlyConfigured, ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {exc}") from None


def env_rate(name: str, default: str) -> str:
    """A DRF throttle rate such as "600/minute", or an error naming the variable."""
    raw = env.str(name, default=default).strip()
    count, _, period = raw.partition("/")
    if not (count.isdigit() and period in {"second", "minute", "hour", "day"}):
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a rate: use COUNT/PERIOD with PERIOD one of "
            "second, minute, hour, day (e.g. 600/minute)."
        )
    return raw


DEV_SECRET_KEY = "dev-only-insecure-secret-key-do-not-use-in-production-0123456789"
# The placeholder of .env.example: publicly known, so refused like a short key.
EXAMPLE_SECRET_KEY = "change-me-to-a-long-random-string-of-at-least-fifty-characters-xyz0123456789"
SECRET_KEY_MIN_LENGTH = 50


def secret_key_problem(key: str) -> str | None:
    """Why `key` must not sign production sessions, or None when it will do."""
    if not key:
        return "is not set"
    if key in (EXAMPLE_SECRET_KEY, DEV_SECRET_KEY):
        return "is the publicly known example value"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"is shorter than {SECRET_KEY_MIN_LENGTH} characters"
    if len(set(key)) < 5:
        return "has fewer than 5 different characters"
    return None
