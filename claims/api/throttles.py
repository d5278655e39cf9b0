"""Rate limits: the API's throttles and the per-username limit on failed sign-ins.

Throttle rates are read from settings at request time (so tests can change them). Client addresses
come from DRF's `get_ident`, which believes X-Forwarded-For only behind the number of proxies
settings name (`DJANGO_BEHIND_PROXY`): a client cannot pick a new identity per request.

Every limit here fails open: when the cache holding the counters is unreachable (Redis down or
hung past the cache's socket timeout) the request goes through and a warning is logged, at most
once a minute per process. The API keeps answering; it is only unthrottled until the cache is back.
"""

from __future__ import annotations

import hashlib
import logging
import time
import unicodedata

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError
from rest_framework import throttling
from rest_framework.settings import api_settings

logger = logging.getLogger(__name__)

CACHE_ERRORS = (RedisError, OSError)
_WARN_EVERY = 60.0
_warned_at: float | None = None


def _fail_open(what: str, exc: Exception) -> None:
    global _warned_at
    now = time.monotonic()
    if _warned_at is None or now - _warned_at >= _WARN_EVERY:
        _warned_at = now
        logger.warning(
            "%s not enforced: the cache is unreachable (%s: %s); letting requests through",
            what,
            type(exc).__name__,
            exc,
        )


class _LiveRateFailOpen:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except CACHE_ERRORS as exc:
            _fail_open(f"API rate limit ({self.scope})", exc)
            return True


class AnonThrottle(_LiveRateFailOpen, throttling.AnonRateThrottle):
    """Anonymous callers, per client address (the token endpoint, the schema)."""


class UserThrottle(_LiveRateFailOpen, throttling.UserRateThrottle):
    """Authenticated callers, per user."""


class AuthThrottle(_LiveRateFailOpen, throttling.SimpleRateThrottle):
    """Token requests, per client address whoever they claim to be: slows password guessing."""

    scope = "auth"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class SignInLimit:
    """Failed sign-ins of one username, from any address (the token endpoint and the admin login
    share it): at `FACTCHECK_SIGN_IN_FAILURE_LIMIT` failures the username is refused, right
    password or not, until `FACTCHECK_SIGN_IN_LOCKOUT` seconds after its first failure. Unknown
    usernames count the same, so the answer tells nothing about which accounts exist."""

    def __init__(self, username: str):
        name = unicodedata.normalize("NFKC", username or "").casefold()
        self.key = "sign-in-failures:" + hashlib.sha256(name.encode()).hexdigest()
        self.lockout: int = settings.FACTCHECK["SIGN_IN_LOCKOUT"]

    def locked(self) -> bool:
        try:
            failures = cache.get(self.key, 0)
        except CACHE_ERRORS as exc:
            _fail_open("sign-in limit", exc)
            return False
        return failures >= settings.FACTCHECK["SIGN_IN_FAILURE_LIMIT"]

    def failed(self) -> None:
        try:
            if not cache.add(self.key, 1, timeout=self.lockout):
                cache.incr(self.key)  # keeps the window of the first failure
        except ValueError:  # the window ended between add() and incr(): a new one starts
            cache.add(self.key, 1, timeout=self.lockout)
        except CACHE_ERRORS as exc:
            _fail_open("sign-in limit", exc)

    def succeeded(self) -> None:
        try:
            cache.delete(self.key)
        except CACHE_ERRORS as exc:
            _fail_open("sign-in limit", exc)
