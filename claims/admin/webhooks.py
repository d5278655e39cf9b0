"""Webhooks in the admin: editors register endpoints (the secret is shown once), see each
endpoint's delivery log, redeliver, regenerate a secret, and enable an endpoint that was disabled.
Every write goes through the webhook services (`claims/services/webhooks.py`)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from claims import services
from claims.exceptions import WebhookError
from claims.models import DeliveryState, WebhookDelivery, WebhookEndpoint, WebhookEvent

# Delivery states drawn with the job states' colours.
_STATE_CLASS: dict[str, str] = {
    DeliveryState.PENDING: "queued",
    DeliveryState.SENDING: "running",
    DeliveryState.SUCCEEDED: "done",
    DeliveryState.FAILED: "failed",
}


def delivery_badge(state: str):
    label = {str(value): str(name) for value, name in DeliveryState.choices}.get(state, state)
    return format_html(
        '<span class="desk-badge state-{}">{}</span>', _STATE_CLASS.get(state, state), label
    )


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d %b %H:%M") if value else "—"


class EndpointForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["url", "description", "events", "is_active"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(SimpleHistoryAdmin):
    form = EndpointForm
    list_display = ["__str__", "url", "event_list", "state", "failing_since", "last_success_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "description"]
    actions = ["regenerate_secret", "enable"]
    readonly_fields = [
        "state",
        "failing_since",
        "last_success_at",
        "created_by",
        "created_at",
        "delivery_log",
    ]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["url", "description", "events"]
        return ["url", "description", "events", "is_active", *self.readonly_fields]

    @admin.display(description="events")
    def event_list(self, endpoint: WebhookEndpoint):
        return ", ".join(endpoint.events)

    @admin.display(description="state", ordering="is_active")
    def state(self, endpoint: WebhookEndpoint):
        if endpoint.is_active:
            return format_html('<span class="desk-badge state-done">{}</span>', "active")
        return format_html(
            '<span class="desk-badge state-failed">disabled</span> {} <span class="desk-error">'
            "{}</span>",
            _when(endpoint.disabled_at),
            endpoint.disabled_reason,
        )

    @admin.display(description="delivery log")
    def delivery_log(self, endpoint: WebhookEndpoint):
        recent = list(endpoint.deliveries.order_by("-created_at", "-pk")[:20])
        if not recent:
            return "No deliveries yet."
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
            '<td>{}</td><td class="desk-error">{}</td></tr>',
            (
                (
                    reverse("admin:claims_webhookdelivery_change", args=[d.pk]),
                    _when(d.created_at),
                    d.event_type,
                    delivery_badge(d.state),
                    d.attempts,
                    d.last_status_code or "—",
                    _when(d.next_attempt_at),
                    Truncator(d.last_error).chars(160),
                )
                for d in recent
            ),
        )
        return format_html(
            '<table class="desk-table"><thead><tr><th>created</th><th>event</th><th>state</th>'
            "<th>attempts</th><th>status</th><th>next attempt</th><th>last error</th></tr>"
            '</thead><tbody>{}</tbody></table><p><a href="{}?endpoint__id__exact={}">'
            "All deliveries to this endpoint</a></p>",
            rows,
            reverse("admin:claims_webhookdelivery_changelist"),
            endpoint.pk,
        )

    def changelist_view(self, request, extra_context=None):
        for endpoint in WebhookEndpoint.objects.filter(is_active=False).exclude(
            disabled_reason__startswith="disabled by"
        ):
            self.message_user(
                request,
                f"Webhook endpoint “{endpoint}” was disabled {_when(endpoint.disabled_at)}: "
                f"{endpoint.disabled_reason}. Fix the receiver, then enable it.",
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)

    def _show_secret(self, request, endpoint: WebhookEndpoint, what: str) -> None:
        self.message_user(
            request,
            f"{what} “{endpoint}”: {endpoint.secret} — copy it now, it is not shown again.",
            messages.WARNING,
        )

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            services.endpoint_update(
                endpoint=obj,
                actor=request.user,
                **{f: data[f] for f in ("url", "description", "events", "is_active")},
            )
            return
        created = services.endpoint_create(
            url=data["url"],
            events=data["events"],
            description=data.get("description", ""),
            actor=request.user,
        )
        obj.pk, obj.secret = created.pk, created.secret
        obj._state.adding, obj._state.db = False, created._state.db
        self._show_secret(request, created, "The signing secret of")

    def _refused(self, request, view, *args):
        try:
            return view(request, *args)
        except WebhookError as exc:
            self.message_user(request, f"Not saved: {exc.message}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def add_view(self, request, form_url="", extra_context=None):
        return self._refused(request, super().add_view, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._refused(request, super().change_view, object_id, form_url, extra_context)

    @admin.action(description="Regenerate the signing secret", permissions=["change"])
    def regenerate_secret(self, request, queryset):
        for endpoint in queryset:
            rotated = services.endpoint_rotate_secret(endpoint=endpoint, actor=request.user)
            self._show_secret(request, rotated, "The new signing secret of")

    @admin.action(description="Enable (deliver again)", permissions=["change"])
    def enable(self, request, queryset):
        for endpoint in queryset.filter(is_active=False):
            services.endpoint_update(endpoint=endpoint, actor=request.user, is_active=True)
        self.message_user(request, "Enabled.", messages.SUCCESS)


DELIVERY_FIELDS: list[str] = [
    "endpoint",
    "event_type",
    "message_id",
    "badge",
    "attempts",
    "last_attempt_at",
    "next_attempt_at",
    "last_status_code",
    "last_error",
    "last_response",
    "redelivery_of",
    "payload",
    "created_at",
]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: read-only, with redelivery."""

    list_display = [
        "created_at",
        "endpoint",
        "event_type",
        "badge",
        "attempts",
        "last_status_code",
        "next_attempt_at",
        "error",
    ]
    list_filter = ["state", "event_type", "endpoint"]
    list_select_related = ["endpoint"]
    actions = ["redeliver"]
    readonly_fields = DELIVERY_FIELDS

    def get_fields(self, request, obj=None):
        return DELIVERY_FIELDS

    @admin.display(description="state", ordering="state")
    def badge(self, delivery: WebhookDelivery):
        return delivery_badge(delivery.state)

    @admin.display(description="last error")
    def error(self, delivery: WebhookDelivery):
        return Truncator(delivery.last_error).chars(120)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        pass  # a log: every field is read-only; the change permission is for redelivering

    @admin.action(description="Redeliver (send the same message again)", permissions=["change"])
    def redeliver(self, request, queryset):
        done = 0
        for delivery in queryset.select_related("endpoint"):
            try:
                services.delivery_redeliver(delivery=delivery, actor=request.user)
                done += 1
            except WebhookError as exc:
                self.message_user(request, f"#{delivery.pk}: {exc.message}", messages.ERROR)
        if done:
            self.message_user(request, f"{done} queued again.", messages.SUCCESS)
