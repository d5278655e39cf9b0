"""Input serializers: they validate the *shape* of a request (types, lengths, choices, that a
referenced row exists) and hand `validated_data` to a service, which validates the *meaning* (the
URL rule, the article length limit, who may be assigned, what the claim's status allows) with the
same messages the admin shows. Unknown fields are refused, so that a misspelt or read-only field
(`status`) is an error instead of being silently dropped.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims import workflow
from claims.models import (
    Article,
    Attribution,
    ChecklistState,
    Claim,
    ClaimStatus,
    ClaimType,
    Entity,
    Priority,
    Stance,
    Verdict,
    WebhookEvent,
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


# --- Claims ---------------------------------------------------------------------------------------
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
    summary = serializers.CharField(
        max_length=500,
        allow_blank=True,
        help_text='The short claim summary (ClaimReview\'s claimReviewed); "" goes back to the '
        "claim's whole sentence.",
    )
    review_url = serializers.CharField(
        max_length=2000,
        allow_blank=True,
        help_text="The published fact-check's http(s) URL (ClaimReview's url); \"\" clears it.",
    )
    assignee = UsernameField(allow_null=True, help_text="Username, or null.")
    priority = serializers.ChoiceField(choices=Priority.choices)
    due_at = serializers.DateTimeField(allow_null=True)
    duplicate_of = serializers.PrimaryKeyRelatedField(
        queryset=Claim.objects.all(), allow_null=True, help_text="Claim id, or null."
    )

    def validate_verdict(self, value):
        return value or ""


class TransitionInput(InputSerializer):
    to = serializers.ChoiceField(choices=ClaimStatus.choices)
    comment = serializers.CharField(
        max_length=MAX_TEXT,
        allow_blank=True,
        default="",
        help_text=f"Required to {workflow.reason_required_for()}.",
    )


class ChecklistItemUpdateInput(InputSerializer):
    state = serializers.ChoiceField(choices=ChecklistState.choices, required=False)
    note = serializers.CharField(max_length=MAX_TEXT, allow_blank=True, required=False)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError("Give a state, a note or both.", code="empty")
        return attrs


class EvidenceCreateInput(InputSerializer):
    url = serializers.CharField(max_length=2000, help_text="An http(s) URL.")
    title = serializers.CharField(max_length=500, allow_blank=True, default="")
    publisher = serializers.CharField(max_length=300, allow_blank=True, default="")
    excerpt = serializers.CharField(max_length=MAX_TEXT, allow_blank=True, default="")
    stance = serializers.ChoiceField(choices=Stance.choices, default=Stance.CONTEXT)


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


# --- Articles -------------------------------------------------------------------------------------
class ArticleCreateInput(InputSerializer):
    """Pasted text (`body` with its `title` and `published_at`), or a `url` alone: the page is
    then fetched by a worker and its title, outlet and date are the page's."""

    title = serializers.CharField(max_length=500, required=False)
    body = serializers.CharField(
        trim_whitespace=False,
        required=False,
        help_text="The article text, as pasted; page furniture (headline, captions, credits, "
        "URL lines) is separated from the prose. At most FACTCHECK_MAX_ARTICLE_CHARS "
        "characters. Without it, `url` is fetched.",
    )
    published_at = DateOrDateTimeField(required=False)
    url = serializers.CharField(
        max_length=2000,
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text="The article's http(s) URL; alone (no `body`), the page is fetched and its "
        "article taken from it.",
    )
    outlet = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="The outlet's name."
    )
    language = serializers.CharField(max_length=16, default="en")

    def validate(self, attrs):
        if "body" in attrs:
            missing = {f: "This field is required with a body." for f in ("title", "published_at")}
            errors = {f: message for f, message in missing.items() if f not in attrs}
        elif not attrs.get("url"):
            errors = {"body": "Send the article's text as `body`, or its `url` alone to fetch it."}
        else:
            errors = {
                f: "With a URL alone this comes from the page; edit it once the page is in."
                for f in ("title", "published_at", "outlet")
                if f in attrs
            }
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


# --- Webhooks -------------------------------------------------------------------------------------
class WebhookEndpointInput(InputSerializer):
    url = serializers.CharField(max_length=2000, help_text="Where deliveries are POSTed (http(s)).")
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookEvent.choices),
        allow_empty=False,
        help_text="The event types this endpoint receives.",
    )
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    is_active = serializers.BooleanField(
        required=False, help_text="false disables the endpoint; true enables it again."
    )


# --- Auth -----------------------------------------------------------------------------------------
class TokenInput(InputSerializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
