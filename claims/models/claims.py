"""Claims, their workflow fields and their editor-facing history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from claims.text import ellipsize

from .articles import Article, Entity, TimeStamped


class ClaimType(models.TextChoices):
    STATISTIC = "statistic", "Statistic"
    SUPERLATIVE = "superlative", "Superlative"
    COMPARISON = "comparison", "Comparison"
    QUOTE = "quote", "Quote"
    EVENT = "event", "Event"
    POLICY = "policy", "Policy"
    PREDICTION = "prediction", "Prediction"
    CAUSAL = "causal", "Causal"
    OTHER = "other", "Other"


class Attribution(models.TextChoices):
    DIRECT_QUOTE = "direct_quote", "Direct quote"
    REPORTED_SPEECH = "reported_speech", "Reported speech"
    ACCORDING_TO = "according_to", "According to"
    AUTHOR = "author", "The outlet's own statement"


class ClaimStatus(models.TextChoices):
    NEW = "new", "New"
    TRIAGED = "triaged", "Triaged"
    RESEARCHING = "researching", "Researching"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    DISMISSED = "dismissed", "Dismissed"


class Verdict(models.TextChoices):
    """Our rating scale, best first (ClaimReview ratingValue counts down from 7 to 1)."""

    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly_true", "Mostly true"
    HALF_TRUE = "half_true", "Half true"
    MISLEADING = "misleading", "Misleading"
    MOSTLY_FALSE = "mostly_false", "Mostly false"
    FALSE = "false", "False"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


class Priority(models.IntegerChoices):
    LOW = 1, "Low"
    NORMAL = 2, "Normal"
    HIGH = 3, "High"
    URGENT = 4, "Urgent"


# A claim as a title (the claim page's heading, breadcrumbs, history, messages).
TITLE_MAX = 80


class Claim(TimeStamped):
    """A check-worthy statement: who claims what, where in the article, and where its check stands.

    `start`/`end` are character offsets into `article.body` (null for claims entered by hand).
    `version` increases on every write; it is the ETag and the compare-and-swap token that keeps a
    second editor from silently overwriting the first. Status changes only through
    `claims.services.claim_transition()`. `summary` and `review_url` are what the published
    ClaimReview shows as the claim and as its address (`claims.claimreview`).
    """

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    text = models.TextField()
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    sentence_index = models.PositiveIntegerField(null=True, blank=True)
    claim_type = models.CharField(max_length=16, choices=ClaimType.choices, default=ClaimType.OTHER)
    checkworthiness = models.FloatField(default=0.0)
    checkworthiness_reasons = models.JSONField(default=list, blank=True)
    claimant = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    attribution = models.CharField(
        max_length=16, choices=Attribution.choices, default=Attribution.AUTHOR
    )
    status = models.CharField(max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.NEW)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    verdict_summary = models.TextField(blank=True)
    summary = models.CharField(
        "short claim summary",
        max_length=500,
        blank=True,
        help_text="What the published ClaimReview names as the claim reviewed (claimReviewed). "
        "Empty: the claim's whole sentence.",
    )
    review_url = models.URLField(
        "published at URL",
        max_length=2000,
        blank=True,
        help_text="Where the fact-check is published (ClaimReview's url).",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_claims",
    )
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    due_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims_created",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-checkworthiness", "-created_at", "-id"]
        permissions = [
            ("triage_claim", "Can triage and prioritise claims"),
            ("research_claim", "Can start research on a claim and send it to review"),
            ("dismiss_claim", "Can dismiss and reopen claims"),
            ("publish_claim", "Can publish, send back and correct verdicts"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start", "end"],
                condition=Q(article__isnull=False),
                name="claim_article_span_unique",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__isnull=False, start__lt=F("end")),
                name="claim_span_ordered",
            ),
            models.CheckConstraint(
                condition=Q(article__isnull=True) | Q(start__isnull=False),
                name="claim_article_has_span",
            ),
            models.CheckConstraint(
                condition=Q(checkworthiness__gte=0) & Q(checkworthiness__lte=1),
                name="claim_checkworthiness_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ClaimStatus.values), name="claim_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(verdict="") | Q(verdict__in=Verdict.values), name="claim_verdict_valid"
            ),
            models.CheckConstraint(
                condition=Q(claim_type__in=ClaimType.values), name="claim_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(attribution__in=Attribution.values), name="claim_attribution_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=ClaimStatus.PUBLISHED) | ~Q(verdict=""),
                name="claim_published_has_verdict",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | ~Q(duplicate_of=F("id")),
                name="claim_not_duplicate_of_itself",
            ),
        ]
        # Every index is written with every claim the pipeline stores and every update that does
        # not stay on its page (the part counts of migration 0015 update each new claim about
        # three times), so there is none a query does not use: status and checkworthiness are
        # the leading columns of the two below, and no query matches a status, type or verdict
        # with LIKE (Django's `db_index` on a CharField adds a second, pattern-ops index for it).
        indexes = [
            models.Index(fields=["claim_type"], name="claim_type_idx"),
            models.Index(fields=["verdict"], name="claim_verdict_idx"),
            # The editors' default queue: open claims, most check-worthy first.
            models.Index(fields=["status", "-checkworthiness"], name="claim_status_score_idx"),
            models.Index(fields=["priority", "due_at"], name="claim_priority_due_idx"),
            # The default order (Meta.ordering): lists and cursor pages walk it, sorting nothing.
            models.Index(
                fields=["-checkworthiness", "-created_at", "-id"], name="claim_default_order_idx"
            ),
        ]

    def __str__(self) -> str:
        return ellipsize(self.text, TITLE_MAX)


class EventKind(models.TextChoices):
    TRANSITION = "transition", "Transition"
    ASSIGNMENT = "assignment", "Assignment"
    VERDICT = "verdict", "Verdict"
    COMMENT = "comment", "Comment"
    ENRICHMENT = "enrichment", "Enrichment"


class ClaimEvent(models.Model):
    """The editor-facing history of a claim: moves, assignments, verdicts, comments, machine work.

    `actor` is null for work done by a worker; `actor_label` then says which ("worker")."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150, blank=True)
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    from_value = models.CharField(max_length=200, blank=True)
    to_value = models.CharField(max_length=200, blank=True)
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "at", "id"]
        indexes = [models.Index(fields=["claim", "at"], name="claimevent_claim_at_idx")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.from_value} → {self.to_value}"
