"""Other desks' fact-checks, imported from their ClaimReview, and the claims they match."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .claims import Claim


class ExternalFactCheck(models.Model):
    """A fact-check published by another desk, imported from its schema.org ClaimReview
    (`claims.parsing.claimreview`). One row per ClaimReview `url`: importing the same review again
    updates it. `document` keeps the ClaimReview as received."""

    url = models.URLField("ClaimReview url", max_length=2000, unique=True)
    claim_reviewed = models.TextField()
    claimant = models.CharField(max_length=300, blank=True)
    rating = models.CharField(
        max_length=300, help_text="The rating as the desk words it (alternateName)."
    )
    rating_value = models.FloatField(null=True, blank=True)
    best_rating = models.FloatField(null=True, blank=True)
    worst_rating = models.FloatField(null=True, blank=True)
    author_name = models.CharField("desk", max_length=300)
    author_url = models.URLField("desk's site", max_length=2000, blank=True)
    date_published = models.DateField(null=True, blank=True)
    document = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date_published", "-id"]
        verbose_name = "external fact-check"
        indexes = [models.Index(fields=["-date_published", "-id"], name="extfc_date_idx")]
        # claims_externalfactcheck.claim_reviewed also has a trigram GIN index on PostgreSQL
        # (migration 0011), for the candidate query of matching.

    def __str__(self) -> str:
        return f"{self.author_name}: {self.rating}"


class ExternalMatch(models.Model):
    """An external fact-check that says much the same as `claim`, found during enrichment
    (`workers/matching.py`) at or above FACTCHECK_EXTERNAL_MATCH. Replaced on re-enrichment."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="external_matches")
    external = models.ForeignKey(
        ExternalFactCheck, on_delete=models.CASCADE, related_name="matches"
    )
    score = models.FloatField()

    class Meta:
        ordering = ["claim", "-score", "id"]
        verbose_name_plural = "external matches"
        constraints = [
            models.UniqueConstraint(fields=["claim", "external"], name="externalmatch_unique"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="externalmatch_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} ~ {self.external_id} ({self.score:.2f})"
