"""The admin's sign-in form, with the per-username limit on failed sign-ins that the API's token
endpoint applies too (`claims.api.throttles.SignInLimit`)."""

from __future__ import annotations

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from claims.api.throttles import SignInLimit


class LimitedAdminAuthenticationForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "locked": "Too many failed sign-ins for this username: try again in %(minutes)d minutes.",
    }

    def clean(self):
        limit = SignInLimit(self.cleaned_data.get("username") or "")
        if limit.locked():
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": max(1, round(limit.lockout / 60))},
            )
        try:
            cleaned = super().clean()
        except ValidationError as exc:
            if exc.code == "invalid_login":
                limit.failed()
            raise
        limit.succeeded()
        return cleaned
