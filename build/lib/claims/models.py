"""The domain model of DESIGN.md §3: articles, the claims in them, enrichment, checklists, evidence,
the editor-facing event log and the job outbox.

Writes that span rows or change a claim's status go through `claims.services`; reads with joins
through `claims.selectors`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Outlet(models.Model):
    """A publisher whose articles are ingested (Radio Habana Cuba, Reuters …)."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PipelineStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Article(TimeStamped):
    """One news article as ingested: its metadata, its normalised prose and its pipeline status.

    `body` holds article prose only (no headline, caption, credit, source or URL lines); claim spans
    are character offsets into it. `raw_text` keeps the input exactly as received so that nothing is
    lost and the article can be re-parsed when the parser improves.
    """

    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    # NULL, not "", when absent: the unique constraint applies only to articles that have a URL.
    url = models.URLField(max_length=2000, null=True, blank=True)  # noqa: DJ001
    title = models.CharField(max_length=500)
    standfirst = models.TextField(blank=True)
    byline = models.CharField(max_length=300, blank=True)
    dateline_place = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(db_index=True)
    language = models.CharField(max_length=16, default="en")
    body = models.TextField()
    raw_text = models.TextField(blank=True, help_text="The input exactly as received.")
    photo_caption = models.TextField(blank=True)
    photo_credit = models.CharField(max_length=300, blank=True)
    source_note = models.CharField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    pipeline_status = models.CharField(
        max_length=16, choices=PipelineStatus.choices, default=PipelineStatus.QUEUED, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_created",
    )

    history = HistoricalRecords(excluded_fields=["raw_text", "body"])

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=Q(url__isnull=False), name="article_url_unique"
            ),
            models.CheckConstraint(
                condition=Q(pipeline_status__in=PipelineStatus.values),
                name="article_pipeline_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EntityKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    PLACE = "place", "Place"
    GROUP = "group", "Group"


class Entity(models.Model):
    """A real-world person, organisation, place or group; one row per real entity.

    `aliases` lists the other names it appears under ("Trump", "President Trump").
    """

    kind = models.CharField(max_length=16, choices=EntityKind.choices)
    name = models.CharField("canonical name", max_length=300)
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="entity_kind_name_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=EntityKind.values), name="entity_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["name"], name="entity_name_idx")]

    def __str__(self) -> str:
        return self.name


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


class Claim(TimeStamped):
    """A check-worthy statement: who claims what, where in the article, and where its check stands.

    `start`/`end` are character offsets into `article.body` (null for claims entered by hand).
    `version` increases on every write; it is the ETag and the compare-and-swap token that keeps a
    second editor from silently overwriting the first. Status changes only through
    `claims.services.claim_transition()`.
    """

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    text = models.TextField()
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    sentence_index = models.PositiveIntegerField(null=True, blank=True)
    claim_type = models.CharField(
        max_length=16, choices=ClaimType.choices, default=ClaimType.OTHER, db_index=True
    )
    checkworthiness = models.FloatField(default=0.0, db_index=True)
    checkworthiness_reasons = models.JSONField(default=list, blank=True)
    claimant = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    attribution = models.CharField(
        max_length=16, choices=Attribution.choices, default=Attribution.AUTHOR
    )
    status = models.CharField(
        max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.NEW, db_index=True
    )
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True, db_index=True)
    verdict_summary = models.TextField(blank=True)
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
        indexes = [
            # The editors' default queue: open claims, most check-worthy first.
            models.Index(fields=["status", "-checkworthiness"], name="claim_status_score_idx"),
            models.Index(fields=["priority", "due_at"], name="claim_priority_due_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


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
    OPEN = "open", "Open"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"
    FAILED = "failed", "Failed"


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
        max_length=8, choices=ChecklistState.choices, default=ChecklistState.OPEN
    )
    result = models.TextField(blank=True, help_text="What the automated check found.")
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


class JobStage(models.TextChoices):
    EXTRACT = "extract", "Extract claims"
    ENRICH = "enrich", "Enrich claim"
    CHECKLIST = "checklist", "Build checklist"


class JobState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Job(models.Model):
    """One pipeline stage for one article or claim: the outbox and the ops view.

    A queued row is the promise that the work will happen: if publishing to the broker fails, the
    row stays queued and the sweeper publishes it again. Workers move it queued → running → done
    with compare-and-swap updates, so a redelivered message does not run the work twice at once.
    """

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    stage = models.CharField(max_length=16, choices=JobStage.choices)
    state = models.CharField(
        max_length=8, choices=JobState.choices, default=JobState.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    task_id = models.CharField(max_length=255, blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-queued_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, claim__isnull=True)
                | Q(article__isnull=True, claim__isnull=False),
                name="job_one_target",
            ),
            models.UniqueConstraint(
                fields=["article", "stage"],
                condition=Q(article__isnull=False),
                name="job_article_stage_unique",
            ),
            models.UniqueConstraint(
                fields=["claim", "stage"],
                condition=Q(claim__isnull=False),
                name="job_claim_stage_unique",
            ),
            models.CheckConstraint(condition=Q(state__in=JobState.values), name="job_state_valid"),
            models.CheckConstraint(condition=Q(stage__in=JobStage.values), name="job_stage_valid"),
        ]
        indexes = [models.Index(fields=["state", "queued_at"], name="job_state_queued_idx")]

    def __str__(self) -> str:
        target = f"article {self.article_id}" if self.article_id else f"claim {self.claim_id}"
        return f"{self.stage} {target}: {self.state}"


class IdempotencyKey(models.Model):
    """The first answer to an API create sent with an `Idempotency-Key` header, so that a client
    retrying after a lost response gets that answer again instead of creating a duplicate.

    One row per (user, key). `fingerprint` hashes the method, path and body: the same key with
    another request is refused (422). A row without `response_status` is a request still running.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idempotency_keys"
    )
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotencykey_user_key_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"
