"""Showing a service's refusal where the editor made the request."""

from __future__ import annotations

from claims.exceptions import ServiceError


class ServiceRefusals:
    """For a ModelAdmin whose forms are `ShowsRefusal` forms: a ServiceError raised while saving
    (by `save_model` or `save_formset`) rolls the whole save back — the admin saves in one
    transaction — and the page is built again from the same POST with the service's message as
    the form's error, so the editor sees why and keeps what they entered. The second pass saves
    nothing: its form is invalid."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)  # type: ignore[misc]
        except ServiceError as exc:
            request.service_refusal = exc.message
            return super().changeform_view(request, object_id, form_url, extra_context)  # type: ignore[misc]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)  # type: ignore[misc]
        refusal = getattr(request, "service_refusal", "")
        if refusal:
            form = type(form.__name__, (form,), {"refusal": refusal})
        return form
