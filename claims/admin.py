"""A basic registration of the models. Status is read-only here: it changes only through
`claims.services.claim_transition()` (the review desk with workflow buttons is its own issue)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country"]
    search_fields = ["name", "domain"]


@admin.register(models.Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "published_at", "pipeline_status", "created_at"]
    list_filter = ["pipeline_status", "outlet", "language"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url"]
    readonly_fields = ["content_hash", "pipeline_status", "raw_text", "created_by"]
    date_hierarchy = "published_at"


@admin.register(models.Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "claim_type", "checkworthiness", "status", "verdict", "assignee"]
    list_filter = ["status", "verdict", "claim_type"]
    list_select_related = ["assignee"]
    search_fields = ["text", "article__title", "claimant__name"]
    raw_id_fields = ["article", "claimant", "duplicate_of", "assignee", "reviewer", "created_by"]
    readonly_fields = ["status", "version", "published_at", "reviewer"]


@admin.register(models.Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class ChecklistTemplateItemInline(admin.TabularInline):
    model = models.ChecklistTemplateItem
    extra = 0


@admin.register(models.ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "claim_type"]
    inlines = [ChecklistTemplateItemInline]


@admin.register(models.Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "stage", "state", "attempts", "queued_at", "finished_at"]
    list_filter = ["state", "stage"]
    raw_id_fields = ["article", "claim"]


admin.site.register(models.Evidence, SimpleHistoryAdmin)
admin.site.register(models.ChecklistItem, SimpleHistoryAdmin)
admin.site.register(models.ClaimEvent)
