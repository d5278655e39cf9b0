"""What the review desk shows of a claim beyond its form: the claims list's columns
(`ClaimColumns`) and, on the claim page, the machine's reading of it (`MachineReadings`: the
check-worthiness with its reasons, the entities, quantities and dates found in it)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from claims.models import Claim
from claims.selectors import DeskClaim
from claims.text import ellipsize

from . import display


class ClaimColumns:
    """The claims list's columns (`ClaimAdmin.list_display`)."""

    @admin.display(description="claim", ordering="text")
    def claim_text(self, claim: Claim):
        return format_html('<span title="{}">{}</span>', claim.text, ellipsize(claim.text, 120))

    @admin.display(description="claimant", ordering="claimant__name")
    def claimant_name(self, claim: Claim):
        return claim.claimant.name if claim.claimant else "—"

    @admin.display(description="type", ordering="claim_type")
    def type_label(self, claim: Claim):
        return claim.get_claim_type_display()

    @admin.display(description="score", ordering="checkworthiness")
    def worthiness(self, claim: Claim):
        return display.score(claim.checkworthiness)

    @admin.display(description="status", ordering="status")
    def status_badge(self, claim: Claim):
        return display.status_badge(claim.status)

    @admin.display(description="status · verdict", ordering="status")
    def status_and_verdict(self, claim: Claim):
        """Where the claim stands, and its verdict under it once there is one (one column, so
        that the list fits a 1280 px window; the verdict filter is on the right)."""
        if not claim.verdict:
            return display.status_badge(claim.status)
        return format_html(
            '{}<div class="desk-under">{}</div>',
            display.status_badge(claim.status),
            display.verdict_badge(claim.verdict),
        )

    @admin.display(description="assignee", ordering="assignee__username")
    def assignee_name(self, claim: Claim):
        return claim.assignee.get_username() if claim.assignee else "—"

    @admin.display(description="checklist", ordering="checklist_worked")
    def checklist_progress(self, claim: DeskClaim):
        return display.progress(claim.checklist_worked, claim.checklist_total)

    @admin.display(description="article", ordering="article__title")
    def article_title(self, claim: Claim):
        if claim.article is None:
            return format_html('<span class="desk-muted">{}</span>', "entered by hand")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:claims_article_change", args=[claim.article_id]),
            ellipsize(claim.article.title, 40),
        )

    @admin.display(description="date", ordering="claim_date")
    def claim_date(self, claim: DeskClaim):
        return timezone.localtime(claim.claim_date).strftime("%-d %b %Y")


class MachineReadings:
    """The claim page's read-only fields that show what the machine read in the claim."""

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
        mentions = claim.mentions.all()  # prefetched with their entities (get_object)
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
