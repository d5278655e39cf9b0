"""/api/v1/ routes (included by factcheck/urls.py under the "api" namespace)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register(r"claims/(?P<claim_pk>[0-9]+)/checklist", views.ChecklistViewSet, "claim-checklist")
router.register(r"claims/(?P<claim_pk>[0-9]+)/evidence", views.EvidenceViewSet, "claim-evidence")
router.register(r"claims/(?P<claim_pk>[0-9]+)/history", views.ClaimHistoryViewSet, "claim-history")
router.register("claimreview", views.ClaimReviewViewSet, basename="claimreview")
router.register("entities", views.EntityViewSet, basename="entity")
router.register("jobs", views.JobViewSet, basename="job")
router.register(
    "external-factchecks", views.ExternalFactCheckViewSet, basename="external-factcheck"
)
router.register("webhooks", views.WebhookEndpointViewSet, basename="webhook")
router.register(
    r"webhooks/(?P<endpoint_pk>[0-9]+)/deliveries", views.WebhookDeliveryViewSet, "webhook-delivery"
)

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="auth-token"),
    *router.urls,
]
