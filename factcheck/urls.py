from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from factcheck import health, views
from factcheck.signin import LimitedAdminAuthenticationForm

# The admin's sign-in counts failures per username, like the API's token endpoint.
admin.site.login_form = LimitedAdminAuthenticationForm

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("factchecks/", include("claims.public.urls", namespace="factchecks")),
    # --- api/ (claims/api) ---
    path("api/v1/", include("claims.api.urls", namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]

# Errors raised outside the API's views (an unknown URL under /api/, a crash in middleware) are
# answered as RFC 9457 problems under /api/ and as Django's usual pages elsewhere.
handler400 = "claims.api.errors.handler400"
handler403 = "claims.api.errors.handler403"
handler404 = "claims.api.errors.handler404"
handler500 = "claims.api.errors.handler500"
