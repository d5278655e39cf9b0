"""Role checks for every endpoint and action (DESIGN.md §4), after DjangoModelPermissions.

Each ViewSet declares `required_perms`: a map from action name to the model permissions the caller
needs, all of them (`"claims.view_claim"` …), or to `ANY_OF(...)` when one of several will do.
Reads need the view_* permission of what they show; writes the specific add/change/delete or
workflow permission. The workflow's own per-move role check (which move needs which role) lives
in `claims.services.claim_transition()`. An action the map does not name is refused: a new action
is closed until someone decides who may use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q
from rest_framework import exceptions
from rest_framework.permissions import BasePermission

_MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@dataclass(frozen=True)
class ANY_OF:
    perms: tuple[str, ...]

    def __init__(self, *perms: str):
        object.__setattr__(self, "perms", perms)


def _load_permissions(user) -> None:
    """Fill ModelBackend's per-request permission cache with one query instead of two (the
    user's own permissions and their groups'). Django reads `_perm_cache` when it is set; we only
    set it when ModelBackend is the one authentication backend, so its meaning cannot differ."""
    if user.is_superuser or not user.is_active or hasattr(user, "_perm_cache"):
        return
    if list(settings.AUTHENTICATION_BACKENDS) != [_MODEL_BACKEND]:
        return
    rows = (
        Permission.objects.filter(Q(user=user) | Q(group__user=user))
        .values_list("content_type__app_label", "codename")
        .distinct()
    )
    user._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}


def _allowed(user, required) -> bool:
    _load_permissions(user)
    if isinstance(required, ANY_OF):
        return any(user.has_perm(perm) for perm in required.perms)
    return user.has_perms(required)


class RolePermission(BasePermission):
    """Authenticated, and holding the permissions the view's `required_perms` names for the action.

    Anonymous callers get 401 (DRF turns a refusal without a user into NotAuthenticated). A method
    the view does not route is a 405 for an authenticated caller, not a 403.
    """

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        action = getattr(view, "action", None)
        required_map = getattr(view, "required_perms", None)
        if required_map is None:
            return False
        if action is None:
            raise exceptions.MethodNotAllowed(request.method)
        if action == "metadata":  # OPTIONS: as much as reading the resource
            action = "retrieve" if "retrieve" in required_map else "list"
        required = required_map.get(action)
        if required is None:
            return False
        return _allowed(user, required)
