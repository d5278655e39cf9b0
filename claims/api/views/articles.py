"""Articles: ingest, read with their pipeline, reprocess."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims import selectors, services
from claims.models import Article

from .. import inputs
from .. import serializers as s
from ..idempotency import idempotent
from ..viewsets import ID, IDEMPOTENCY_KEY, raise_not_found


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
        "`status_url`, where its pipeline status and claims appear. With a `url` and no `body`, "
        "a fetch job comes first: a worker downloads the page (http(s), public addresses only, "
        "size and time limits) and takes its article; a refusal fails that job with its reason. "
        "An article already ingested (same prose or same URL, fetched or not) is answered 200 "
        "with the existing article, creating nothing.",
        request=inputs.ArticleCreateInput,
        responses={202: s.ArticleIngestSerializer, 200: s.ArticleIngestSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
    @idempotent
    def create(self, request):
        data = inputs.ArticleCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        if "body" not in v:
            result = services.article_ingest_url(
                url=v["url"], language=v["language"], created_by=request.user
            )
        else:
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
        article.created = result.created  # type: ignore[attr-defined]
        article.status_url = url  # type: ignore[attr-defined]
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
