"""The review desk: claims list, the claim page with its workflow buttons, and bulk actions.

Every write goes through claims.services: the form's fields through `claim_update()` (with the
version the editor loaded), checklist rows through `checklist_item_update()`, evidence through
`evidence_add()` / `evidence_delete()`, moves through `claim_transition()`.
"""

from __future__ import annotations

import csv
import json

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from claims.admin_queries import claims_desk_annotate
from claims.api.claimreview import claimreview_feed
from claims.models import (
    ChecklistItem,
    Claim,
    ClaimStatus,
    Evidence,
    SimilarClaim,
    SimilarityDecision,
)
from claims.selectors import claimreview_list
from claims.services import (
    CLAIM_EDITABLE_FIELDS,
    ServiceError,
    checklist_item_update,
    claim_comment,
    claim_create,
    claim_transition,
    claim_update,
    claims_assign,
    claims_reenrich,
    claims_transition,
    evidence_add,
    evidence_delete,
    similar_claim_decide,
)

from . import display
from .claim_page import claim_page_context
from .filters import (
    ArticleFilter,
    AssigneeFilter,
    CheckworthinessFilter,
    OpenRequiredFilter,
    StatusFilter,
    VerdictFilter,
    desk_users,
)
from .forms import (
    AssignForm,
    ChecklistItemForm,
    ClaimAddForm,
    ClaimChangeForm,
    DismissForm,
    EvidenceForm,
)

# Fields people edit on the claim page; the rest is the machine's work or the workflow's record.
EDIT_FIELDS = ["text", "claim_type", "claimant", "priority", "due_at", "assignee", "duplicate_of"]
VERDICT_FIELDS = ["verdict", "verdict_summary"]
MACHINE_FIELDS = [
    "worthiness_detail",
    "attribution",
    "sentence_index",
    "entities_list",
    "quantities_list",
    "dates_list",
]
RECORD_FIELDS = [
    "status_badge",
    "version",
    "reviewer",
    "published_at",
    "created_by",
    "created_at",
    "updated_at",
]
# Once published, these change only through a correction (claims.services._LOCKED_WHEN_PUBLISHED).
LOCKED_WHEN_PUBLISHED = ["text", "verdict", "verdict_summary", "claimant"]


def _published(claim: Claim | None) -> bool:
    return claim is not None and claim.status == ClaimStatus.PUBLISHED


