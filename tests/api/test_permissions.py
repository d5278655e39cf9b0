"""Who may do what: every endpoint × every role × every method (the roles of
docs/architecture.md), plus token and session authentication.

Roles are ranked: each includes the one before it (viewer ⊂ fact-checker ⊂ editor ⊂ superuser).
A row names the least role that may make the request and what it answers then; a lesser role gets
403, an anonymous caller 401, and a method the endpoint does not have 405.
"""

from dataclasses import dataclass
from typing import Any

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import roles, services
from claims.models import ClaimStatus, DeliveryState, Verdict, WebhookDelivery
from tests.factories import (
    ArticleFactory,
    ChecklistItemFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
    UserFactory,
)

from .conftest import ProblemCheckingClient
from .factories import ClaimEventFactory, JobFactory

pytestmark = pytest.mark.django_db

ANON, VIEWER, CHECKER, EDITOR, ADMIN = "anonymous", "viewer", "fact-checker", "editor", "admin"
RANK = {VIEWER: 0, CHECKER: 1, EDITOR: 2, ADMIN: 3}


def make_user(role: str):
    if role == ANON:
        return None
    if role == ADMIN:
        return UserFactory(username="root", is_staff=True, is_superuser=True)
    return UserFactory(username=f"{role}-user", role=role)


def published():
    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE, verdict_summary="No.")
    return claim


def ready_to_publish():
    assignee = UserFactory(username="assigned", role=roles.FACT_CHECKER)
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        assignee=assignee,
        verdict=Verdict.FALSE,
        verdict_summary="No.",
    )
    EvidenceFactory(claim=claim)
    return claim


def triaged_with_assignee():
    return ClaimFactory(
        status=ClaimStatus.TRIAGED,
        assignee=UserFactory(username="assigned", role=roles.FACT_CHECKER),
    )


def webhook_endpoint():
    return services.endpoint_create(
        url="https://hooks.example.org/factcheck", events=["claim.published"]
    )


def external_factcheck():
    from claims.models import ExternalFactCheck

    return ExternalFactCheck.objects.create(
        url=f"https://desk.example/checks/{ExternalFactCheck.objects.count() + 1}",
        claim_reviewed="More than 450,000 killed in Mexico",
        rating="Mostly true",
        author_name="Desk Example",
    )


def webhook_delivery():
    return WebhookDelivery.objects.create(
        endpoint=webhook_endpoint(),
        event_type="claim.published",
        message_id="msg_1",
        payload='{"type": "claim.published"}',
        state=DeliveryState.FAILED,
        attempts=10,
    )


@dataclass
class Row:
    name: str  # "METHOD /path/template/", and what is tried when a path has several rows
    method: str
    path: Any  # a function of nothing returning the path, creating what it needs
    least: str  # the least role allowed
    ok: int  # the status the allowed roles get
    body: dict | None = None


def _seed_body():
    return {
        "title": "A title",
        "body": "The minister said 12 bridges were built. Critics said 3.",
        "published_at": "2025-05-04",
    }


