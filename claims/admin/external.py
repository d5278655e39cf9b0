"""Other desks' fact-checks in the admin: the list, and importing a ClaimReview file (the
changelist's "Import ClaimReview" button)."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from claims import services
from claims.models import ExternalFactCheck
from claims.parsing.claimreview import ClaimReviewError, read_claimreviews

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ClaimReviewUploadForm(forms.Form):
    file = forms.FileField(
        help_text="ClaimReview JSON-LD: one document, a list, or a DataFeed (such as another "
        "factcheck's /api/v1/claimreview/)."
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_UPLOAD_BYTES:,} bytes.")
        try:
            document = json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise forms.ValidationError(f"Not UTF-8 JSON: {exc}") from exc
        try:
            return read_claimreviews(document)
        except ClaimReviewError as exc:
            raise forms.ValidationError(
                [f"{where}: {message}" for where, message in exc.problems[:20]]
                + ["Nothing was imported."]
            ) from exc


@admin.register(ExternalFactCheck)
class ExternalFactCheckAdmin(admin.ModelAdmin):
    list_display = ["claim_reviewed", "rating", "author_name", "date_published", "url"]
    list_filter = ["author_name"]
    search_fields = ["claim_reviewed", "author_name", "url"]
    readonly_fields = [f.name for f in ExternalFactCheck._meta.fields]
    change_list_template = "admin/claims/externalfactcheck/change_list.html"

    def has_add_permission(self, request) -> bool:
        return False  # imported, never typed in

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [
            path("import/", view, name="claims_externalfactcheck_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not request.user.has_perm("claims.add_externalfactcheck"):
            raise PermissionDenied
        form = ClaimReviewUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            result = services.external_factchecks_import(reviews=form.cleaned_data["file"])
            messages.success(request, f"ClaimReview imported: {result}.")
            return redirect(reverse("admin:claims_externalfactcheck_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": "Import ClaimReview",
        }
        return TemplateResponse(request, "admin/claims/externalfactcheck/import.html", context)
