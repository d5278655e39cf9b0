"""Representations of other desks' fact-checks: as listed, as matched on a claim, an import's
outcome."""

from __future__ import annotations

from rest_framework import serializers

from claims.models import ExternalFactCheck, ExternalMatch

_FIELDS = [
    "url",
    "claim_reviewed",
    "claimant",
    "rating",
    "rating_value",
    "best_rating",
    "worst_rating",
    "author_name",
    "author_url",
    "date_published",
]


class ExternalFactCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalFactCheck
        fields = ["id", *_FIELDS, "imported_at", "updated_at"]
        read_only_fields = fields


class ExternalMatchSerializer(serializers.ModelSerializer):
    """Another desk's fact-check that says much the same as the claim: "already checked by"."""

    id = serializers.IntegerField(source="external_id", read_only=True)
    url = serializers.URLField(source="external.url", read_only=True)
    claim_reviewed = serializers.CharField(source="external.claim_reviewed", read_only=True)
    rating = serializers.CharField(source="external.rating", read_only=True)
    author_name = serializers.CharField(source="external.author_name", read_only=True)
    date_published = serializers.DateField(
        source="external.date_published", read_only=True, allow_null=True
    )

    class Meta:
        model = ExternalMatch
        fields = [
            "id",
            "url",
            "claim_reviewed",
            "rating",
            "author_name",
            "date_published",
            "score",
        ]
        read_only_fields = fields


class ImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