ROWS = [
    Row("GET /api/v1/articles/", "get", lambda: "/api/v1/articles/", VIEWER, 200),
    Row("POST /api/v1/articles/", "post", lambda: "/api/v1/articles/", CHECKER, 202, _seed_body()),
    Row(
        "GET /api/v1/articles/{id}/",
        "get",
        lambda: f"/api/v1/articles/{ArticleFactory().pk}/",
        VIEWER,
        200,
    ),
    Row(
        "POST /api/v1/articles/{id}/reprocess/",
        "post",
        lambda: f"/api/v1/articles/{ArticleFactory().pk}/reprocess/",
        EDITOR,
        202,
    ),
    Row("GET /api/v1/claims/", "get", lambda: "/api/v1/claims/", VIEWER, 200),
    Row(
        "POST /api/v1/claims/",
        "post",
        lambda: "/api/v1/claims/",
        CHECKER,
        201,
        {"text": "By hand."},
    ),
    Row(
        "GET /api/v1/claims/{id}/",
        "get",
        lambda: f"/api/v1/claims/{ClaimFactory().pk}/",
        VIEWER,
        200,
    ),
    Row(
        "PATCH /api/v1/claims/{id}/",
        "patch",
        lambda: f"/api/v1/claims/{ClaimFactory().pk}/",
        CHECKER,
        200,
        {"priority": 3},
    ),
    Row(
        "POST /api/v1/claims/{id}/transition/ (triage)",
        "post",
        lambda: f"/api/v1/claims/{ClaimFactory().pk}/transition/",
        EDITOR,
        200,
        {"to": "triaged"},
    ),
    Row(
        "POST /api/v1/claims/{id}/transition/ (start research)",
        "post",
        lambda: f"/api/v1/claims/{triaged_with_assignee().pk}/transition/",
        CHECKER,
        200,
        {"to": "researching"},
    ),
    Row(
        "POST /api/v1/claims/{id}/transition/ (publish)",
        "post",
        lambda: f"/api/v1/claims/{ready_to_publish().pk}/transition/",
        EDITOR,
        200,
        {"to": "published"},
    ),
    Row(
        "GET /api/v1/claims/{claim_pk}/history/",
        "get",
        lambda: f"/api/v1/claims/{ClaimEventFactory().claim_id}/history/",
        VIEWER,
        200,
    ),
    Row(
        "GET /api/v1/claims/{id}/claimreview/",
        "get",
        lambda: f"/api/v1/claims/{published().pk}/claimreview/",
        VIEWER,
        200,
    ),
    Row(
        "GET /api/v1/claims/{claim_pk}/checklist/",
        "get",
        lambda: f"/api/v1/claims/{ChecklistItemFactory().claim_id}/checklist/",
        VIEWER,
        200,
    ),
    Row(
        "GET /api/v1/claims/{claim_pk}/checklist/{id}/",
        "get",
        lambda: (lambda i: f"/api/v1/claims/{i.claim_id}/checklist/{i.pk}/")(
            ChecklistItemFactory()
        ),
        VIEWER,
        200,
    ),
    Row(
        "PATCH /api/v1/claims/{claim_pk}/checklist/{id}/",
        "patch",
        lambda: (lambda i: f"/api/v1/claims/{i.claim_id}/checklist/{i.pk}/")(
            ChecklistItemFactory()
        ),
        CHECKER,
        200,
        {"state": "done"},
    ),
    Row(
        "GET /api/v1/claims/{claim_pk}/evidence/",
        "get",
        lambda: f"/api/v1/claims/{EvidenceFactory().claim_id}/evidence/",
        VIEWER,
        200,
    ),
    Row(
        "GET /api/v1/claims/{claim_pk}/evidence/{id}/",
        "get",
        lambda: (lambda e: f"/api/v1/claims/{e.claim_id}/evidence/{e.pk}/")(EvidenceFactory()),
        VIEWER,
        200,
    ),
    Row(
        "POST /api/v1/claims/{claim_pk}/evidence/",
        "post",
        lambda: f"/api/v1/claims/{ClaimFactory().pk}/evidence/",
        CHECKER,
        201,
        {"url": "https://example.org/source"},
    ),
    Row(
        "DELETE /api/v1/claims/{claim_pk}/evidence/{id}/",
        "delete",
        lambda: (lambda e: f"/api/v1/claims/{e.claim_id}/evidence/{e.pk}/")(EvidenceFactory()),
        CHECKER,
        204,
    ),
    Row("GET /api/v1/entities/", "get", lambda: "/api/v1/entities/", VIEWER, 200),
    Row(
        "GET /api/v1/entities/{id}/",
        "get",
        lambda: f"/api/v1/entities/{EntityFactory().pk}/",
        VIEWER,
        200,
    ),
    Row("GET /api/v1/jobs/", "get", lambda: "/api/v1/jobs/", VIEWER, 200),
    Row("GET /api/v1/jobs/{id}/", "get", lambda: f"/api/v1/jobs/{JobFactory().pk}/", VIEWER, 200),
    Row(
        "GET /api/v1/external-factchecks/",
        "get",
        lambda: "/api/v1/external-factchecks/",
        VIEWER,
        200,
    ),
    Row(
        "GET /api/v1/external-factchecks/{id}/",
        "get",
        lambda: f"/api/v1/external-factchecks/{external_factcheck().pk}/",
        VIEWER,
        200,
    ),
    Row(
        "POST /api/v1/external-factchecks/import/",
        "post",
        lambda: "/api/v1/external-factchecks/import/",
        EDITOR,
        200,
        {
            "@type": "ClaimReview",
            "url": "https://desk.example/checks/1",
            "claimReviewed": "More than 450,000 killed in Mexico",
            "reviewRating": {"alternateName": "Mostly true"},
            "author": {"name": "Desk Example"},
        },
    ),
    Row("DELETE /api/v1/auth/token/", "delete", lambda: "/api/v1/auth/token/", VIEWER, 204),
    Row(
        "POST /api/v1/articles/ (a URL alone, fetched)",
        "post",
        lambda: "/api/v1/articles/",
        CHECKER,
        202,
        {"url": "https://news.example.org/2025/05/04/troops"},
    ),
    Row("GET /api/v1/webhooks/", "get", lambda: "/api/v1/webhooks/", EDITOR, 200),
    Row(
        "POST /api/v1/webhooks/",
        "post",
        lambda: "/api/v1/webhooks/",
        EDITOR,
        201,
        {"url": "https://hooks.example.org/factcheck", "events": ["claim.published"]},
    ),
    Row(
        "GET /api/v1/webhooks/{id}/",
        "get",
        lambda: f"/api/v1/webhooks/{webhook_endpoint().pk}/",
        EDITOR,
        200,
    ),
    Row(
        "PATCH /api/v1/webhooks/{id}/",
        "patch",
        lambda: f"/api/v1/webhooks/{webhook_endpoint().pk}/",
        EDITOR,
        200,
        {"events": ["claim.created", "claim.published"]},
    ),
    Row(
        "DELETE /api/v1/webhooks/{id}/",
        "delete",
        lambda: f"/api/v1/webhooks/{webhook_endpoint().pk}/",
        EDITOR,
        204,
    ),
    Row(
        "POST /api/v1/webhooks/{id}/rotate-secret/",
        "post",
        lambda: f"/api/v1/webhooks/{webhook_endpoint().pk}/rotate-secret/",
        EDITOR,
        200,
    ),
    Row(
        "GET /api/v1/webhooks/{endpoint_pk}/deliveries/",
        "get",
        lambda: f"/api/v1/webhooks/{webhook_delivery().endpoint_id}/deliveries/",
        EDITOR,
        200,
    ),
    Row(
        "POST /api/v1/webhooks/{endpoint_pk}/deliveries/{id}/redeliver/",
        "post",
        lambda: (lambda d: f"/api/v1/webhooks/{d.endpoint_id}/deliveries/{d.pk}/redeliver/")(
            webhook_delivery()
        ),
        EDITOR,
        202,
    ),
]

