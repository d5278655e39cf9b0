"""Read-only feeds and lists: the ClaimReview feed, entities, jobs."""

from __future__ import annotations

from drf_spectacular.utils import (
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from claims import selectors
from claims.claimreview import claimreview_feed
from claims.models import Claim

from .. import serializers as s
from ..filtersets import EntityFilterSet, JobFilterSet
from ..pagination import PageNumberPagination
from ..renderers import ClaimReviewJSONRenderer, JSONLDRenderer
from ..viewsets import ID

ClaimReviewFeedSerializer = inline_serializer(
    "ClaimReviewFeed",
    {
        "@context": serializers.CharField(),
        "@type": serializers.CharField(),
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "dataFeedElement": serializers.ListField(child=serializers.DictField()),
    },
)
# The feed pages itself (count, next, previous inside the DataFeed): not DRF's results wrapper.
extend_schema_serializer(many=False)(type(ClaimReviewFeedSerializer))


class ClaimReviewViewSet(viewsets.GenericViewSet):
    """Published verdicts as a schema.org DataFeed of ClaimReviews, newest first. Public: what it
    shows is published (the home page links it for readers and search engines), the same for
    everyone, so credentials are not even looked at."""

    filter_backends: list = []
    renderer_classes = [JSONLDRenderer, ClaimReviewJSONRenderer]
    authentication_classes: list = []
    permission_classes = [AllowAny]
    problem_codes_exclude = ("403",)

    def get_queryset(self):
        return selectors.claimreview_list()

    @extend_schema(
        summary="Published verdicts (schema.org ClaimReview JSON-LD)",
        responses={
            (200, "application/ld+json"): ClaimReviewFeedSerializer,
            (200, "application/json"): ClaimReviewFeedSerializer,  # ?format=json
        },
        auth=[],
    )
    def list(self, request):
        paginator = self.paginator
        assert isinstance(paginator, PageNumberPagination)
        page: list[Claim] = paginator.paginate_queryset(self.get_queryset(), request, self) or []
        assert paginator.page is not None
        return Response(
            claimreview_feed(
                page,
                absolute_uri=request.build_absolute_uri,
                count=paginator.page.paginator.count,
                next_url=paginator.get_next_link(),
                previous_url=paginator.get_previous_link(),
            )
        )


# --- Entities and jobs ----------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(summary="List entities"), retrieve=extend_schema(summary="An entity")
)
class EntityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """People, organisations, places and groups named in claims."""

    lookup_value_regex = ID
    serializer_class = s.EntitySerializer
    filterset_class = EntityFilterSet
    required_perms = {"list": ("claims.view_entity",), "retrieve": ("claims.view_entity",)}

    def get_queryset(self):
        return selectors.entity_list()


@extend_schema_view(
    list=extend_schema(summary="List pipeline jobs"), retrieve=extend_schema(summary="A job")
)
class JobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Pipeline jobs, newest first: the ops view."""

    lookup_value_regex = ID
    serializer_class = s.JobSerializer
    filterset_class = JobFilterSet
    required_perms = {"list": ("claims.view_job",), "retrieve": ("claims.view_job",)}

    def get_queryset(self):
        return selectors.job_list()
