"""Reads of people: who may be assigned a claim."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

from claims import workflow


def users_assignable() -> QuerySet:
    """The one assignee rule, as a query: active users who may research claims
    (`workflow.ASSIGNEE_PERMISSION`) through a group, a permission of their own, or as
    superusers — what Django's ModelBackend answers to `has_perm`. The service enforces it on
    every assignment; the admin offers these people."""
    app_label, codename = workflow.ASSIGNEE_PERMISSION.split(".")
    granted = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=granted)
            | Q(groups__permissions__in=granted)
        )
        .distinct()
        .order_by("username")
    )
