"""The bases the API's viewsets share, in the manner of NetBox's `netbox/api/viewsets`:

- `ETagMixin`: a claim's ETag out, the request's If-Match in (RFC 9110 §8.8.3, §13.1.1).
- `ClaimChildViewSet`: resources under `claims/{claim_pk}/` (checklist, evidence, history).

and the OpenAPI parameters that document the headers they read and write.

A claim's ETag is its `version`, as a strong entity tag: `ETag: "7"`. A write that sends
`If-Match` is performed only if one of the listed tags is the claim's current version; otherwise
412. `If-Match: *` and a write without If-Match are accepted (last write wins), which keeps simple
clients simple; careful clients send If-Match. The views only read the header: the comparison is
the service's one version check (`claims.services.common.check_version`), made under the claim's
row lock, whose StaleVersion becomes the 412.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from claims.exceptions import StaleVersion
from claims.models import Claim

from .idempotency import HEADER as IDEMPOTENCY_HEADER

ID = "[0-9]+"

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The claim\'s ETag (its version, e.g. `"7"`): the write is refused with 412 '
    "if the claim has changed since. Optional: without it the write is accepted as it is.",
)
IDEMPOTENCY_KEY = OpenApiParameter(
    IDEMPOTENCY_HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="A unique string (a UUID): a retry with the same key and body replays the "
    "first answer instead of creating again; the same key with another body is a 422.",
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description="The claim's version, for If-Match.",
)
CLAIM_PK = OpenApiParameter("claim_pk", OpenApiTypes.INT, OpenApiParameter.PATH)


def raise_not_found(what: str, pk: Any) -> NoReturn:
    raise NotFound(f"No {what} {pk}.")


def etag(version: int) -> str:
    return f'"{version}"'


class ETagMixin:
    """ETag on what a view answers about a claim, If-Match read for the service to check."""

    @staticmethod
    def if_match(request) -> frozenset[int] | None:
        """The claim versions the request's If-Match names, for the service's version check;
        None when it names none (no header, or `*`). Weak tags never match (If-Match uses the
        strong comparison), so a header with only weak or garbled tags names the empty set."""
        raw = request.headers.get("If-Match")
        if raw is None or raw.strip() == "*":
            return None
        listed = set()
        for tag in raw.split(","):
            tag = tag.strip()
            if len(tag) >= 2 and tag[0] == tag[-1] == '"':
                tag = tag[1:-1]
            elif tag.startswith("W/"):
                continue
            if tag.isascii() and tag.isdigit():
                listed.add(int(tag))
        return frozenset(listed)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)  # type: ignore[misc]
        if isinstance(exc, StaleVersion):
            response["ETag"] = etag(exc.current)  # what to send back once reloaded
        return response

    @staticmethod
    def with_etag(response: Response, claim: Claim) -> Response:
        response["ETag"] = etag(claim.version)
        return response


class ClaimChildViewSet(ETagMixin, viewsets.GenericViewSet):
    """Resources under `claims/{claim_pk}/`: a list is 404 unless the claim exists; a row is
    found under its claim (joined, so that a write has the claim's status and version without
    reading it again); writes hand the request's If-Match to the service, which checks it
    against the claim."""

    lookup_value_regex = ID
    filter_backends: list = []
    # The selector of the children, taking `claim_id=`.
    children: Callable[..., Any]

    def parent_claim(self) -> Claim:
        """The claim in the URL (its id, status and version), read once per request, or 404."""
        if not hasattr(self, "_parent"):
            pk = self.kwargs["claim_pk"]
            claim = Claim.objects.only("id", "status", "version").filter(pk=pk).first()
            if claim is None:
                raise_not_found("claim", pk)
            self._parent = claim
        return self._parent

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return type(self).children(claim_id=0)
        if self.detail:  # the row's own query joins its claim: a missing claim is a 404 there
            return type(self).children(claim_id=self.kwargs["claim_pk"])
        return type(self).children(claim_id=self.parent_claim().pk)