# Methods the endpoints do not have: 405 for anyone signed in (401 for anonymous callers).
NOT_ALLOWED = [
    ("put", lambda: f"/api/v1/claims/{ClaimFactory().pk}/"),
    ("delete", lambda: f"/api/v1/claims/{ClaimFactory().pk}/"),
    ("get", lambda: f"/api/v1/claims/{ClaimFactory().pk}/transition/"),
    ("patch", lambda: "/api/v1/claims/"),
    ("delete", lambda: f"/api/v1/articles/{ArticleFactory().pk}/"),
    ("patch", lambda: f"/api/v1/articles/{ArticleFactory().pk}/"),
    ("get", lambda: f"/api/v1/articles/{ArticleFactory().pk}/reprocess/"),
    ("post", lambda: f"/api/v1/claims/{ChecklistItemFactory().claim_id}/checklist/"),
    (
        "delete",
        lambda: (lambda i: f"/api/v1/claims/{i.claim_id}/checklist/{i.pk}/")(
            ChecklistItemFactory()
        ),
    ),
    (
        "patch",
        lambda: (lambda e: f"/api/v1/claims/{e.claim_id}/evidence/{e.pk}/")(EvidenceFactory()),
    ),
    ("post", lambda: f"/api/v1/claims/{ClaimFactory().pk}/history/"),
    ("post", lambda: "/api/v1/entities/"),
    ("delete", lambda: f"/api/v1/jobs/{JobFactory().pk}/"),
    ("put", lambda: f"/api/v1/webhooks/{webhook_endpoint().pk}/"),
    ("get", lambda: f"/api/v1/webhooks/{webhook_endpoint().pk}/rotate-secret/"),
    ("post", lambda: f"/api/v1/webhooks/{webhook_endpoint().pk}/deliveries/"),
    (
        "delete",
        lambda: (lambda d: f"/api/v1/webhooks/{d.endpoint_id}/deliveries/{d.pk}/redeliver/")(
            webhook_delivery()
        ),
    ),
]


