"""The claims changelist's bulk actions: assignment, triage, dismissal, re-enrichment, and the CSV
and ClaimReview exports. Each goes through the services (and the domain's ClaimReview builder)."""

from __future__ import annotations

import csv

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from claims.claimreview import claimreview_feed, jsonld_dumps
from claims.models import ClaimStatus
from claims.selectors import DeskClaim, claimreview_list
from claims.services import claims_assign, claims_reenrich, claims_transition
from claims.text import ellipsize

from .forms import AssignForm, DismissForm

ACTIONS = [
    "assign_to_me",
    "assign_to_user",
    "triage",
    "dismiss",
    "rerun_enrichment",
    "export_csv",
    "export_claimreview",
]


class ClaimActions(admin.ModelAdmin):
    """ClaimAdmin's base: the actions in ACTIONS."""

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
        built by the domain's one builder (the same JSON-LD as /api/v1/claimreview/)."""
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
            absolute_uri=request.build_absolute_uri,
            count=len(published),
            next_url=None,
            previous_url=None,
        )
        response = HttpResponse(
            jsonld_dumps(feed, indent=2),
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
            self.message_user(request, f"“{ellipsize(claim.text, 60)}”: {reason}", messages.WARNING)
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


def _csv_row(request, claim: DeskClaim) -> list:
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
