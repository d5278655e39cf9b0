"""Token authentication with the token → user lookup cached (issue 13).

DRF's `TokenAuthentication` reads the token and its user (every column) on each request: on the
claims list that query and its compilation were a tenth of the request. Here a valid token's
(user, token) is kept in Django's cache (`CACHES["default"]`) for
`FACTCHECK["API_TOKEN_CACHE_SECONDS"]` (0: not cached), under a hash of the key (the key itself
is never written to the cache), and each request unpickles a fresh copy: nothing one request
sets on its user (permission caches) reaches another.

What it changes: deleting a token (signing out), saving a user (deactivating them, a new
password) or deleting one drops the cached entry at once, for every process when the cache is
shared (Redis, `DJANGO_CACHE_URL`), for the process that made the change otherwise, the others
following within the TTL. A change that bypasses model signals (`QuerySet.update`) also takes
up to the TTL. An unknown or inactive token is never cached; a cache that fails is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from rest_framework import authentication
from rest_framework.authtoken.models import Token

from .throttles import CACHE_ERRORS


def _token_key(key: str) -> str:
    return "api-token:" + hashlib.sha256(key.encode()).hexdigest()


def _user_key(user_id: int) -> str:
    return f"api-token-user:{user_id}"


class CachedTokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key):
        ttl = settings.FACTCHECK["API_TOKEN_CACHE_SECONDS"]
        if ttl <= 0:
            return super().authenticate_credentials(key)
        cached = _token_key(key)
        try:
            hit = cache.get(cached)
        except CACHE_ERRORS:
            return super().authenticate_credentials(key)
        if hit is not None:
            return hit
        user, token = super().authenticate_credentials(key)  # unknown or inactive: raises
        with contextlib.suppress(*CACHE_ERRORS):
            cache.set_many({cached: (user, token), _user_key(user.pk): cached}, ttl)
        return user, token


def _forget(user_id: int | None) -> None:
    if user_id is None:
        return
    with contextlib.suppress(*CACHE_ERRORS):
        cached = cache.get(_user_key(user_id))
        if cached is not None:
            cache.delete_many([cached, _user_key(user_id)])


@receiver([post_save, post_delete], sender=Token, dispatch_uid="api-token-cache-token")
def _token_changed(sender, instance: Token, **kwargs) -> None:
    _forget(instance.user_id)


@receiver([post_save, post_delete], sender=get_user_model(), dispatch_uid="api-token-cache-user")
def _user_changed(sender, instance, **kwargs) -> None:
    _forget(instance.pk)