def client_as(user):
    client = ProblemCheckingClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def expected(row: Row, role: str) -> int:
    if role == ANON:
        return 401
    return row.ok if RANK[role] >= RANK[row.least] else 403


@pytest.mark.parametrize("role", [ANON, VIEWER, CHECKER, EDITOR, ADMIN])
@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_permission_matrix(row, role):
    user = make_user(role)
    client = client_as(user)
    path = row.path()
    response = getattr(client, row.method)(path, row.body, format="json")
    assert response.status_code == expected(row, role), response.content[:400]


@pytest.mark.parametrize("role", [ANON, VIEWER, EDITOR])
@pytest.mark.parametrize(("method", "path"), NOT_ALLOWED, ids=lambda v: str(v)[:8])
def test_methods_an_endpoint_does_not_have(method, path, role):
    client = client_as(make_user(role))
    response = getattr(client, method)(path(), {}, format="json")
    assert response.status_code == (401 if role == ANON else 405)


@pytest.mark.parametrize(
    "path",
    ["/healthz", "/readyz", "/api/schema/", "/api/docs/", "/api/v1/claimreview/"],
    ids=lambda p: p,
)
def test_probes_schema_docs_and_the_published_feed_are_open_to_anonymous_callers(anon, path):
    assert anon.get(path).status_code == 200


@pytest.mark.parametrize("role", [ANON, VIEWER, ADMIN])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_public_feed_is_read_only_for_everyone(method, role):
    response = getattr(client_as(make_user(role)), method)("/api/v1/claimreview/", {})
    assert response.status_code == 405


def test_anonymous_requests_are_401_with_a_token_challenge(anon):
    response = anon.get("/api/v1/claims/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_wrong_token_is_401(anon):
    anon.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef")
    assert anon.get("/api/v1/claims/").status_code == 401


def test_a_token_for_a_username_and_password(anon, viewer):
    response = anon.post(
        "/api/v1/auth/token/",
        {"username": "vera", "password": "correct horse battery staple"},
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert response.json()["username"] == "vera"
    anon.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert anon.get("/api/v1/claims/").status_code == 200


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "vera", "password": "wrong"},
        {"username": "nobody", "password": "correct horse battery staple"},
    ],
)
def test_bad_credentials_are_a_400_without_saying_which(anon, viewer, credentials):
    response = anon.post("/api/v1/auth/token/", credentials)
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "message": "Unable to log in with this username and password.",
            "code": "authorization",
        }
    ]


def test_an_inactive_user_gets_no_token(anon):
    UserFactory(username="gone", is_active=False)
    response = anon.post(
        "/api/v1/auth/token/", {"username": "gone", "password": "correct horse battery staple"}
    )
    assert response.status_code == 400


def test_a_revoked_token_no_longer_works(client_for, viewer):
    client = client_for(viewer)
    assert client.delete("/api/v1/auth/token/").status_code == 204
    assert client.get("/api/v1/claims/").status_code == 401


def test_session_authentication_works_and_checks_csrf(viewer, fact_checker):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(viewer)
    assert client.get("/api/v1/claims/").status_code == 200

    client.force_login(fact_checker)
    response = client.post("/api/v1/claims/", {"text": "By hand."}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_password_guessing_on_the_token_endpoint_is_throttled(anon, viewer, settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "auth": "3/minute"},
    }
    statuses = [
        anon.post("/api/v1/auth/token/", {"username": "vera", "password": f"guess{i}"}).status_code
        for i in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    response = anon.post("/api/v1/auth/token/", {"username": "vera", "password": "x"})
    assert response.json()["type"].endswith("/throttled")
    assert int(response["Retry-After"]) > 0


def test_the_matrix_covers_every_operation_of_the_schema():
    """A new endpoint cannot be added without a row here (POST auth/token/ and the published
    feed are open to all and tested on their own)."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "post", "patch", "put", "delete"}
    }
    open_to_all = {"POST /api/v1/auth/token/", "GET /api/v1/claimreview/"}
    covered = {row.name.split(" (")[0] for row in ROWS} | open_to_all
    assert covered == operations
