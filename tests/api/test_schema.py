"""The OpenAPI schema documents every endpoint, filter, auth scheme and error response, and the
Swagger UI is served from our own static files (no CDN)."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import get_resolver

from claims.api.filtersets import ClaimFilterSet, EntityFilterSet, JobFilterSet

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from drf_spectacular.generators import SchemaGenerator

    with django_db_blocker.unblock():
        return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_validates_without_warnings(tmp_path):
    # --fail-on-warn: an endpoint spectacular cannot describe fails this test.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))


def _api_routes() -> set[str]:
    """Every URL pattern under /api/v1/, in OpenAPI's path syntax."""
    found = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            regex = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, regex)
            elif regex.startswith("api/v1/"):
                path = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", regex)
                path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path)
                path = path.replace("\\.", ".").replace("\\Z", "")
                found.add("/" + path.replace("{pk}", "{id}"))

    walk(get_resolver().url_patterns, "")
    return found


def test_every_api_route_is_documented(schema):
    routes = _api_routes()
    assert routes, "no API routes found"
    assert routes <= set(schema["paths"]), routes - set(schema["paths"])


def test_the_expected_operations_are_there(schema):
    operations = {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "post", "patch", "put", "delete"}
    }
    assert operations == {
        "POST /api/v1/auth/token/",
        "DELETE /api/v1/auth/token/",
        "GET /api/v1/articles/",
        "POST /api/v1/articles/",
        "GET /api/v1/articles/{id}/",
        "POST /api/v1/articles/{id}/reprocess/",
        "GET /api/v1/claims/",
        "POST /api/v1/claims/",
        "GET /api/v1/claims/{id}/",
        "PATCH /api/v1/claims/{id}/",
        "POST /api/v1/claims/{id}/transition/",
        "GET /api/v1/claims/{id}/claimreview/",
        "GET /api/v1/claims/{claim_pk}/history/",
        "GET /api/v1/claims/{claim_pk}/checklist/",
        "GET /api/v1/claims/{claim_pk}/checklist/{id}/",
        "PATCH /api/v1/claims/{claim_pk}/checklist/{id}/",
        "GET /api/v1/claims/{claim_pk}/evidence/",
        "POST /api/v1/claims/{claim_pk}/evidence/",
        "GET /api/v1/claims/{claim_pk}/evidence/{id}/",
        "DELETE /api/v1/claims/{claim_pk}/evidence/{id}/",
        "GET /api/v1/claimreview/",
        "GET /api/v1/entities/",
        "GET /api/v1/entities/{id}/",
        "GET /api/v1/jobs/",
        "GET /api/v1/jobs/{id}/",
        "GET /api/v1/external-factchecks/",
        "GET /api/v1/external-factchecks/{id}/",
        "POST /api/v1/external-factchecks/import/",
        "GET /api/v1/webhooks/",
        "POST /api/v1/webhooks/",
        "GET /api/v1/webhooks/{id}/",
        "PATCH /api/v1/webhooks/{id}/",
        "DELETE /api/v1/webhooks/{id}/",
        "POST /api/v1/webhooks/{id}/rotate-secret/",
        "GET /api/v1/webhooks/{endpoint_pk}/deliveries/",
        "POST /api/v1/webhooks/{endpoint_pk}/deliveries/{id}/redeliver/",
    }


@pytest.mark.parametrize(
    ("path", "filterset"),
    [
        ("/api/v1/claims/", ClaimFilterSet),
        ("/api/v1/entities/", EntityFilterSet),
        ("/api/v1/jobs/", JobFilterSet),
    ],
)
def test_every_filter_is_documented(schema, path, filterset):
    names = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
    assert set(filterset.base_filters) <= names
    assert {"page", "page_size"} <= names


def test_both_auth_schemes_are_documented(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["type"] == "apiKey"
    assert schemes["tokenAuth"]["name"] == "Authorization"
    assert schemes["cookieAuth"]["type"] == "apiKey"
    claims_list = schema["paths"]["/api/v1/claims/"]["get"]
    assert {"tokenAuth": []} in claims_list["security"]
    assert {"cookieAuth": []} in claims_list["security"]


# Operations anyone may call: no 401 or 403 to document.
OPEN_TO_ANYONE = {("post", "/api/v1/auth/token/"), ("get", "/api/v1/claimreview/")}


def test_every_operation_documents_its_errors_as_problems(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "post", "patch", "delete"}:
                continue
            codes = set(operation["responses"])
            assert {"429", "500"} <= codes, (method, path)
            if (method, path) in OPEN_TO_ANYONE:
                assert not {"401", "403"} & codes, (method, path)
                continue
            assert "401" in codes, (method, path)
            assert "403" in codes or path == "/api/v1/auth/token/", (method, path)
            for code, response in operation["responses"].items():
                if int(code) >= 400:
                    [media] = response["content"]
                    assert media == "application/problem+json"
                    ref = response["content"][media]["schema"]["$ref"]
                    assert ref == "#/components/schemas/Problem"


@pytest.mark.parametrize(
    ("method", "path", "codes"),
    [
        ("patch", "/api/v1/claims/{id}/", {"400", "404", "409", "412", "413", "415"}),
        ("post", "/api/v1/claims/{id}/transition/", {"400", "404", "409", "412"}),
        ("post", "/api/v1/claims/", {"400", "409", "413", "415", "422"}),
        ("post", "/api/v1/articles/", {"400", "409", "413", "415", "422"}),
        ("get", "/api/v1/claims/", {"400", "404"}),
    ],
)
def test_specific_error_responses_are_documented(schema, method, path, codes):
    assert codes <= set(schema["paths"][path][method]["responses"])


def test_if_match_idempotency_key_and_etag_are_documented(schema):
    def headers(operation, location="header"):
        return {p["name"] for p in operation.get("parameters", []) if p["in"] == location}

    assert "If-Match" in headers(schema["paths"]["/api/v1/claims/{id}/"]["patch"])
    assert "If-Match" in headers(schema["paths"]["/api/v1/claims/{id}/transition/"]["post"])
    assert "Idempotency-Key" in headers(schema["paths"]["/api/v1/claims/"]["post"])
    detail = schema["paths"]["/api/v1/claims/{id}/"]["get"]["responses"]["200"]
    assert "ETag" in detail["headers"]


def test_claimreview_is_documented_as_json_ld(schema):
    responses = schema["paths"]["/api/v1/claims/{id}/claimreview/"]["get"]["responses"]
    assert "application/ld+json" in responses["200"]["content"]


def test_swagger_ui_is_served_without_a_cdn(anon):
    response = anon.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert not re.search(r"https?://(cdn|unpkg|fastly)", html)
    for asset in re.findall(r'src="/static/([^"]+)"', html) + re.findall(
        r'href="/static/([^"]+)"', html
    ):
        assert finders.find(asset), asset


def test_the_schema_is_served_to_anonymous_callers_as_json_and_yaml(anon):
    as_json = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert as_json.status_code == 200
    assert as_json.json()["info"]["title"] == "factcheck API"
    assert anon.get("/api/schema/").content.startswith(b"openapi:")
