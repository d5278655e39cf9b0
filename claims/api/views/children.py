"""A claim's child resources: its history, its checklist, its evidence (`ClaimChildViewSet`).

Writes name the claim's ETag in If-Match (checked by the service against the claim, under its
lock) and answer with the row they wrote.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from claims import selectors, services
from claims.models import ChecklistItem, Evidence

from .. import inputs
from .. import serializers as s
from ..idempotency import idempotent
from ..viewsets import CLAIM_PK, IDEMPOTENCY_KEY, IF_MATCH, ClaimChildViewSet


@extend_schema_view(list=extend_schema(summary="A claim's history", parameters=[CLAIM_PK]))
class ClaimHistoryViewSet(mixins.ListModelMixin, ClaimChildViewSet):
    """Transitions, assignments, verdicts and comments, oldest first."""

    serializer_class = s.ClaimEventSerializer
    children = selectors.claim_events
    required_perms = {"list": ("claims.view_claim", "claims.view_claimevent")}


@extend_schema_view(
    list=extend_schema(summary="A claim's checklist", parameters=[CLAIM_PK]),
    retrieve=extend_schema(summary="A checklist item", parameters=[CLAIM_PK]),
)
class ChecklistViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClaimChildViewSet):
    """The verification checklist of a claim."""

    serializer_class = s.ChecklistItemSerializer
    children = selectors.checklist_items
    http_method_names = ["get", "patch", "head", "options"]
    required_perms = {
        "list": ("claims.view_claim", "claims.view_checklistitem"),
        "retrieve": ("claims.view_claim", "claims.view_checklistitem"),
        "partial_update": ("claims.view_claim", "claims.change_checklistitem"),
    }

    @extend_schema(
        summary="Work a checklist item",
        description="`state` done, skipped (say why in `note`), failed or open again.",
        request=inputs.ChecklistItemUpdateInput,
        responses={200: s.ChecklistItemSerializer},
        parameters=[CLAIM_PK, IF_MATCH],
    )
    def partial_update(self, request, claim_pk=None, pk=None):
        item: ChecklistItem = self.get_object()
        data = inputs.ChecklistItemUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.checklist_item_update(
            item=item,
            actor=request.user,
            expected_version=self.if_match(request),
            **data.validated_data,
        )
        return Response(s.ChecklistItemSerializer(item).data)


@extend_schema_view(
    list=extend_schema(summary="A claim's evidence", parameters=[CLAIM_PK]),
    retrieve=extend_schema(summary="One piece of evidence", parameters=[CLAIM_PK]),
)
class EvidenceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClaimChildViewSet):
    """Sources gathered while checking a claim."""

    serializer_class = s.EvidenceSerializer
    children = selectors.evidence_items
    http_method_names = ["get", "post", "delete", "head", "options"]
    required_perms = {
        "list": ("claims.view_claim", "claims.view_evidence"),
        "retrieve": ("claims.view_claim", "claims.view_evidence"),
        "create": ("claims.view_claim", "claims.add_evidence"),
        "destroy": ("claims.view_claim", "claims.delete_evidence"),
    }

    @extend_schema(
        summary="Attach evidence",
        request=inputs.EvidenceCreateInput,
        responses={201: s.EvidenceSerializer},
        parameters=[CLAIM_PK, IF_MATCH, IDEMPOTENCY_KEY],
    )
    @idempotent
    def create(self, request, claim_pk=None):
        claim = self.parent_claim()
        data = inputs.EvidenceCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        evidence = services.evidence_add(
            claim=claim,
            actor=request.user,
            expected_version=self.if_match(request),
            **data.validated_data,
        )
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
        services.evidence_delete(
            evidence=evidence, actor=request.user, expected_version=self.if_match(request)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
