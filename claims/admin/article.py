"""Articles (the body with every claim marked, the pipeline and its jobs), outlets and entities."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from claims.models import Article, Entity, JobState, Outlet
from claims.selectors import article_jobs
from claims.services import article_ingest, article_ingest_url, article_reprocess
from claims.text import ellipsize

from . import display
from .display import Mark, mark_spans
from .forms import ArticleIngestForm
from .refusals import ServiceRefusals

INGEST_FIELDS = ["text", "title", "url", "outlet", "published_at", "language"]


@admin.register(Article)
class ArticleAdmin(ServiceRefusals, SimpleHistoryAdmin):
    list_display = [
        "title",
        "outlet",
        "published_at",
        "language",
        "pipeline_badge",
        "claim_count",
        "created_at",
    ]
    list_filter = ["pipeline_status", "outlet", "language"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "body"]
    date_hierarchy = "published_at"
    actions = ["reprocess"]
    change_form_template = "admin/claims/article/change_form.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "standfirst",
                    "outlet",
                    "url",
                    "published_at",
                    "dateline_place",
                    "byline",
                    "language",
                    "detected_language",
                ]
            },
        ),
        ("Claims in the text", {"fields": ["body_with_claims", "claims_table"]}),
        ("Pipeline", {"fields": ["pipeline_badge", "jobs_table"]}),
        (
            "As received",
            {
                "fields": [
                    "photo_caption",
                    "photo_credit",
                    "source_note",
                    "raw_text",
                    "content_hash",
                    "created_by",
                    "created_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = [
        "detected_language",
        "body_with_claims",
        "claims_table",
        "pipeline_badge",
        "jobs_table",
        "photo_caption",
        "photo_credit",
        "source_note",
        "raw_text",
        "content_hash",
        "created_by",
        "created_at",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claims_total=Count("claims"))

    @admin.display(description="claims", ordering="claims_total")
    def claim_count(self, article: Any):  # annotated with `claims_total`
        return format_html(
            '<a href="{}?article={}">{}</a>',
            reverse("admin:claims_claim_changelist"),
            article.pk,
            article.claims_total,
        )

    @admin.display(description="pipeline", ordering="pipeline_status")
    def pipeline_badge(self, article: Article):
        return display.state_badge(article.pipeline_status)

    @admin.display(description="body")
    def body_with_claims(self, article: Article):
        """Every claim's span highlighted in its status's colour and linked to the claim, with a
        legend of the colours; all text escaped."""
        claims = article.claims.filter(start__isnull=False).only(
            "pk", "start", "end", "claim_type", "status", "checkworthiness"
        )
        marks = [
            Mark(
                c.start,
                c.end,
                f"desk-claim-link desk-claim-{c.status}",
                f"{c.get_claim_type_display()} · {c.get_status_display()} · "
                f"worthiness {c.checkworthiness:.2f}",
                reverse("admin:claims_claim_change", args=[c.pk]),
            )
            for c in claims
            if c.start is not None and c.end is not None
        ]
        return format_html(
            '<div class="desk-article-body">{}</div>{}',
            mark_spans(article.body, marks),
            display.claim_status_legend(),
        )

    @admin.display(description="claims")
    def claims_table(self, article: Article):
        claims = article.claims.select_related("claimant", "assignee").order_by("start", "pk")
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
            "<td>{}</td></tr>",
            (
                (
                    reverse("admin:claims_claim_change", args=[c.pk]),
                    ellipsize(c.text, 120),
                    c.claimant.name if c.claimant else "—",
                    c.get_claim_type_display(),
                    display.score(c.checkworthiness),
                    display.status_badge(c.status),
                    display.verdict_badge(c.verdict),
                )
                for c in claims
            ),
        )
        if not rows:
            return "No claims found (yet)."
        return format_html(
            '<p><a href="{}?article={}">Open these claims in the review desk</a></p>'
            '<table class="desk-table"><thead><tr><th>claim</th><th>claimant</th><th>type</th>'
            "<th>worthiness</th><th>status</th><th>verdict</th></tr></thead><tbody>{}</tbody>"
            "</table>",
            reverse("admin:claims_claim_changelist"),
            article.pk,
            rows,
        )

    @admin.display(description="jobs")
    def jobs_table(self, article: Article):
        """The article's extract job, then its claims' enrich and checklist jobs: counted when
        done, listed one by one when they are not (failed first)."""
        jobs = list(article_jobs(article_id=article.pk))
        if not jobs:
            return "No jobs."
        shown = [j for j in jobs if j.article_id or j.state != JobState.DONE]
        shown.sort(key=lambda j: (j.claim_id is not None, j.state != JobState.FAILED, j.pk))
        done = Counter(j.get_stage_display() for j in jobs if j not in shown)
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
            '<td class="desk-error">{}</td></tr>',
            (
                (
                    format_html(
                        '<a href="{}">claim #{}</a>',
                        reverse("admin:claims_claim_change", args=[j.claim_id]),
                        j.claim_id,
                    )
                    if j.claim_id
                    else "article",
                    j.get_stage_display(),
                    display.state_badge(j.state),
                    j.attempts,
                    timezone.localtime(j.finished_at).strftime("%d %b %H:%M")
                    if j.finished_at
                    else "—",
                    ellipsize(j.last_error, 200),
                )
                for j in shown
            ),
        )
        summary = format_html_join(
            " · ", "{}: {} done", ((stage, count) for stage, count in sorted(done.items()))
        )
        return format_html(
            '<table class="desk-table"><thead><tr><th>for</th><th>stage</th><th>state</th>'
            "<th>attempts</th><th>finished</th><th>error</th></tr></thead><tbody>{}</tbody>"
            "</table><p>Claims: {}</p>"
            '<p><a href="{}?article={}">These jobs in the ops view</a></p>',
            rows,
            summary or "no job finished yet",
            reverse("admin:claims_job_changelist"),
            article.pk,
        )

    # --- Ingest (add) -----------------------------------------------------------------------------
    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ArticleIngestForm
            kwargs["fields"] = []  # the form's own fields only: article_ingest builds the article
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": INGEST_FIELDS})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def response_add(self, request, obj, post_url_continue=None):
        """After adding, open the new article's page (not the list): that is where work goes on."""
        response = super().response_add(request, obj, post_url_continue)
        if IS_POPUP_VAR in request.POST or "_addanother" in request.POST:
            return response
        return HttpResponseRedirect(reverse("admin:claims_article_change", args=[obj.pk]))

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        if data.get("text"):
            result = article_ingest(
                created_by=request.user, **{f: data.get(f) for f in INGEST_FIELDS}
            )
        else:  # a URL alone: the article now, its text once a worker has fetched the page
            result = article_ingest_url(
                url=data["url"], language=data.get("language") or "en", created_by=request.user
            )
        if not result.created:
            self.message_user(
                request, "This article was already ingested: here it is.", messages.WARNING
            )
        obj.pk = result.article.pk
        obj._state.adding, obj._state.db = False, result.article._state.db

    # --- Reprocess --------------------------------------------------------------------------------
    @admin.action(description="Reprocess (run the pipeline again)", permissions=["change"])
    def reprocess(self, request, queryset):
        for article in queryset:
            article_reprocess(article=article)
        count = queryset.count()
        self.message_user(
            request,
            f"{count} article{'s' * (count != 1)} queued for processing again; "
            "the work people did on their claims is kept.",
            messages.SUCCESS,
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/reprocess/",
                self.admin_site.admin_view(self.reprocess_view),
                name="claims_article_reprocess",
            ),
            *super().get_urls(),
        ]

    def reprocess_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        article_reprocess(article=article)
        self.message_user(request, "Queued for processing again.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:claims_article_change", args=[article.pk]))


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country"]
    search_fields = ["name", "domain"]


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "alias_list", "claim_count"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claims_total=Count("claims"))

    @admin.display(description="aliases")
    def alias_list(self, entity: Entity):
        return ", ".join(entity.aliases or [])

    @admin.display(description="claims as claimant", ordering="claims_total")
    def claim_count(self, entity: Any):  # annotated with `claims_total`
        return entity.claims_total
