"""ViewSets of the REST API v1 (DESIGN.md §5): thin, one per resource, reads through
`claims.selectors`, writes through `claims.services`.

Views let service errors and validation errors propagate: `claims.api.errors` turns each into its
problem document (409 invalid transition, 412 stale version, 403 role …).
"""

from __future__ import annotations

from typing import NoReturn

from django.contrib.auth import authenticate
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import selectors, services
from claims.models import Article, ChecklistItem, Claim, Evidence

from . import serializers as s
from .claimreview import claimreview, claimreview_feed
from .conditional import etag, expected_version
from .filtersets import ClaimFilterSet, EntityFilterSet, JobFilterSet
from .idempotency import HEADER as IDEMPOTENCY_HEADER
from .idempotency import idempotent
from .permissions import ANY_OF
from .renderers import JSONLDRenderer
from .throttles import AnonThrottle, AuthThrottle, SignInLimit, UserThrottle

ID = "[0-9]+"

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The claim\'s ETag (its version, e.g. `"7"`): the write is refused with 412 '
    "if the claim has changed since. Optional: without it the write is accepted as it is.",
)
IDEMPOTENCY_KEY = OpenApiParameter(
    IDEMPOTENCY_HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="A unique string (a UUID): a retry with the same key and body replays the "
    "first answer instead of creating again; the same key with another body is a 422.",
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description="The claim's version, for If-Match.",
)
CLAIM_PK = OpenApiParameter("claim_pk", OpenApiTypes.INT, OpenApiParameter.PATH)


def _claim_url(request, claim_id: int) -> str:
    return request.build_absolute_uri(reverse("api:claim-detail", args=[claim_id]))


# --- Auth -----------------------------------------------------------------------------------------
class _TokenPermission(BasePermission):
    """Anyone may ask for a token; only its holder may revoke it."""

    def has_permission(self, request, view) -> bool:
        return request.method == "POST" or bool(request.user and request.user.is_authenticated)


