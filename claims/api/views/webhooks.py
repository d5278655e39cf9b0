"""Webhook endpoints (editors only): register, read, change, remove, regenerate the secret; each
endpoint's delivery log, and redelivery (docs/webhooks.md)."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims import selectors, services
from claims.models import WebhookDelivery, WebhookEndpoint

from .. import inputs
from .. import serializers_webhooks as s
from ..viewsets import ID, raise_not_found

VIEW = "claims.view_webhookendpoint"
CHANGE = "claims.change_webhookendpoint"
ENDPOINT_PK = OpenApiParameter("endpoint_pk", OpenApiTypes.INT, OpenApiParameter.PATH)


@extend_schema_view(
    list=extend_schema(summary="List webhook endpoints"),
    retrieve=extend_schema(summary="A webhook endpoint"),
)
class WebhookEndpointViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Where events are delivered, signed (Standard Webhooks). The secret is answered once: on
    creation and when it is regenerated."""

    lookup_value_regex = ID
    filter_backends: list = []
    serializer_class = s.WebhookEndpointSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    required_perms = {
        "list": (VIEW,),
        "retrieve": (VIEW,),
        "create": ("claims.add_webhookendpoint",),
        "partial_update": (VIEW, CHANGE),
        "destroy": (VIEW, "claims.delete_webhookendpoint"),
        "rotate_secret": (VIEW, CHANGE),
    }

    def get_queryset(self):
        return selectors.webhook_endpoint_list()

    @extend_schema(
        summary="Register a webhook endpoint",
        description="Answers 201 with the endpoint and its signing `secret`, shown this once. "
        "A URL on a loopback, private or otherwise non-public address is refused (400) unless "
        "FACTCHECK_FETCH_ALLOW_HOSTS lists it.",
        request=inputs.WebhookEndpointInput,
        responses={201: s.WebhookEndpointSecretSerializer},
    )
    def create(self, request):
        data = inputs.WebhookEndpointInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        endpoint = services.endpoint_create(
            url=v["url"],
            events=v["events"],
            description=v.get("description", ""),
            actor=request.user,
        )
        endpoint = self.get_queryset().get(pk=endpoint.pk)
        location = request.build_absolute_uri(reverse("api:webhook-detail", args=[endpoint.pk]))
        return Response(
            s.WebhookEndpointSecretSerializer(endpoint).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": location},
        )

    @extend_schema(
        summary="Change a webhook endpoint",
        description="`url`, `events`, `description`; `is_active` false disables it (its pending "
        "deliveries fail), true enables it again and clears its failure streak.",
        request=inputs.WebhookEndpointInput(partial=True),
        responses={200: s.WebhookEndpointSerializer},
    )
    def partial_update(self, request, pk=None):
        endpoint: WebhookEndpoint = self.get_object()
        data = inputs.WebhookEndpointInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.endpoint_update(endpoint=endpoint, actor=request.user, **data.validated_data)
        return Response(s.WebhookEndpointSerializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(summary="Remove a webhook endpoint and its delivery log", responses={204: None})
    def destroy(self, request, pk=None):
        services.endpoint_delete(endpoint=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Regenerate the signing secret",
        description="Answers the endpoint with its new `secret`, shown this once; every attempt "
        "from now on is signed with it.",
        request=None,
        responses={200: s.WebhookEndpointSecretSerializer},
    )
    @action(detail=True, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request, pk=None):
        endpoint = services.endpoint_rotate_secret(endpoint=self.get_object(), actor=request.user)
        return Response(s.WebhookEndpointSecretSerializer(endpoint).data)


@extend_schema_view(
    list=extend_schema(summary="An endpoint's delivery log", parameters=[ENDPOINT_PK]),
)
class WebhookDeliveryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Each delivery to the endpoint, newest first: state, attempts, last status code, last
    error, next attempt."""

    lookup_value_regex = ID
    filter_backends: list = []
    serializer_class = s.WebhookDeliverySerializer
    required_perms = {
        "list": (VIEW, "claims.view_webhookdelivery"),
        "redeliver": (VIEW, "claims.change_webhookdelivery"),
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WebhookDelivery.objects.none()
        pk = self.kwargs["endpoint_pk"]
        if not WebhookEndpoint.objects.filter(pk=pk).exists():
            raise_not_found("webhook endpoint", pk)
        return selectors.webhook_deliveries(endpoint_id=pk)

    @extend_schema(
        summary="Redeliver",
        description="Sends the same message (same body and `webhook-id`) again now, as a new "
        "delivery; answers 202 with it. Refused (400) while the endpoint is disabled.",
        request=None,
        responses={202: s.WebhookDeliverySerializer},
        parameters=[ENDPOINT_PK],
    )
    @action(detail=True, methods=["post"])
    def redeliver(self, request, endpoint_pk=None, pk=None):
        delivery = self.get_object()
        again = services.delivery_redeliver(delivery=delivery, actor=request.user)
        return Response(s.WebhookDeliverySerializer(again).data, status=status.HTTP_202_ACCEPTED)
