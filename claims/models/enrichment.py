"""What the enrichment worker finds in a claim: mentions, quantities, dates, similar claims."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from .articles import Entity
from .claims import Claim


class Mention(models.Model):
    """Where an entity is named in a claim (span into the article body, or into the claim text
    for claims entered by hand)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="mentions")
    text = models.CharField(max_length=300)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["claim", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "entity", "start"], name="mention_claim_entity_start_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} → {self.entity}"


class Bound(models.TextChoices):
    EXACT = "exact", "Exact"
    LOWER = "lower", "Lower bound (more than, at least)"
    UPPER = "upper", "Upper bound (up to, fewer than)"
    APPROX = "approx", "Approximate (nearly, about)"


class Quantity(models.Model):
    """A figure in a claim: "more than 450,000" is 450000 people, a lower bound."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="quantities")
    text = models.CharField(max_length=300)
    value = models.FloatField()
    unit = models.CharField(max_length=64, blank=True)
    bound = models.CharField(max_length=8, choices=Bound.choices, default=Bound.EXACT)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["claim", "start"]
        verbose_name_plural = "quantities"
        constraints = [
            models.UniqueConstraint(fields=["claim", "start"], name="quantity_claim_start_unique"),
        ]
        # the checks' "figure corroborated" read: other claims reporting a figure (same unit,
        # within 1%), one range of this index per figure
        indexes = [models.Index(fields=["unit", "value"], name="quantity_unit_value_idx")]

    def __str__(self) -> str:
        return self.text


class Granularity(models.TextChoices):
    DAY = "day", "Day"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class DateMention(models.Model):
    """A date phrase in a claim, resolved against the article's published date.

    `value` is ISO: YYYY-MM-DD (day, and a week's Monday), YYYY-MM (month) or YYYY (year)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="dates")
    text = models.CharField(max_length=200)
    value = models.CharField(max_length=10)
    granularity = models.CharField(max_length=8, choices=Granularity.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["claim", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "start"], name="datemention_claim_start_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} = {self.value}"


class SimilarityDecision(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed duplicate"
    REJECTED = "rejected", "Not a duplicate"


class SimilarClaim(models.Model):
    """A claim already tracked that says much the same as `claim`, found by the enrichment worker
    (trigram similarity re-ranked with rapidfuzz). An editor confirms or rejects the suggestion;
    a decision is never overwritten by re-processing."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="similar")
    other = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    decision = models.CharField(
        max_length=16, choices=SimilarityDecision.choices, default=SimilarityDecision.SUGGESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["claim", "-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "other"], name="similarclaim_pair_unique"),
            models.CheckConstraint(condition=~Q(claim=F("other")), name="similarclaim_not_itself"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="similarclaim_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} ~ {self.other_id} ({self.score:.2f})"
