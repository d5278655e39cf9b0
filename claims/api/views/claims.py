"""Claims: read, enter by hand, edit, move through the workflow, their ClaimReview.

A write reads the claim once — as the API shows it, with its enrichment — hands it to the service
with the request's If-Match, and answers with that same claim as the service wrote it.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims import selectors, services
from claims.claimreview import claimreview
from claims.models import Claim

from .. import inputs, serializers_list
from .. import serializers as s
from ..errors import InvalidQuery
from ..filtersets import ClaimFilterSet
from ..idempotency import idempotent
from ..pagination import ClaimPagination
from ..permissions import ANY_OF
from ..renderers import ClaimReviewJSONRenderer, FastJSONRenderer, JSONLDRenderer
from ..viewsets import ETAG, ID, IDEMPOTENCY_KEY, IF_MATCH, ETagMixin, raise_not_found

EXPAND = OpenApiParameter(
    "expand",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="Nested parts to include in each listed claim, comma-separated: "
    "`checklist`, `evidence`, `similar`, `mentions` (shown as `entities`), `already_checked` "
    "(other desks' fact-checks matched). Without it a "
    "listed claim has counts of its parts and links to them; the claim's detail has them all.",
)


@extend_schema_view(
    list=extend_schema(
        summary="List claims",
        description="Compact claims (API 1.1; `expand=` adds nested parts), in cursor pages: "
        "follow `next`. `page` still serves the first pages, with `count`.",
        responses=serializers_list.ClaimListSerializer(many=True),
        parameters=[EXPAND],
    ),
    retrieve=extend_schema(summary="A claim", parameters=[ETAG]),
)
class ClaimViewSet(
    ETagMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Claims, their editing and their workflow."""

    lookup_value_regex = ID
    serializer_class = s.ClaimSerializer
    filterset_class = ClaimFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]
    required_perms = {
        "list": ("claims.view_claim",),
        "retrieve": ("claims.view_claim",),
        "create": ("claims.view_claim", "claims.add_claim"),
        "partial_update": ("claims.view_claim", "claims.change_claim"),
        # Which move needs which role is the workflow's business (claim_transition asks it);
        # here: the caller may make at least one kind of move.
        "transition": ANY_OF(
            "claims.triage_claim",
            "claims.research_claim",
            "claims.dismiss_claim",
            "claims.publish_claim",
        ),
        "claimreview": ("claims.view_claim",),
    }

    pagination_class = ClaimPagination
    renderer_classes = [FastJSONRenderer]

    def get_queryset(self):
        if self.action == "list":
            return selectors.claim_rows(expand=self._expand())
        return selectors.claim_list()

    def get_serializer_class(self):
        return serializers_list.ClaimListSerializer if self.action == "list" else s.ClaimSerializer

    def get_serializer_context(self):
        context: dict = super().get_serializer_context()  # type: ignore[assignment]
        if self.action == "list":
            context["expand"] = self._expand()
        return context

    def _expand(self) -> set[str]:
        parts = {
            part.strip()
            for value in self.request.query_params.getlist("expand")
            for part in value.split(",")
            if part.strip()
        }
        known = sorted(serializers_list.EXPANDABLE)
        unknown = parts - set(known)
        if unknown:
            raise InvalidQuery({"expand": [f"Unknown part(s) {sorted(unknown)}; one of {known}."]})
        return {"mentions" if part == "entities" else part for part in parts}

    def _claim(self, pk) -> Claim:
        try:
            return selectors.claim_detail(claim_id=pk)
        except Claim.DoesNotExist:
            raise_not_found("claim", pk)

    def _respond(self, claim: Claim, code: int = status.HTTP_200_OK, **headers) -> Response:
        response = Response(s.ClaimSerializer(claim).data, status=code, headers=headers)
        return self.with_etag(response, claim)

    def retrieve(self, request, pk=None):
        return self._respond(self._claim(pk))

    @extend_schema(
        summary="Enter a claim by hand",
        description="With an article, `start`/`end` locate the claim in the article body and "
        "must match `text` exactly. Enrichment and checklist are queued.",
        request=inputs.ClaimCreateInput,
        responses={201: s.ClaimSerializer},
        parameters=[IDEMPOTENCY_KEY, ETAG],
    )
    @idempotent
    def create(self, request):
        data = inputs.ClaimCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        claim = services.claim_create(actor=request.user, **data.validated_data)
        location = request.build_absolute_uri(reverse("api:claim-detail", args=[claim.pk]))
        return self._respond(claim, status.HTTP_201_CREATED, Location=location)

    @extend_schema(
        summary="Edit a claim",
        description="Only the fields sent change. `assignee` is a username: someone who may "
        "research claims. `review_url` is an http(s) URL (400 otherwise). What a published "
        "claim's ClaimReview shows (text, summary, claimant, verdict, verdict summary, review "
        "URL) changes only through a correction (409), and so does the assignee of a claim in "
        "review.",
        request=inputs.ClaimUpdateInput,
        responses={200: s.ClaimSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    def partial_update(self, request, pk=None):
        claim = self._claim(pk)
        data = inputs.ClaimUpdateInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.claim_update(
            claim=claim,
            actor=request.user,
            data=data.validated_data,
            expected_version=self.if_match(request),
        )
        return self._respond(claim)

    @extend_schema(
        summary="Move a claim through the workflow",
        description="`to` is the new status. An impossible move, or one whose preconditions are "
        "unmet, is a 409 whose `reasons` list every unmet precondition; a move your role does "
        "not allow is a 403. Repeating the current status changes nothing.",
        request=inputs.TransitionInput,
        responses={200: s.ClaimSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        claim = self._claim(pk)
        data = inputs.TransitionInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.claim_transition(
            claim=claim,
            to=data.validated_data["to"],
            actor=request.user,
            comment=data.validated_data["comment"],
            expected_version=self.if_match(request),
        )
        return self._respond(claim)

    @extend_schema(
        summary="The claim's ClaimReview (schema.org JSON-LD)",
        description="404 unless the claim is published.",
        responses={
            (200, "application/ld+json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="schema.org ClaimReview"
            )
        },
    )
    @action(
        detail=True,
        methods=["get"],
        renderer_classes=[JSONLDRenderer, ClaimReviewJSONRenderer],
        filter_backends=[],
    )
    def claimreview(self, request, pk=None):
        try:
            claim = selectors.claimreview_for(claim_id=pk)
        except Claim.DoesNotExist:
            raise_not_found("published claim", pk)
        return Response(claimreview(claim, absolute_uri=request.build_absolute_uri))