class TokenView(APIView):
    """Exchange a username and password for an API token (`Authorization: Token <key>`)."""

    permission_classes = [_TokenPermission]
    problem_codes_exclude = ("403",)

    def get_throttles(self):
        if self.request.method == "POST":
            return [AuthThrottle(), AnonThrottle()]
        return [UserThrottle()]

    @extend_schema(
        operation_id="auth_token_create",
        request=s.TokenInput,
        responses={200: s.TokenSerializer},
        auth=[],
        summary="Get an API token",
    )
    def post(self, request):
        data = s.TokenInput(data=request.data)
        data.is_valid(raise_exception=True)
        limit = SignInLimit(data.validated_data["username"])
        if limit.locked():
            raise Throttled(
                wait=limit.lockout,
                detail="Too many failed sign-ins for this username: try again later.",
            )
        user = authenticate(
            request=request._request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
        )
        if user is None or not user.is_active:
            limit.failed()
            raise serializers.ValidationError(
                "Unable to log in with this username and password.", code="authorization"
            )
        limit.succeeded()
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "username": user.get_username()})

    @extend_schema(
        operation_id="auth_token_destroy", responses={204: None}, summary="Revoke your token"
    )
    def delete(self, request):
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Articles -------------------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(summary="List articles"),
    retrieve=extend_schema(summary="An article with its pipeline jobs and its claims"),
)
class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """News articles and their pipeline."""

    lookup_value_regex = ID
    filter_backends: list = []
    required_perms = {
        "list": ("claims.view_article",),
        "retrieve": ("claims.view_article", "claims.view_claim", "claims.view_job"),
        "create": ("claims.add_article",),
        "reprocess": ("claims.view_article", "claims.change_article"),
    }

    def get_queryset(self):
        return selectors.article_list()

    def get_serializer_class(self):
        return s.ArticleDetailSerializer if self.action == "retrieve" else s.ArticleSerializer

    def _detail(self, pk) -> Article:
        try:
            return selectors.article_detail(article_id=pk)
        except Article.DoesNotExist:
            raise_not_found("article", pk)

    def retrieve(self, request, pk=None):
        return Response(s.ArticleDetailSerializer(self._detail(pk)).data)

    @extend_schema(
        summary="Ingest an article",
        description="Queues the claim-extraction pipeline and answers 202 with the article and "
        "`status_url`, where its pipeline status and claims appear. An article already ingested "
        "(same prose or same URL) is answered 200 with the existing article, creating nothing.",
        request=s.ArticleCreateInput,
        responses={202: s.ArticleIngestSerializer, 200: s.ArticleIngestSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
    @idempotent
    def create(self, request):
        data = s.ArticleCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        result = services.article_ingest(
            text=v["body"],
            title=v["title"],
            url=v.get("url") or None,
            outlet=v.get("outlet") or None,
            published_at=v["published_at"],
            language=v["language"],
            created_by=request.user,
        )
        article = self._detail(result.article.pk)
        url = request.build_absolute_uri(reverse("api:article-detail", args=[article.pk]))
        article.created = result.created
        article.status_url = url
        return Response(
            s.ArticleIngestSerializer(article).data,
            status=status.HTTP_202_ACCEPTED if result.created else status.HTTP_200_OK,
            headers={"Location": url},
        )

    @extend_schema(
        summary="Run the article's pipeline again",
        request=None,
        responses={202: s.ArticleDetailSerializer},
    )
    @action(detail=True, methods=["post"])
    def reprocess(self, request, pk=None):
        article = get_object_or_404(Article, pk=pk)
        services.article_reprocess(article=article)
        return Response(
            s.ArticleDetailSerializer(self._detail(pk)).data, status=status.HTTP_202_ACCEPTED
        )


def raise_not_found(what: str, pk) -> NoReturn:
    raise NotFound(f"No {what} {pk}.")


# --- Claims ---------------------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(summary="List claims", responses=s.ClaimSerializer(many=True)),
    retrieve=extend_schema(summary="A claim", parameters=[ETAG]),
)
class ClaimViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
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
        # Which move needs which role is the workflow's business (claim_transition checks it);
        # here: the caller may make at least one kind of move.
        "transition": ANY_OF(
            "claims.triage_claim",
            "claims.research_claim",
            "claims.dismiss_claim",
            "claims.publish_claim",
        ),
        "claimreview": ("claims.view_claim",),
    }

    def get_queryset(self):
        return selectors.claim_list()

    def _claim(self, pk) -> Claim:
        try:
            return selectors.claim_detail(claim_id=pk)
        except Claim.DoesNotExist:
            raise_not_found("claim", pk)

    def _respond(self, claim: Claim, code: int = status.HTTP_200_OK, **headers) -> Response:
        return Response(
            s.ClaimSerializer(claim).data,
            status=code,
            headers={"ETag": etag(claim.version), **headers},
        )

    def retrieve(self, request, pk=None):
        return self._respond(self._claim(pk))

    @extend_schema(
        summary="Enter a claim by hand",
        description="With an article, `start`/`end` locate the claim in the article body and "
        "must match `text` exactly. Enrichment and checklist are queued.",
        request=s.ClaimCreateInput,
        responses={201: s.ClaimSerializer},
        parameters=[IDEMPOTENCY_KEY, ETAG],
    )
    @idempotent
    def create(self, request):
        data = s.ClaimCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        claim = services.claim_create(actor=request.user, **data.validated_data)
        return self._respond(
            self._claim(claim.pk),
            status.HTTP_201_CREATED,
            Location=_claim_url(request, claim.pk),
        )

    @extend_schema(
        summary="Edit a claim",
        description="Only the fields sent change. `assignee` is a username. A published claim's "
        "text, verdict, summary and claimant change only through a correction (409).",
        request=s.ClaimUpdateInput,
        responses={200: s.ClaimSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    def partial_update(self, request, pk=None):
        claim = get_object_or_404(Claim, pk=pk)
        version = expected_version(request, claim.version)
        data = s.ClaimUpdateInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.claim_update(
            claim=claim, actor=request.user, data=data.validated_data, expected_version=version
        )
        return self._respond(self._claim(pk))

    @extend_schema(
        summary="Move a claim through the workflow",
        description="`to` is the new status. An impossible move, or one whose preconditions are "
        "unmet, is a 409 whose `reasons` list every unmet precondition; a move your role does "
        "not allow is a 403. Repeating the current status changes nothing.",
        request=s.TransitionInput,
        responses={200: s.ClaimSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        claim = get_object_or_404(Claim, pk=pk)
        version = expected_version(request, claim.version)
        data = s.TransitionInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.claim_transition(
            claim=claim,
            to=data.validated_data["to"],
            actor=request.user,
            comment=data.validated_data["comment"],
            expected_version=version,
        )
        return self._respond(self._claim(pk))

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
        renderer_classes=[JSONLDRenderer, JSONRenderer],
        filter_backends=[],
    )
    def claimreview(self, request, pk=None):
        try:
            claim = selectors.claimreview_for(claim_id=pk)
        except Claim.DoesNotExist:
            raise_not_found("published claim", pk)
        return Response(claimreview(claim, url=_claim_url(request, claim.pk) + "claimreview/"))


class _ClaimChild:
    """For resources under claims/{claim_pk}/: the parent claim, or 404."""

    lookup_value_regex = ID
    filter_backends: list = []

    def parent_claim(self) -> Claim:
        try:
            return Claim.objects.only("id", "status", "version").get(pk=self.kwargs["claim_pk"])
        except Claim.DoesNotExist:
            raise_not_found("claim", self.kwargs["claim_pk"])


@extend_schema_view(list=extend_schema(summary="A claim's history", parameters=[CLAIM_PK]))
class ClaimHistoryViewSet(_ClaimChild, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Transitions, assignments, verdicts and comments, oldest first."""

    serializer_class = s.ClaimEventSerializer
    required_perms = {"list": ("claims.view_claim", "claims.view_claimevent")}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return selectors.claim_events(claim_id=0)
        return selectors.claim_events(claim_id=self.parent_claim().pk)


@extend_schema_view(
    list=extend_schema(summary="A claim's checklist", parameters=[CLAIM_PK]),
    retrieve=extend_schema(summary="A checklist item", parameters=[CLAIM_PK]),
)
class ChecklistViewSet(
    _ClaimChild, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The verification checklist of a claim."""

    serializer_class = s.ChecklistItemSerializer
    http_method_names = ["get", "patch", "head", "options"]
    required_perms = {
        "list": ("claims.view_claim", "claims.view_checklistitem"),
        "retrieve": ("claims.view_claim", "claims.view_checklistitem"),
        "partial_update": ("claims.view_claim", "claims.change_checklistitem"),
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return selectors.checklist_items(claim_id=0)
        return selectors.checklist_items(claim_id=self.parent_claim().pk)

    @extend_schema(
        summary="Work a checklist item",
        description="`state` done, skipped (say why in `note`), failed or open again.",
        request=s.ChecklistItemUpdateInput,
        responses={200: s.ChecklistItemSerializer},
        parameters=[CLAIM_PK, IF_MATCH],
    )
    def partial_update(self, request, claim_pk=None, pk=None):
        item: ChecklistItem = self.get_object()
        expected_version(request, item.claim.version)
        data = s.ChecklistItemUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.checklist_item_update(item=item, actor=request.user, **data.validated_data)
        return Response(s.ChecklistItemSerializer(item).data)


@extend_schema_view(
    list=extend_schema(summary="A claim's evidence", parameters=[CLAIM_PK]),
    retrieve=extend_schema(summary="One piece of evidence", parameters=[CLAIM_PK]),
)
class EvidenceViewSet(
    _ClaimChild, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Sources gathered while checking a claim."""

    serializer_class = s.EvidenceSerializer
    http_method_names = ["get", "post", "delete", "head", "options"]
    required_perms = {
        "list": ("claims.view_claim", "claims.view_evidence"),
        "retrieve": ("claims.view_claim", "claims.view_evidence"),
        "create": ("claims.view_claim", "claims.add_evidence"),
        "destroy": ("claims.view_claim", "claims.delete_evidence"),
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return selectors.evidence_items(claim_id=0)
        return selectors.evidence_items(claim_id=self.parent_claim().pk)

    @extend_schema(
        summary="Attach evidence",
        request=s.EvidenceCreateInput,
        responses={201: s.EvidenceSerializer},
        parameters=[CLAIM_PK, IF_MATCH, IDEMPOTENCY_KEY],
    )
    @idempotent
    def create(self, request, claim_pk=None):
        claim = self.parent_claim()
        expected_version(request, claim.version)
        data = s.EvidenceCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        evidence = services.evidence_add(claim=claim, actor=request.user, **data.validated_data)
        evidence = selectors.evidence_items(claim_id=claim.pk).get(pk=evidence.pk)
        location = request.build_absolute_uri(
            reverse("api:claim-evidence-detail", args=[claim.pk, evidence.pk])
        )
        return Response(
            s.EvidenceSerializer(evidence).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": location},
        )

    @extend_schema(summary="Remove evidence", parameters=[CLAIM_PK, IF_MATCH])
    def destroy(self, request, claim_pk=None, pk=None):
        evidence: Evidence = self.get_object()
        expected_version(request, evidence.claim.version)
        services.evidence_delete(evidence=evidence, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- ClaimReview feed -----------------------------------------------------------------------------
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
    renderer_classes = [JSONLDRenderer, JSONRenderer]
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
        page = self.paginate_queryset(self.get_queryset())
        return Response(
            claimreview_feed(
                page,
                url_for=lambda c: _claim_url(request, c.pk) + "claimreview/",
                count=self.paginator.page.paginator.count,
                next_url=self.paginator.get_next_link(),
                previous_url=self.paginator.get_previous_link(),
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
