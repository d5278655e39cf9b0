"""What every service that writes a claim shares: the claim's row lock with the one version
check, the one URL rule, and the records a write leaves (actor labels, field history)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from claims.exceptions import ServiceError, StaleVersion
from claims.models import Claim

# The version(s) a write applies to: the API's If-Match (which may name several), the version
# the admin's page was loaded with, or None for "whatever is current".
ExpectedVersion = int | Collection[int] | None


def claim_for_update(claim: Claim, *, expected_version: ExpectedVersion = None) -> Claim:
    """The claim's row, locked until the transaction ends: the one read of the claim a write makes
    (to the claim itself, its status, its checklist or its evidence), so that writes to one claim
    happen one after the other and each checks the state the previous one left.

    Raises StaleVersion when `expected_version` is given and is not the current version. `claim`,
    the caller's copy (which the write answers with, its joined and prefetched rows included), is
    brought up to the row's values. Call inside transaction.atomic().
    """
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    check_version(current, expected_version)
    if claim is not current:
        for field in Claim._meta.concrete_fields:
            setattr(claim, field.attname, getattr(current, field.attname))
    return current


def check_version(current: Claim, expected_version: ExpectedVersion) -> None:
    """The one version check: refuse an edit made on another version than the current one."""
    if expected_version is None:
        return
    expected = (
        frozenset({expected_version})
        if isinstance(expected_version, int)
        else frozenset(expected_version)
    )
    if current.version not in expected:
        last_editor = (
            current.history.order_by("-history_date", "-history_id")
            .values_list("history_user__username", flat=True)
            .first()
        )
        raise StaleVersion(expected=expected, current=current.version, changed_by=last_editor or "")


def check_url(url: str, *, field: str = "url", error: type[ServiceError] = ServiceError) -> str:
    """The one URL rule: an absolute http(s) URL. Returns it without surrounding blanks."""
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise error(
            f"“{url[:200]}” is not a web address: give an http:// or https:// URL", field=field
        ) from None
    return url


def apply_changes(changes: dict[str, Any], *claims: Claim) -> None:
    """Set the written values on the rows in memory, so that a write answers from what it wrote
    instead of reading the claim again."""
    for claim in claims:
        for name, value in changes.items():
            setattr(claim, name, value)


def actor_label(actor) -> str:
    return actor.get_username() if actor is not None else "worker"


def username(user) -> str:
    return user.get_username() if user is not None else ""


def record_history(claim: Claim, *, actor, reason: str) -> None:
    """Field history for writes made with queryset.update(), which simple-history cannot see."""
    Claim.history.bulk_history_create(
        [claim], default_user=actor, default_change_reason=reason[:100], update=True
    )
