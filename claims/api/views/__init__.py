"""The API's viewsets, one module per resource family (routed in `claims.api.urls`)."""

from .articles import ArticleViewSet
from .auth import TokenView
from .catalog import ClaimReviewViewSet, EntityViewSet, JobViewSet
from .children import ChecklistViewSet, ClaimHistoryViewSet, EvidenceViewSet
from .claims import ClaimViewSet
from .external import ExternalFactCheckViewSet
from .webhooks import WebhookDeliveryViewSet, WebhookEndpointViewSet

__all__ = [
    "ArticleViewSet",
    "ChecklistViewSet",
    "ClaimHistoryViewSet",
    "ClaimReviewViewSet",
    "ClaimViewSet",
    "EntityViewSet",
    "EvidenceViewSet",
    "ExternalFactCheckViewSet",
    "JobViewSet",
    "TokenView",
    "WebhookDeliveryViewSet",
    "WebhookEndpointViewSet",
]
