"""The review desk: the claims list and the claim page with its workflow buttons (the bulk actions
are `claim_actions`, the inlines `claim_inlines`, the list's columns and the machine's readings
`claim_columns`).

Every write goes through claims.services: the form's fields through `claim_update()` (with the
version the editor loaded), checklist rows through `checklist_item_update()`, evidence through
`evidence_add()` / `evidence_delete()`, moves through `claim_transition()`. What the claim's
status locks is asked of `claims.workflow`; a service's refusal is shown on the page, with what
the editor entered kept (`ServiceRefusals`).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from claims import workflow
from claims.exceptions import ServiceError
from claims.models import ChecklistItem, Claim, Evidence, SimilarClaim, SimilarityDecision
from claims.selectors import (
    claim_page_prefetch,
    claims_desk_annotate,
    claims_search,
    users_assignable,
)
from claims.services import (
    CLAIM_EDITABLE_FIELDS,
    checklist_item_update,
    claim_comment,
    claim_create,
    claim_transition,
    claim_update,
    evidence_add,
    evidence_delete,
    similar_claim_decide,
)

from .claim_actions import ACTIONS, ClaimActions
from .claim_columns import ClaimColumns, MachineReadings
from .claim_inlines import ChecklistItemInline, EvidenceInline
from .claim_page import claim_page_context
from .filters import (
    ArticleFilter,
    AssigneeFilter,
    CheckworthinessFilter,
    OpenRequiredFilter,
    StatusFilter,
    VerdictFilter,
)
from .forms import AssigneeField, ClaimAddForm, ClaimChangeForm, EvidenceForm
from .paginator import EstimatedCountPaginator
from .refusals import ServiceRefusals

# Fields people edit on the claim page; the rest is the machine's work or the workflow's record.
EDIT_FIELDS = ["text", "claim_type", "claimant", "priority", "due_at", "assignee", "duplicate_of"]
VERDICT_FIELDS = ["verdict", "verdict_summary"]
# What the published ClaimReview shows besides the verdict (`claims.claimreview`).
PUBLICATION_FIELDS = ["summary", "review_url"]
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


@admin.register(Claim)
class ClaimAdmin(ServiceRefusals, ClaimActions, ClaimColumns, MachineReadings, SimpleHistoryAdmin):
    list_display = [
        "claim_text",
        "claimant_name",
        "type_label",
        "worthiness",
        "status_and_verdict",
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
    search_fields = ["text"]  # the box is shown; `get_search_results` does the searching
    search_help_text = (
        "Words in any order in the claim's text, the claimant or the article's title; "
        '"a phrase", prefix*, -excluded.'
    )
    list_per_page = 50
    # No COUNT(*) of every claim on each page; the paginator estimates an unfiltered total.
    show_full_result_count = False
    autocomplete_fields = ["article", "claimant", "duplicate_of"]
    inlines = [ChecklistItemInline, EvidenceInline]
    actions = ACTIONS
    change_form_template = "admin/claims/claim/change_form.html"

    # --- Changelist -------------------------------------------------------------------------------
    def get_queryset(self, request):
        # Annotate before ordering: the default order uses the annotated date.
        queryset = claims_desk_annotate(self.model._default_manager.get_queryset())
        return queryset.order_by(*self.get_ordering(request))

    def get_search_results(self, request, queryset, search_term):
        # The claim search of the API too (full-text on PostgreSQL), cut to its bounds here
        # rather than refused; it joins nothing that could repeat a row.
        return claims_search(queryset, search_term, strict=False), False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return EstimatedCountPaginator(queryset, per_page, orphans, allow_empty_first_page)

    def get_ordering(self, request):
        # Most check-worthy first, then the newest: the claims' default order, which an index
        # serves (a page is read off it, not sorted from every claim).
        return ["-checkworthiness", "-created_at", "-id"]

    # --- The claim page ---------------------------------------------------------------------------
    def get_object(self, request, object_id, from_field=None):
        claim = super().get_object(request, object_id, from_field)
        if claim is not None:
            claim_page_prefetch(claim)
        return claim

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ClaimChangeForm if obj is not None else ClaimAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ClaimAddForm.Meta.fields})]
        return [
            ("Claim", {"fields": EDIT_FIELDS}),
            ("Verdict", {"fields": VERDICT_FIELDS}),
            (
                "Publication",
                {
                    "fields": PUBLICATION_FIELDS,
                    "description": "What the published ClaimReview shows as the claim, and "
                    "where the fact-check is published.",
                },
            ),
            ("Enrichment", {"fields": MACHINE_FIELDS, "classes": ["desk-machine"]}),
            ("Record", {"fields": RECORD_FIELDS, "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        readonly = [*MACHINE_FIELDS, *RECORD_FIELDS]
        if obj.article_id is not None:
            readonly.append("text")  # its span in the article is fixed
        readonly += [f for f in sorted(workflow.locked_fields(obj.status)) if f not in readonly]
        return readonly

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = users_assignable()
            kwargs["form_class"] = AssigneeField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and change:
            context["desk"] = claim_page_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"show_save_and_add_another": False, **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

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
        # `obj` comes back as written (its version included, for the move that may follow).
        claim_update(
            claim=obj,
            actor=request.user,
            data=data,
            expected_version=form.cleaned_data.get("expected_version"),
        )

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
