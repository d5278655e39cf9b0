"""Output serializers: explicit fields describing what the API shows (docs/architecture.md, "The
API contract"). They read rows loaded by `claims.selectors` (or the row a write just wrote) and
never query on their own. Input is validated by `claims.api.inputs`.
"""

from __future__ import annotations

import math

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import (
    Article,
    ChecklistItem,
    Claim,
    ClaimEvent,
    ClaimStatus,
    DateMention,
    Entity,
    Evidence,
    Job,
    Mention,
    Outlet,
    Priority,
    Quantity,
    SimilarClaim,
    Verdict,
)
from claims.workflow import public_verdict

from .serializers_external import ExternalMatchSerializer


class UsernameOf(serializers.SlugRelatedField):
    """A user, shown by username."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="username", **kwargs)


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice stored as "" when unset, shown as null."""

    def to_representation(self, value):
        return value or None


class BlankAsNullCharField(serializers.CharField):
    """A text stored as "" when unset, shown as null."""

    def to_representation(self, value):
        return value or None


class FiniteFloatField(serializers.FloatField):
    """A stored float, shown as null when it is not finite: strict JSON has no inf or NaN, and one
    such value in a row must never turn a list into a 500 for everyone."""

    def to_representation(self, value):
        number = float(value)
        return number if math.isfinite(number) else None


# --- Output: claims -------------------------------------------------------------------------------
class ClaimantSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "name", "kind"]


class MentionSerializer(serializers.ModelSerializer):
    entity = serializers.IntegerField(source="entity_id", read_only=True)
    kind = serializers.CharField(source="entity.kind", read_only=True)
    canonical = serializers.CharField(source="entity.name", read_only=True)

    class Meta:
        model = Mention
        fields = ["text", "kind", "canonical", "entity", "start", "end"]


class QuantitySerializer(serializers.ModelSerializer):
    value = FiniteFloatField(read_only=True, allow_null=True)

    class Meta:
        model = Quantity
        fields = ["text", "value", "unit", "bound", "start", "end"]


class DateMentionSerializer(serializers.ModelSerializer):
    value = serializers.CharField(
        read_only=True, help_text="ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY, by granularity."
    )

    class Meta:
        model = DateMention
        fields = ["text", "value", "granularity", "start", "end"]


class ChecklistItemSerializer(serializers.ModelSerializer):
    done_by = UsernameOf(read_only=True, allow_null=True)

    class Meta:
        model = ChecklistItem
        fields = [
            "id",
            "title",
            "guidance",
            "required",
            "automated",
            "state",
            "result",
            "note",
            "done_by",
            "done_at",
        ]


class EvidenceSerializer(serializers.ModelSerializer):
    added_by = UsernameOf(read_only=True, allow_null=True)

    class Meta:
        model = Evidence
        fields = ["id", "url", "title", "publisher", "excerpt", "stance", "added_by", "added_at"]


class SimilarSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="other_id", read_only=True, help_text="The other claim.")
    text = serializers.CharField(source="other.text", read_only=True)
    status = serializers.ChoiceField(
        source="other.status",
        choices=ClaimStatus.choices,
        read_only=True,
        help_text="Where the other claim's check stands.",
    )
    published_verdict = serializers.SerializerMethodField(
        help_text="The other claim's verdict once published; null before."
    )

    class Meta:
        model = SimilarClaim
        fields = ["id", "text", "score", "decision", "status", "published_verdict"]

    @extend_schema_field({"type": "string", "enum": Verdict.values, "nullable": True})
    def get_published_verdict(self, similar: SimilarClaim) -> str | None:
        return public_verdict(similar.other)


