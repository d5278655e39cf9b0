"""Verification: checklist templates, a claim's checklist, its evidence."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .claims import Claim, ClaimType


class ChecklistTemplate(models.Model):
    """The verification checklist used for one claim type; editors edit it in the admin."""

    claim_type = models.CharField(max_length=16, choices=ClaimType.choices, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["claim_type"]

    def __str__(self) -> str:
        return self.name


class ChecklistTemplateItem(models.Model):
    """One step of a template. `check_key` names an automated check the worker runs; blank means a
    fact-checker does it by hand."""

    template = models.ForeignKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    required = models.BooleanField(default=True)
    check_key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["template", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "title"], name="checklisttemplateitem_title_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ChecklistState(models.TextChoices):
    """Where a step stands. An automated check ends done (it passed), failed, or not applicable
    (nothing to check: no figure, no other article reporting it); a person ticks a step done,
    skips it with a note saying why, or fails it. Only an automated step is ever not applicable
    (a person skips a step instead, and says why)."""

    OPEN = "open", "Open"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"
    FAILED = "failed", "Failed"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class ChecklistItem(models.Model):
    """One step of one claim's checklist, copied from its template item when the checklist is
    built so that later template edits do not rewrite work in progress."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="checklist")
    template_item = models.ForeignKey(
        ChecklistTemplateItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    required = models.BooleanField(default=True)
    automated = models.BooleanField(default=False)
    check_key = models.CharField(max_length=64, blank=True)
    state = models.CharField(
        max_length=16, choices=ChecklistState.choices, default=ChecklistState.OPEN
    )
    result = models.TextField(
        blank=True, help_text="What the automated check found, or why it did not apply."
    )
    note = models.TextField(blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "title"], name="checklistitem_claim_title_unique"
            ),
            models.CheckConstraint(
                condition=Q(state__in=ChecklistState.values), name="checklistitem_state_valid"
            ),
        ]
        indexes = [models.Index(fields=["claim", "required", "state"], name="checklist_open_idx")]

    def __str__(self) -> str:
        return self.title


class Stance(models.TextChoices):
    SUPPORTS = "supports", "Supports the claim"
    REFUTES = "refutes", "Refutes the claim"
    CONTEXT = "context", "Context"


class Evidence(models.Model):
    """A source gathered while checking a claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    excerpt = models.TextField(blank=True)
    stance = models.CharField(max_length=8, choices=Stance.choices, default=Stance.CONTEXT)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "added_at", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=Q(stance__in=Stance.values), name="evidence_stance_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url
