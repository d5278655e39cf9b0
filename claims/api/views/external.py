"""Other desks' fact-checks: the list, one, and importing ClaimReview (docs/factchecks.md)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from claims import selectors, services
from claims.parsing.claimreview import ClaimReviewError, read_claimreviews

from .. import serializers_external as s
from ..parsers import StrictJSONParser
from ..viewsets import ID

VIEW = "claims.view_externalfactcheck"


class JSONLDParser(StrictJSONParser):
    """The same strict JSON, sent as JSON-LD."""

    media_type = "application/ld+json"


@extend_schema_view(
    list=extend_schema(summary="List other desks' fact-checks"),
    retrieve=extend_schema(summary="Another desk's fact-check"),
)
class ExternalFactCheckViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Fact-checks published by other desks, imported from their ClaimReview, newest first. Every
    new claim is matched against them during enrichment (`already_checked` on the claim)."""

    lookup_value_regex = ID
    filter_backends: list = []
    serializer_class = s.ExternalFactCheckSerializer
    required_perms = {
        "list": (VIEW,),
        "retrieve": (VIEW,),
        "import_claimreview": (VIEW, "claims.add_externalfactcheck"),
    }

    def get_queryset(self):
        return selectors.external_factcheck_list()

    @extend_schema(
        summary="Import ClaimReview",
        description="The body is one ClaimReview JSON-LD document, a list of them, or a "
        "schema.org DataFeed (such as `/api/v1/claimreview/`). Stored one per ClaimReview `url`: "
        "importing again updates, never duplicates. All or nothing: a document with any review "
        "that cannot be imported is refused (400) with every problem in `errors`, each `field` "
        "the member's path (`dataFeedElement[3].url`).",
        request={"application/json": dict, "application/ld+json": dict},
        responses={200: s.ImportResultSerializer},
        examples=[
            OpenApiExample(
                "One ClaimReview",
                value={
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "url": "https://desk.example/checks/450000",
                    "claimReviewed": "More than 450,000 killed in Mexico in two decades",
                    "reviewRating": {"@type": "Rating", "alternateName": "Mostly true"},
                    "author": {"@type": "Organization", "name": "Desk Example"},
                    "datePublished": "2025-05-06",
                },
                request_only=True,
            )
        ],
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[StrictJSONParser, JSONLDParser],
    )
    def import_claimreview(self, request):
        try:
            reviews = read_claimreviews(request.data)
        except ClaimReviewError as exc:
            errors: dict[str, list[str]] = {}
            for path, message in exc.problems:
                errors.setdefault(path, []).append(message)
            raise ValidationError(errors) from exc
        result = services.external_factchecks_import(reviews=reviews)
        return Response(s.ImportResultSerializer(result).data, status=status.HTTP_200_OK)