class ClaimSerializer(serializers.ModelSerializer):
    """A claim as the API contract describes it. Offsets are character offsets into the article
    body; `version` is also the ETag."""

    article = serializers.IntegerField(source="article_id", read_only=True, allow_null=True)
    claimant = ClaimantSerializer(read_only=True, allow_null=True)
    verdict = BlankAsNullChoiceField(choices=Verdict.choices, read_only=True, allow_null=True)
    assignee = UsernameOf(read_only=True, allow_null=True)
    reviewer = UsernameOf(read_only=True, allow_null=True)
    priority = serializers.ChoiceField(choices=Priority.choices, read_only=True)
    duplicate_of = serializers.IntegerField(
        source="duplicate_of_id", read_only=True, allow_null=True
    )
    entities = MentionSerializer(source="mentions", many=True, read_only=True)
    quantities = QuantitySerializer(many=True, read_only=True)
    dates = DateMentionSerializer(many=True, read_only=True)
    checklist = ChecklistItemSerializer(many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    similar = SimilarSerializer(many=True, read_only=True)
    already_checked = ExternalMatchSerializer(
        source="external_matches",
        many=True,
        read_only=True,
        help_text="Other desks' published fact-checks of the same claim, best match first.",
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "text",
            "start",
            "end",
            "sentence_index",
            "claim_type",
            "checkworthiness",
            "claimant",
            "attribution",
            "status",
            "verdict",
            "verdict_summary",
            "summary",
            "review_url",
            "assignee",
            "reviewer",
            "priority",
            "due_at",
            "published_at",
            "duplicate_of",
            "entities",
            "quantities",
            "dates",
            "checklist",
            "evidence",
            "similar",
            "already_checked",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ClaimSummarySerializer(serializers.ModelSerializer):
    """A claim as listed inside its article."""

    claimant = ClaimantSerializer(read_only=True, allow_null=True)
    verdict = BlankAsNullChoiceField(choices=Verdict.choices, read_only=True, allow_null=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "text",
            "start",
            "end",
            "claim_type",
            "checkworthiness",
            "claimant",
            "attribution",
            "status",
            "verdict",
        ]
        read_only_fields = fields


class ClaimEventSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField()

    class Meta:
        model = ClaimEvent
        fields = ["id", "kind", "actor", "from_value", "to_value", "comment", "at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_actor(self, event: ClaimEvent) -> str:
        """The username, or what did it when no person did ("worker")."""
        return event.actor.get_username() if event.actor is not None else event.actor_label


# --- Articles -------------------------------------------------------------------------------------
class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain", "country"]


class JobSerializer(serializers.ModelSerializer):
    article = serializers.IntegerField(source="article_id", read_only=True, allow_null=True)
    claim = serializers.IntegerField(source="claim_id", read_only=True, allow_null=True)

    class Meta:
        model = Job
        fields = [
            "id",
            "article",
            "claim",
            "stage",
            "state",
            "attempts",
            "last_error",
            "queued_at",
            "published_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields


class ArticleSerializer(serializers.ModelSerializer):
    outlet = OutletSerializer(read_only=True, allow_null=True)
    claim_count = serializers.IntegerField(read_only=True)
    detected_language = BlankAsNullCharField(
        read_only=True,
        allow_null=True,
        help_text="ISO 639-1 code detected in the body; null before extraction ran or when the "
        "text was too short to tell (then `language` is the declared one).",
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "outlet",
            "published_at",
            "language",
            "detected_language",
            "pipeline_status",
            "claim_count",
            "created_at",
        ]
        read_only_fields = fields


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its pipeline (status and jobs) and the claims found in it."""

    created_by = UsernameOf(read_only=True, allow_null=True)
    jobs = JobSerializer(source="pipeline_jobs", many=True, read_only=True)
    claims = ClaimSummarySerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "standfirst",
            "byline",
            "dateline_place",
            "body",
            "created_by",
            "jobs",
            "claims",
        ]
        read_only_fields = fields


class ArticleIngestSerializer(ArticleDetailSerializer):
    """The answer to an ingest: the article, whether it was new, and where to follow its
    pipeline."""

    created = serializers.BooleanField(read_only=True)
    status_url = serializers.URLField(read_only=True)

    class Meta(ArticleDetailSerializer.Meta):
        fields = [*ArticleDetailSerializer.Meta.fields, "created", "status_url"]
        read_only_fields = fields


# --- Entities -------------------------------------------------------------------------------------
class EntitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "kind", "name", "aliases"]
        read_only_fields = fields


# --- Auth -----------------------------------------------------------------------------------------
class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)
    username = serializers.CharField(read_only=True)
