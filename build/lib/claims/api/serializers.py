"""Serializers: explicit fields, output and input kept apart.

Output serializers describe what the API shows (DESIGN.md §5's claim representation and the rest);
they read rows loaded by `claims.selectors` and never query on their own. Input serializers
(`…Input`) only validate: the view hands their `validated_data` to a service. Input serializers
refuse fields they do not know, so that a misspelt or read-only field (`status`) is an error
instead of being silently dropped.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import (
    Article,
    Attribution,
    ChecklistItem,
    ChecklistState,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    DateMention,
    Entity,
    Evidence,
    Job,
    Mention,
    Outlet,
    Priority,
    Quantity,
    SimilarClaim,
    Stance,
    Verdict,
)

# PostgreSQL's integer columns stop here; larger offsets would be a database error, not a 400.
MAX_OFFSET = 2**31 - 1
MAX_TEXT = 20_000


class InputSerializer(serializers.Serializer):
    """Base of the write serializers: unknown fields are a 400, not silently ignored."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["This field is not accepted here."] for name in unknown},
                    code="unknown_field",
                )
        return super().to_internal_value(data)


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice stored as "" when unset, shown as null."""

    def to_representation(self, value):
        return value or None


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
    done_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

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
    added_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = Evidence
        fields = ["id", "url", "title", "publisher", "excerpt", "stance", "added_by", "added_at"]


class SimilarSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="other_id", read_only=True, help_text="The other claim.")
    text = serializers.CharField(source="other.text", read_only=True)

    class Meta:
        model = SimilarClaim
        fields = ["id", "text", "score", "decision"]


class ClaimSerializer(serializers.ModelSerializer):
    """A claim as DESIGN.md §5 describes it. Offsets are character offsets into the article
    body; `version` is also the ETag."""

    article = serializers.IntegerField(source="article_id", read_only=True, allow_null=True)
    claimant = ClaimantSerializer(read_only=True, allow_null=True)
    verdict = BlankAsNullChoiceField(choices=Verdict.choices, read_only=True, allow_null=True)
    assignee = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
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


# --- Input: claims --------------------------------------------------------------------------------
class UsernameField(serializers.SlugRelatedField):
    """An active user by username; unknown names are a field error."""

    default_error_messages = {
        "does_not_exist": "No active user is called “{value}”.",
        "invalid": "Give a username.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", get_user_model().objects.filter(is_active=True))
        super().__init__(slug_field="username", **kwargs)


class ClaimCreateInput(InputSerializer):
    text = serializers.CharField(max_length=MAX_TEXT)
    article = serializers.PrimaryKeyRelatedField(
        queryset=Article.objects.all(), allow_null=True, default=None
    )
    start = serializers.IntegerField(
        min_value=0, max_value=MAX_OFFSET, allow_null=True, default=None
    )
    end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, allow_null=True, default=None)
    claim_type = serializers.ChoiceField(choices=ClaimType.choices, default=ClaimType.OTHER)
    claimant = serializers.PrimaryKeyRelatedField(
        queryset=Entity.objects.all(),
        allow_null=True,
        default=None,
        help_text="Entity id.",
    )
    attribution = serializers.ChoiceField(choices=Attribution.choices, default=Attribution.AUTHOR)
    priority = serializers.ChoiceField(choices=Priority.choices, default=Priority.NORMAL)


class ClaimUpdateInput(InputSerializer):
    """The fields a person may edit (status moves through `transition/`)."""

    text = serializers.CharField(max_length=MAX_TEXT)
    claim_type = serializers.ChoiceField(choices=ClaimType.choices)
    claimant = serializers.PrimaryKeyRelatedField(
        queryset=Entity.objects.all(), allow_null=True, help_text="Entity id, or null."
    )
    attribution = serializers.ChoiceField(choices=Attribution.choices)
    verdict = serializers.ChoiceField(
        choices=Verdict.choices, allow_null=True, help_text="null clears it."
    )
    verdict_summary = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)
    assignee = UsernameField(allow_null=True, help_text="Username, or null.")
    priority = serializers.ChoiceField(choices=Priority.choices)
    due_at = serializers.DateTimeField(allow_null=True)
    duplicate_of = serializers.PrimaryKeyRelatedField(
        queryset=Claim.objects.all(), allow_null=True, help_text="Claim id, or null."
    )

    def validate_verdict(self, value):
        return value or ""

    def validate_assignee(self, user):
        if user is not None and not user.has_perm("claims.research_claim"):
            raise serializers.ValidationError(
                f"{user.get_username()} cannot research claims: "
                "only fact-checkers and editors can be assigned."
            )
        return user


class TransitionInput(InputSerializer):
    to = serializers.ChoiceField(choices=ClaimStatus.choices)
    comment = serializers.CharField(
        max_length=MAX_TEXT,
        allow_blank=True,
        default="",
        help_text="Required to dismiss, send back or correct.",
    )


class ChecklistItemUpdateInput(InputSerializer):
    state = serializers.ChoiceField(choices=ChecklistState.choices, required=False)
    note = serializers.CharField(max_length=MAX_TEXT, allow_blank=True, required=False)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError("Give a state, a note or both.", code="empty")
        return attrs


class EvidenceCreateInput(InputSerializer):
    url = serializers.URLField(max_length=2000)
    title = serializers.CharField(max_length=500, allow_blank=True, default="")
    publisher = serializers.CharField(max_length=300, allow_blank=True, default="")
    excerpt = serializers.CharField(max_length=MAX_TEXT, allow_blank=True, default="")
    stance = serializers.ChoiceField(choices=Stance.choices, default=Stance.CONTEXT)

    def validate_url(self, value: str) -> str:
        if not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError("Give an http(s) URL.")
        return value


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

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "outlet",
            "published_at",
            "language",
            "pipeline_status",
            "claim_count",
            "created_at",
        ]
        read_only_fields = fields


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its pipeline (status and jobs) and the claims found in it."""

    created_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
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


