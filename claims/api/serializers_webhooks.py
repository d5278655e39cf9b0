"""Webhook endpoints and their deliveries as the API shows them: an endpoint never with its
secret, except once in the answer that creates or regenerates it."""

from __future__ import annotations

import json

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import WebhookDelivery, WebhookEndpoint

from .serializers import UsernameOf


class WebhookEndpointSerializer(serializers.ModelSerializer):
    """An endpoint as listed and read: never its secret."""

    created_by = UsernameOf(read_only=True)
    deliveries_url = serializers.SerializerMethodField()

    class Meta:
        model = WebhookEndpoint
        fields = [
            "id",
            "url",
            "description",
            "events",
            "is_active",
            "disabled_at",
            "disabled_reason",
            "failing_since",
            "last_success_at",
            "created_by",
            "created_at",
            "deliveries_url",
        ]
        read_only_fields = fields

    def get_deliveries_url(self, endpoint: WebhookEndpoint) -> str:
        return reverse("api:webhook-delivery-list", kwargs={"endpoint_pk": endpoint.pk})


class WebhookEndpointSecretSerializer(WebhookEndpointSerializer):
    """The endpoint with its signing secret: answered once, on creation and regeneration."""

    class Meta(WebhookEndpointSerializer.Meta):
        fields = [*WebhookEndpointSerializer.Meta.fields, "secret"]
        read_only_fields = fields


class WebhookDeliverySerializer(serializers.ModelSerializer):
    payload = serializers.SerializerMethodField(help_text="The JSON body that is sent.")

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event_type",
            "message_id",
            "state",
            "attempts",
            "last_attempt_at",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "last_response",
            "redelivery_of",
            "created_at",
            "payload",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_payload(self, delivery: WebhookDelivery) -> dict:
        return json.loads(delivery.payload)
