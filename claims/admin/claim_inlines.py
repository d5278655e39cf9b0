"""The claim page's inlines: its checklist and its evidence, worked through the services."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from claims import workflow
from claims.models import ChecklistItem, Claim, Evidence

from . import display
from .forms import ChecklistItemForm, EvidenceForm


def _record_locked(claim: Claim | None) -> bool:
    """The claim's status locks its checklist and evidence (the workflow says which)."""
    return claim is not None and workflow.record_lock_refusal(claim.status) is not None


class ChecklistItemInline(admin.TabularInline):
    """Tick a step, skip it with a note, or fail it. Steps come from the claim type's template;
    an automated step shows how its check ended (passed, failed, not applicable) and why, until a
    person works it."""

    model = ChecklistItem
    form = ChecklistItemForm
    fields = ["step", "state", "note", "worked", "seen_state", "seen_note"]
    readonly_fields = ["step", "worked"]
    extra = 0
    can_delete = False
    verbose_name = "checklist step"
    verbose_name_plural = "checklist"
    classes = ["desk-checklist"]
    template = "admin/claims/edit_inline/desk_tabular.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("done_by").order_by("order", "id")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not _record_locked(obj)

    @admin.display(description="step")
    def step(self, item: ChecklistItem):
        tags = []
        if item.required:
            tags.append(
                format_html('<span class="desk-tag desk-tag-required">{}</span>', "required")
            )
        if item.automated:
            tags.append(format_html('<span class="desk-tag desk-tag-auto">{}</span>', "automated"))
        return format_html(
            '<strong class="desk-step-title">{}</strong> {}{}{}',
            item.title,
            format_html_join("", "{}", ((tag,) for tag in tags)),
            format_html('<div class="desk-guidance">{}</div>', item.guidance)
            if item.guidance
            else "",
            _check_result(item),
        )

    @admin.display(description="by")
    def worked(self, item: ChecklistItem):
        if item.done_at is None:
            return ""
        who = item.done_by.get_username() if item.done_by else "worker"
        return format_html(
            '{}<br><span class="desk-muted">{}</span>',
            who,
            timezone.localtime(item.done_at).strftime("%d %b %H:%M"),
        )


def _check_result(item: ChecklistItem):
    """What the automated check found (or why it failed or did not apply), with its outcome while
    the machine's state stands."""
    if not item.result:
        return ""
    outcome = (
        display.check_outcome(item.state)
        if item.automated and item.done_by_id is None and item.state in display.CHECK_OUTCOMES
        else ""
    )
    return format_html('<div class="desk-result">{} {}</div>', outcome, item.result)


class EvidenceInline(admin.TabularInline):
    """Sources gathered for the claim. A source is a record: to correct one, remove it and add
    it again (both are in the field history)."""

    model = Evidence
    form = EvidenceForm
    fields = ["url", "title", "publisher", "excerpt", "stance", "added"]
    readonly_fields = ["added"]
    extra = 0
    verbose_name = "evidence"
    verbose_name_plural = "evidence"
    classes = ["desk-evidence"]
    template = "admin/claims/edit_inline/desk_tabular.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("added_by")

    def has_change_permission(self, request, obj=None):
        return False  # rows already added are shown read-only

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not _record_locked(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _record_locked(obj)

    @admin.display(description="added")
    def added(self, evidence: Evidence):
        if evidence.pk is None:
            return ""
        who = evidence.added_by.get_username() if evidence.added_by else "—"
        return format_html(
            '{}<br><span class="desk-muted">{}</span>',
            who,
            timezone.localtime(evidence.added_at).strftime("%d %b %H:%M"),
        )