class ChecklistItemInline(admin.TabularInline):
    """Tick a step, skip it with a note, or fail it. Steps come from the claim type's template."""

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
        return super().has_change_permission(request, obj) and not _published(obj)

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
            format_html('<div class="desk-result">{}</div>', item.result) if item.result else "",
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
        return super().has_add_permission(request, obj) and not _published(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _published(obj)

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


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = [
        "claim_text",
        "claimant_name",
        "type_label",
        "worthiness",
        "status_badge",
        "verdict_badge",
        "assignee_name",
        "checklist_progress",
        "article_title",
        "claim_date",
    ]
    list_display_links = ["claim_text"]
    list_filter = [
        StatusFilter,
        VerdictFilter,
        "claim_type",
        AssigneeFilter,
        CheckworthinessFilter,
        ArticleFilter,
        OpenRequiredFilter,
    ]
    search_fields = ["text", "claimant__name", "article__title"]
    search_help_text = "Search the claim's text, the claimant and the article's title."
    list_per_page = 50
    autocomplete_fields = ["article", "claimant", "duplicate_of"]
    inlines = [ChecklistItemInline, EvidenceInline]
    actions = [
        "assign_to_me",
        "assign_to_user",
        "triage",
        "dismiss",
        "rerun_enrichment",
        "export_csv",
        "export_claimreview",
    ]
    change_form_template = "admin/claims/claim/change_form.html"

    # --- Changelist -------------------------------------------------------------------------------
    def get_queryset(self, request):
        # Annotate before ordering: the default order uses the annotated date.
        queryset = claims_desk_annotate(self.model._default_manager.get_queryset())
        return queryset.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        # Most check-worthy first, then the newest: the article's date, else the day it was
        # entered (the `claim_date` column). Plain fields, so that related lookups can use it.
        return [
            "-checkworthiness",
            F("article__published_at").desc(nulls_last=True),
            "-created_at",
        ]

    @admin.display(description="claim", ordering="text")
    def claim_text(self, claim: Claim):
        return format_html(
            '<span title="{}">{}</span>', claim.text, Truncator(claim.text).chars(140)
        )

    @admin.display(description="claimant", ordering="claimant__name")
    def claimant_name(self, claim: Claim):
        return claim.claimant.name if claim.claimant else "—"

    @admin.display(description="type", ordering="claim_type")
    def type_label(self, claim: Claim):
        return claim.get_claim_type_display()

    @admin.display(description="worthiness", ordering="checkworthiness")
    def worthiness(self, claim: Claim):
        return display.score(claim.checkworthiness)

    @admin.display(description="status", ordering="status")
    def status_badge(self, claim: Claim):
        return display.status_badge(claim.status)

    @admin.display(description="verdict", ordering="verdict")
    def verdict_badge(self, claim: Claim):
        return display.verdict_badge(claim.verdict)

    @admin.display(description="assignee", ordering="assignee__username")
    def assignee_name(self, claim: Claim):
        return claim.assignee.get_username() if claim.assignee else "—"

    @admin.display(description="checklist", ordering="checklist_worked")
    def checklist_progress(self, claim: Claim):
        return display.progress(claim.checklist_worked, claim.checklist_total)

    @admin.display(description="article", ordering="article__title")
    def article_title(self, claim: Claim):
        if claim.article is None:
            return format_html('<span class="desk-muted">{}</span>', "entered by hand")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:claims_article_change", args=[claim.article_id]),
            Truncator(claim.article.title).chars(40),
        )

    @admin.display(description="date", ordering="claim_date")
    def claim_date(self, claim: Claim):
        return timezone.localtime(claim.claim_date).strftime("%-d %b %Y")

    # --- The claim page ---------------------------------------------------------------------------
    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ClaimChangeForm if obj is not None else ClaimAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ClaimAddForm.Meta.fields})]
        return [
            ("Claim", {"fields": EDIT_FIELDS}),
            ("Verdict", {"fields": VERDICT_FIELDS}),
            ("Enrichment", {"fields": MACHINE_FIELDS, "classes": ["desk-machine"]}),
            ("Record", {"fields": RECORD_FIELDS, "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        readonly = [*MACHINE_FIELDS, *RECORD_FIELDS]
        if obj.article_id is not None:
            readonly.append("text")  # its span in the article is fixed
        if obj.status in (ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED):
            # Four eyes: who researched the claim is settled once it is sent to review.
            readonly.append("assignee")
        if _published(obj):
            readonly += [f for f in LOCKED_WHEN_PUBLISHED if f not in readonly]
        return readonly

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = desk_users()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="check-worthiness")
    def worthiness_detail(self, claim: Claim):
        reasons = claim.checkworthiness_reasons or []
        return format_html(
            "{} {}",
            display.score(claim.checkworthiness),
            format_html_join(", ", '<span class="desk-muted">{}</span>', ((r,) for r in reasons)),
        )

    @admin.display(description="entities")
    def entities_list(self, claim: Claim):
        mentions = claim.mentions.select_related("entity").order_by("start")
        return (
            format_html_join(
                " ",
                '<span class="desk-chip desk-m-{}" title="{}">{} → {}</span>',
                (
                    (m.entity.kind, m.entity.get_kind_display(), m.text, m.entity.name)
                    for m in mentions
                ),
            )
            or "—"
        )

    @admin.display(description="quantities")
    def quantities_list(self, claim: Claim):
        return (
            format_html_join(
                " ",
                '<span class="desk-chip desk-m-quantity">{} = {} {} ({})</span>',
                (
                    (q.text, f"{q.value:,g}", q.unit, q.get_bound_display())
                    for q in claim.quantities.all()
                ),
            )
            or "—"
        )

    @admin.display(description="dates")
    def dates_list(self, claim: Claim):
        return (
            format_html_join(
                " ",
                '<span class="desk-chip desk-m-date">{} = {} ({})</span>',
                ((d.text, d.value, d.get_granularity_display()) for d in claim.dates.all()),
            )
            or "—"
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and change:
            context["desk"] = claim_page_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"show_save_and_add_another": False, **(extra_context or {})}
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceError as exc:
            # Raised inside the admin's transaction: nothing of this save was kept.
            self.message_user(request, f"Nothing was saved: {exc.message}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def response_add(self, request, obj, post_url_continue=None):
        """After adding, open the new claim's page (not the list): that is where work goes on."""
        response = super().response_add(request, obj, post_url_continue)
        if IS_POPUP_VAR in request.POST or "_addanother" in request.POST:
            return response
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[obj.pk]))

    def save_model(self, request, obj, form, change):
        if not change:
            created = claim_create(
                actor=request.user,
                **{f: form.cleaned_data.get(f) for f in ClaimAddForm.Meta.fields},
            )
            # The admin goes on with `obj` (history, redirect): make it the stored claim.
            obj.pk, obj.version = created.pk, created.version
            obj._state.adding, obj._state.db = False, created._state.db
            return
        data = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in CLAIM_EDITABLE_FIELDS
        }
        claim_update(
            claim=obj,
            actor=request.user,
            data=data,
            expected_version=form.cleaned_data.get("expected_version"),
        )
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if formset.model is ChecklistItem:
            for row in formset.forms:
                if not row.edited():
                    continue
                item = ChecklistItem.objects.select_related("claim").get(pk=row.instance.pk)
                updated = checklist_item_update(
                    item=item,
                    actor=request.user,
                    state=row.cleaned_data["state"],
                    note=row.cleaned_data.get("note") or "",
                )
                formset.changed_objects.append((updated, ["state", "note"]))
        elif formset.model is Evidence:
            for row in formset.deleted_forms:
                if row.instance.pk is not None:
                    evidence = Evidence.objects.select_related("claim").get(pk=row.instance.pk)
                    evidence_delete(evidence=evidence, actor=request.user)
                    formset.deleted_objects.append(evidence)
            for row in formset.extra_forms:
                if row.has_changed() and row not in formset.deleted_forms:
                    fields = {name: row.cleaned_data[name] for name in EvidenceForm.Meta.fields}
                    formset.new_objects.append(
                        evidence_add(claim=formset.instance, actor=request.user, **fields)
                    )
        else:  # pragma: no cover — every inline of this admin is handled above
            super().save_formset(request, form, formset, change)

    def response_change(self, request, obj):
        target = request.POST.get("_transition")
        comment = request.POST.get("transition_comment", "")
        if target:
            try:
                moved = claim_transition(
                    claim=obj,
                    to=target,
                    actor=request.user,
                    comment=comment,
                    expected_version=obj.version,
                )
            except ServiceError as exc:
                self.message_user(
                    request,
                    f"Your edits are saved, but the claim did not move: {exc.message}",
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request,
                    f"Saved. The claim is now {moved.get_status_display().lower()}.",
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(request.path)
        if "_comment" in request.POST:
            if comment.strip():
                claim_comment(claim=obj, actor=request.user, comment=comment)
                self.message_user(request, "Saved, with your comment.", messages.SUCCESS)
            else:
                self.message_user(request, "Write a comment first.", messages.WARNING)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    # --- Similar claims ---------------------------------------------------------------------------
    def get_urls(self):
        return [
            path(
                "<path:object_id>/similar/",
                self.admin_site.admin_view(self.similar_decide_view),
                name="claims_claim_similar_decide",
            ),
            *super().get_urls(),
        ]

    def similar_decide_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        claim = self.get_object(request, unquote(object_id))
        if claim is None:
            raise Http404
        if not request.user.has_perm("claims.change_similarclaim"):
            raise PermissionDenied
        pk, _, decision = request.POST.get("decision", "").partition(":")
        if not pk.isdigit():
            raise Http404
        similar = get_object_or_404(SimilarClaim, pk=int(pk), claim=claim)
        try:
            similar_claim_decide(similar=similar, actor=request.user, decision=decision)
        except ServiceError as exc:
            self.message_user(request, exc.message, messages.ERROR)
        else:
            said = (
                f"confirmed as a duplicate of claim #{similar.other_id}"
                if decision == SimilarityDecision.CONFIRMED
                else f"marked as not a duplicate of claim #{similar.other_id}"
            )
            self.message_user(request, f"This claim is {said}.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))

    # --- Bulk actions -----------------------------------------------------------------------------
    def has_triage_permission(self, request):
        return request.user.has_perm("claims.triage_claim")

    def has_dismiss_permission(self, request):
        return request.user.has_perm("claims.dismiss_claim")

    @admin.action(description="Assign to me", permissions=["change"])
    def assign_to_me(self, request, queryset):
        outcome = claims_assign(claims=queryset, assignee=request.user, actor=request.user)
        self._report(request, outcome, "assigned to you")

    @admin.action(description="Assign to…", permissions=["triage"])
    def assign_to_user(self, request, queryset):
        form = AssignForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            assignee = form.cleaned_data["assignee"]
            outcome = claims_assign(claims=queryset, assignee=assignee, actor=request.user)
            self._report(
                request,
                outcome,
                f"assigned to {assignee.get_username()}" if assignee else "unassigned",
            )
            return None
        return self._bulk_form(request, queryset, form, "assign_to_user", "Assign claims", "Assign")

    @admin.action(description="Triage", permissions=["triage"])
    def triage(self, request, queryset):
        outcome = claims_transition(claims=queryset, to=ClaimStatus.TRIAGED, actor=request.user)
        self._report(request, outcome, "triaged")

    @admin.action(description="Dismiss… (with a reason)", permissions=["dismiss"])
    def dismiss(self, request, queryset):
        form = DismissForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            outcome = claims_transition(
                claims=queryset,
                to=ClaimStatus.DISMISSED,
                actor=request.user,
                comment=form.cleaned_data["reason"],
            )
            self._report(request, outcome, "dismissed")
            return None
        return self._bulk_form(request, queryset, form, "dismiss", "Dismiss claims", "Dismiss")

    @admin.action(description="Re-run enrichment", permissions=["change"])
    def rerun_enrichment(self, request, queryset):
        count = claims_reenrich(claims=queryset)
        self.message_user(
            request,
            f"Enrichment queued again for {count} claim{'s' * (count != 1)}.",
            messages.SUCCESS,
        )

    @admin.action(description="Export as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="claims-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for claim in queryset:
            writer.writerow([_csv_cell(value) for value in _csv_row(request, claim)])
        return response

    @admin.action(description="Export as ClaimReview JSON", permissions=["view"])
    def export_claimreview(self, request, queryset):
        """The published claims of the selection as one schema.org DataFeed of ClaimReviews,
        built by the API's own builder (the same JSON-LD as /api/v1/claimreview/)."""
        published = list(claimreview_list().filter(pk__in=queryset.values("pk")))
        if not published:
            self.message_user(
                request,
                "None of the selected claims is published: ClaimReview is for published verdicts.",
                messages.WARNING,
            )
            return None
        feed = claimreview_feed(
            published,
            url_for=lambda claim: request.build_absolute_uri(
                reverse("api:claim-claimreview", args=[claim.pk])
            ),
            count=len(published),
            next_url=None,
            previous_url=None,
        )
        response = HttpResponse(
            json.dumps(feed, indent=2, ensure_ascii=False),
            content_type="application/ld+json; charset=utf-8",
        )
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="claimreview-{stamp}.json"'
        return response

    def _bulk_form(self, request, queryset, form, action, title, submit):
        """The intermediate page of an action that needs more than the selection."""
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "claims": queryset,
            "form": form,
            "action": action,
            "submit": submit,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/claims/claim/bulk_action.html", context)

    def _report(self, request, outcome, verb: str) -> None:
        if outcome.done:
            count = len(outcome.done)
            self.message_user(
                request, f"{count} claim{'s' * (count != 1)} {verb}.", messages.SUCCESS
            )
        for claim, reason in outcome.refused[:10]:
            self.message_user(
                request, f"“{Truncator(claim.text).chars(60)}”: {reason}", messages.WARNING
            )
        if len(outcome.refused) > 10:
            self.message_user(
                request, f"…and {len(outcome.refused) - 10} more not changed.", messages.WARNING
            )


CSV_COLUMNS = [
    "id",
    "status",
    "verdict",
    "verdict_summary",
    "claim_type",
    "checkworthiness",
    "text",
    "claimant",
    "attribution",
    "assignee",
    "reviewer",
    "checklist_worked",
    "checklist_total",
    "article_title",
    "article_url",
    "outlet",
    "date",
    "published_at",
    "admin_url",
]


def _csv_row(request, claim: Claim) -> list:
    article = claim.article
    return [
        claim.pk,
        claim.status,
        claim.verdict,
        claim.verdict_summary,
        claim.claim_type,
        f"{claim.checkworthiness:.2f}",
        claim.text,
        claim.claimant.name if claim.claimant else "",
        claim.attribution,
        claim.assignee.get_username() if claim.assignee else "",
        claim.reviewer.get_username() if claim.reviewer else "",
        claim.checklist_worked,
        claim.checklist_total,
        article.title if article else "",
        (article.url or "") if article else "",
        article.outlet.name if article and article.outlet else "",
        timezone.localtime(claim.claim_date).date().isoformat(),
        claim.published_at.isoformat() if claim.published_at else "",
        request.build_absolute_uri(reverse("admin:claims_claim_change", args=[claim.pk])),
    ]


def _csv_cell(value):
    """Text opening with = + - @ is a formula to a spreadsheet: quote it (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
