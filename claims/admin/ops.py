"""The ops side of the desk: pipeline jobs, checklist templates, and the event log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from claims.models import (
    Article,
    ChecklistTemplate,
    ChecklistTemplateItem,
    ClaimEvent,
    Job,
    JobState,
)
from claims.selectors import article_jobs_filter
from claims.services import job_requeue
from claims.text import ellipsize

from . import display


class JobArticleFilter(admin.SimpleListFilter):
    """The jobs of one article's pipeline: its own and its claims'. Reached from the article page
    (`?article=<id>`); shown in the sidebar only while it is applied."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        value = self.value()
        if not (value and value.isdigit()):
            return []
        article = Article.objects.filter(pk=int(value)).only("title").first()
        return [(value, ellipsize(article.title, 50))] if article else []

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(article_jobs_filter(int(value)))
        return queryset


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Where each pipeline stage stands. Rows are written by the pipeline only: nothing here is
    editable, but failed jobs can be queued again."""

    list_display = [
        "id",
        "target",
        "stage",
        "state_badge",
        "attempts",
        "error",
        "queued",
        "started",
        "finished",
    ]
    list_display_links = ["id"]
    list_filter = ["state", "stage", JobArticleFilter]
    list_select_related = ["article", "claim"]
    search_fields = ["last_error", "task_id"]
    actions = ["requeue"]
    readonly_fields = [
        "target",
        "stage",
        "state_badge",
        "attempts",
        "last_error",
        "task_id",
        "queued_at",
        "published_at",
        "started_at",
        "finished_at",
    ]
    fields = tuple(readonly_fields)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="for")
    def target(self, job: Job):
        if job.article is not None:
            return format_html(
                '<a href="{}">article: {}</a>',
                reverse("admin:claims_article_change", args=[job.article_id]),
                ellipsize(job.article.title, 50),
            )
        return format_html(
            '<a href="{}">claim #{}: {}</a>',
            reverse("admin:claims_claim_change", args=[job.claim_id]),
            job.claim_id,
            ellipsize(job.claim.text if job.claim else "", 50),
        )

    @admin.display(description="queued", ordering="queued_at")
    def queued(self, job: Job):
        return _short_time(job.queued_at)

    @admin.display(description="started", ordering="started_at")
    def started(self, job: Job):
        return _short_time(job.started_at)

    @admin.display(description="finished", ordering="finished_at")
    def finished(self, job: Job):
        return _short_time(job.finished_at)

    @admin.display(description="state", ordering="state")
    def state_badge(self, job: Job):
        return display.state_badge(job.state)

    @admin.display(description="last error")
    def error(self, job: Job):
        return format_html('<span class="desk-error">{}</span>', ellipsize(job.last_error, 90))

    @admin.action(description="Requeue failed jobs", permissions=["change"])
    def requeue(self, request, queryset):
        requeued = job_requeue(jobs=queryset, actor=request.user)
        skipped = queryset.exclude(pk__in=[j.pk for j in requeued]).exclude(state=JobState.QUEUED)
        self.message_user(
            request,
            f"{len(requeued)} failed job{'s' * (len(requeued) != 1)} queued again.",
            messages.SUCCESS if requeued else messages.WARNING,
        )
        if skipped.exists():
            self.message_user(
                request, "Jobs that had not failed were left as they are.", messages.INFO
            )


def _short_time(value) -> str:
    return timezone.localtime(value).strftime("%-d %b %H:%M:%S") if value else "—"


class ChecklistTemplateItemInline(admin.TabularInline):
    model = ChecklistTemplateItem
    fields = ["order", "title", "guidance", "required", "check_key"]
    extra = 1
    ordering = ["order", "id"]
    template = "admin/claims/edit_inline/desk_tabular.html"
    formfield_overrides = {
        ChecklistTemplateItem._meta.get_field("guidance").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 50})
        }
    }


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    """One checklist per claim type. Editing a template changes the checklists built from now
    on; checklists already given to claims keep their steps."""

    list_display = ["name", "claim_type", "step_count"]
    search_fields = ["name"]
    inlines = [ChecklistTemplateItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(steps=Count("items"))

    @admin.display(description="steps", ordering="steps")
    def step_count(self, template: Any):  # annotated with `steps`
        return template.steps


@admin.register(ClaimEvent)
class ClaimEventAdmin(admin.ModelAdmin):
    """The desk's log: every move, assignment, verdict, comment and machine run, newest first."""

    list_display = ["at", "claim_link", "who", "kind", "change", "comment"]
    list_filter = ["kind"]
    list_select_related = ["claim", "actor"]
    search_fields = ["comment", "claim__text", "actor_label"]
    ordering = ["-at", "-id"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="claim")
    def claim_link(self, event: ClaimEvent):
        return format_html(
            '<a href="{}">#{} {}</a>',
            reverse("admin:claims_claim_change", args=[event.claim_id]),
            event.claim_id,
            ellipsize(event.claim.text, 60),
        )

    @admin.display(description="by")
    def who(self, event: ClaimEvent):
        return event.actor.get_username() if event.actor else event.actor_label or "worker"

    @admin.display(description="change")
    def change(self, event: ClaimEvent):
        if not (event.from_value or event.to_value):
            return ""
        return f"{event.from_value or '—'} → {event.to_value or '—'}"
