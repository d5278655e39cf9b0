"""Outlets, articles and the entities named in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
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
    language = models.CharField(
        max_length=16,
        default="en",
        help_text="The language the pipeline reads the article in: the one detected in its body "
        "once extraction ran, else the one it was declared in.",
    )
    detected_language = models.CharField(
        max_length=16,
        blank=True,
        help_text="ISO 639-1 code detected in the body by the extract stage; empty before it ran "
        "or when the text was too short to tell.",
    )
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