@extend_schema_field(
    {"type": "string", "description": "ISO 8601 date or date-time", "example": "2025-05-04"}
)
class DateOrDateTimeField(serializers.Field):
    """An ISO 8601 date ("2025-05-04") or date-time ("2025-05-04T09:30:00Z")."""

    default_error_messages = {"invalid": "Give an ISO 8601 date or date-time."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        try:
            if len(data.strip()) == 10:
                return dt.date.fromisoformat(data.strip())
            value = serializers.DateTimeField().to_internal_value(data)
        except (ValueError, serializers.ValidationError):
            self.fail("invalid")
        if timezone.is_naive(value):
            value = timezone.make_aware(value, dt.UTC)
        return value

    def to_representation(self, value):
        return value.isoformat()


class ArticleCreateInput(InputSerializer):
    title = serializers.CharField(max_length=500)
    body = serializers.CharField(
        trim_whitespace=False,
        help_text="The article text, as pasted; page furniture (headline, captions, credits, "
        "URL lines) is separated from the prose.",
    )
    published_at = DateOrDateTimeField()
    url = serializers.URLField(max_length=2000, required=False, allow_null=True, allow_blank=True)
    outlet = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="The outlet's name."
    )
    language = serializers.CharField(max_length=16, default="en")

    def validate_body(self, value: str) -> str:
        limit = settings.FACTCHECK["MAX_ARTICLE_CHARS"]
        if len(value) > limit:
            raise serializers.ValidationError(
                f"The article is {len(value):,} characters long; the limit is {limit:,}."
            )
        return value


# --- Entities -------------------------------------------------------------------------------------
class EntitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "kind", "name", "aliases"]
        read_only_fields = fields


# --- Auth -----------------------------------------------------------------------------------------
class TokenInput(InputSerializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)
    username = serializers.CharField(read_only=True)
