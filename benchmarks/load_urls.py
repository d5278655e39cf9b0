"""The service's URLs plus `bench/flat-claims/`: the rows of the claims list's first page as plain
`.values()`, the yardstick the HTTP load run (`benchmarks.load`) compares the API's list with."""

from django.http import JsonResponse
from django.urls import path

from claims.models import Claim
from factcheck.urls import urlpatterns as service

FIELDS = [
    "id",
    "article_id",
    "text",
    "start",
    "end",
    "claim_type",
    "checkworthiness",
    "claimant_id",
    "status",
    "verdict",
    "assignee_id",
    "priority",
    "due_at",
    "version",
    "updated_at",
]


def flat_claims(request):
    rows = Claim.objects.order_by(*Claim._meta.ordering).values(*FIELDS)[:50]
    return JsonResponse({"results": list(rows)})


urlpatterns = [path("bench/flat-claims/", flat_claims), *service]
