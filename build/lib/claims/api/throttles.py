"""Throttles whose rates are read from settings at request time (so tests can change them)."""

from rest_framework import throttling
from rest_framework.settings import api_settings


class _LiveRate:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_LiveRate, throttling.AnonRateThrottle):
    """Anonymous callers, per client address (the token endpoint, the schema)."""


class UserThrottle(_LiveRate, throttling.UserRateThrottle):
    """Authenticated callers, per user."""


class AuthThrottle(_LiveRate, throttling.SimpleRateThrottle):
    """Token requests, per client address whoever they claim to be: slows password guessing."""

    scope = "auth"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
