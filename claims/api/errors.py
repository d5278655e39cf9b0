"""RFC 9457 problem details for every API error.

One shape for every 4xx and 5xx the API answers (`PROBLEM_SCHEMA`, also published in the OpenAPI
schema as the `Problem` component): `type`, `title`, `status`, `detail`, `instance`, and for
validation errors an `errors` list with one entry per field message; for refused workflow moves a
`reasons` list naming every unmet precondition.

`problem_exception_handler` is DRF's EXCEPTION_HANDLER: it maps DRF exceptions, Django's Http404
and PermissionDenied, and the domain's refusals (`claims.exceptions`) to problems, so that views
simply let them propagate. Anything else becomes a 500 problem: logged with its traceback, never
shown. The `handler*` views at the bottom answer the errors raised outside DRF (an unknown URL
under /api/, a crash in middleware) in the same shape.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response

from claims import exceptions as domain

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://factcheck.example/problems/"

# slug, HTTP status, title: the catalogue of problem types (the README's API tour lists them).
PROBLEM_TYPES: dict[str, tuple[int, str]] = {
    "malformed-request": (400, "Malformed request"),
    "validation-error": (400, "Invalid request"),
    "invalid-query": (400, "Invalid query parameters"),
    "refused": (400, "Request refused"),
    "not-authenticated": (401, "Not authenticated"),
    "permission-denied": (403, "Permission denied"),
    "not-found": (404, "Not found"),
    "method-not-allowed": (405, "Method not allowed"),
    "not-acceptable": (406, "Not acceptable"),
    "invalid-transition": (409, "Invalid transition"),
    "concurrent-update": (409, "Concurrent update"),
    "idempotency-key-in-use": (409, "Request with this Idempotency-Key in progress"),
    "length-required": (411, "Length required"),
    "precondition-failed": (412, "Precondition failed"),
    "payload-too-large": (413, "Payload too large"),
    "unsupported-media-type": (415, "Unsupported media type"),
    "idempotency-key-reused": (422, "Idempotency-Key reused with another request"),
    "throttled": (429, "Too many requests"),
    "server-error": (500, "Internal server error"),
}

# The JSON Schema of every problem body. Written in the subset that JSON Schema and OpenAPI 3.0
# read alike, so the same dict is the `Problem` component of the OpenAPI schema.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "An RFC 9457 problem details document.",
    "required": ["type", "title", "status", "detail"],
    "additionalProperties": False,
    "properties": {
        "type": {
            "type": "string",
            "format": "uri",
            "description": "Identifies the problem type: " + PROBLEM_BASE + "<slug>.",
            "enum": [PROBLEM_BASE + slug for slug in PROBLEM_TYPES],
        },
        "title": {"type": "string", "description": "Short summary of the problem type."},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "What went wrong with this request."},
        "instance": {"type": "string", "description": "The path of the request."},
        "errors": {
            "type": "array",
            "description": "Validation errors, one per message; `field` is absent for errors "
            "about the request as a whole.",
            "items": {
                "type": "object",
                "required": ["message", "code"],
                "additionalProperties": False,
                "properties": {
                    "field": {
                        "type": "string",
                        "description": "Field or query parameter; nested as `evidence.0.url`.",
                    },
                    "message": {"type": "string"},
                    "code": {"type": "string"},
                },
            },
        },
        "reasons": {
            "type": "array",
            "description": "For refused workflow moves: every unmet precondition.",
            "items": {"type": "string"},
        },
    },
}


# --- Exceptions of our own ------------------------------------------------------------------------
class ProblemException(exceptions.APIException):
    """An APIException that names its problem type."""

    slug = "refused"

    def __init__(self, detail: str | None = None, *, reasons: list[str] | None = None):
        super().__init__(detail)
        self.reasons = reasons or []


class MalformedRequest(ProblemException):
    status_code = status.HTTP_400_BAD_REQUEST
    slug = "malformed-request"
    default_detail = "The request body is not valid JSON."


class PayloadTooLarge(ProblemException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    slug = "payload-too-large"
    default_detail = "The request body is too large."


class InvalidQuery(exceptions.ValidationError):
    """Query parameters that do not validate (filters, ordering)."""


# The domain's refusals → (HTTP status, problem slug); the first class that matches wins.
_SERVICE_ERRORS: tuple[tuple[type[domain.ServiceError], int, str], ...] = (
    (domain.InvalidTransition, 409, "invalid-transition"),
    (domain.TransitionForbidden, 403, "permission-denied"),
    (domain.StaleVersion, 412, "precondition-failed"),
    (domain.ConcurrentUpdate, 409, "concurrent-update"),
    (domain.IdempotencyKeyReused, 422, "idempotency-key-reused"),
    (domain.IdempotencyKeyInUse, 409, "idempotency-key-in-use"),
    (domain.ServiceError, 400, "refused"),
)

_DRF_SLUGS: tuple[tuple[type[exceptions.APIException], str], ...] = (
    (exceptions.ParseError, "malformed-request"),
    (exceptions.NotAuthenticated, "not-authenticated"),
    (exceptions.AuthenticationFailed, "not-authenticated"),
    (exceptions.PermissionDenied, "permission-denied"),
    (exceptions.NotFound, "not-found"),
    (exceptions.MethodNotAllowed, "method-not-allowed"),
    (exceptions.NotAcceptable, "not-acceptable"),
    (exceptions.UnsupportedMediaType, "unsupported-media-type"),
    (exceptions.Throttled, "throttled"),
)


# --- Building problems ----------------------------------------------------------------------------
def problem(
    slug: str,
    detail: str,
    *,
    status_code: int | None = None,
    instance: str | None = None,
    errors: list[dict] | None = None,
    reasons: list[str] | None = None,
) -> dict[str, Any]:
    default_status, title = PROBLEM_TYPES[slug]
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug,
        "title": title,
        "status": status_code or default_status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    if reasons:
        body["reasons"] = reasons
    return body


# A problem never echoes a request back: a body of 100,000 unknown names (or one name of 900 kB)
# answers with at most MAX_ERRORS entries, field names and messages cut, the rest counted.
MAX_ERRORS = 50
MAX_FIELD_CHARS = 100
MAX_MESSAGE_CHARS = 300
MAX_SUMMARY_FIELDS = 10


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def field_errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested error detail into one entry per message, with dotted field paths;
    bounded (MAX_ERRORS entries, then one saying how many more; names and messages cut)."""
    found = list(_field_errors(detail, prefix))
    if len(found) <= MAX_ERRORS:
        return found
    more = len(found) - MAX_ERRORS
    return [
        *found[:MAX_ERRORS],
        {"message": f"… and {more:,} more errors not listed.", "code": "too_many_errors"},
    ]


def _field_errors(detail: Any, prefix: str = "") -> Iterator[dict[str, str]]:
    if isinstance(detail, dict):
        for key, value in detail.items():
            if key in ("non_field_errors", "__all__"):
                path = prefix
            else:
                path = f"{prefix}.{key}" if prefix else str(key)
            yield from _field_errors(value, path)
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                yield from _field_errors(value, f"{prefix}.{index}" if prefix else str(index))
            else:
                yield from _field_errors(value, prefix)
    else:
        entry = {
            "message": _cut(str(detail), MAX_MESSAGE_CHARS),
            "code": getattr(detail, "code", None) or "invalid",
        }
        if prefix:
            entry = {"field": _cut(prefix, MAX_FIELD_CHARS), **entry}
        yield entry


def _summary(errors: list[dict[str, str]]) -> str:
    named = sorted({e["field"] for e in errors if "field" in e})
    if len(named) > MAX_SUMMARY_FIELDS:
        shown = ", ".join(named[:MAX_SUMMARY_FIELDS])
        return f"Invalid value for {shown} and other fields (see errors)."
    if named:
        return "Invalid value for " + ", ".join(named) + "."
    return errors[0]["message"] if errors else "The request is invalid."


def problem_response(body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    return Response(body, status=body["status"], headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def problem_exception_handler(exc: Exception, context: dict) -> Response:
    """DRF's EXCEPTION_HANDLER: every exception raised in an API view becomes a problem."""
    # Imported here: rest_framework.views loads the parser classes, which import this module.
    from rest_framework.views import set_rollback

    request = context.get("request")
    instance = request.path if request is not None else None
    headers: dict[str, str] = {}

    if isinstance(exc, Http404):
        exc = exceptions.NotFound("No such resource.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)

    if isinstance(exc, domain.ServiceError):
        return _service_problem(exc, instance)

    if isinstance(exc, exceptions.APIException):
        if auth_header := getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = auth_header
        if wait := getattr(exc, "wait", None):
            headers["Retry-After"] = f"{int(wait)}"
        set_rollback()
        if isinstance(exc, ProblemException):
            body = problem(
                exc.slug,
                str(exc.detail),
                status_code=exc.status_code,
                instance=instance,
                reasons=exc.reasons,
            )
        elif isinstance(exc, exceptions.ValidationError):
            errors = field_errors(exc.detail)
            slug = "invalid-query" if isinstance(exc, InvalidQuery) else "validation-error"
            body = problem(slug, _summary(errors), instance=instance, errors=errors)
        else:
            detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
            slug = next((s for cls, s in _DRF_SLUGS if isinstance(exc, cls)), None) or (
                "refused" if exc.status_code < 500 else "server-error"
            )
            body = problem(slug, str(detail), status_code=exc.status_code, instance=instance)
        return problem_response(body, headers)

    # Anything else is a bug: log it with its traceback for the operator, tell the client nothing.
    logger.exception("Unhandled error in %s", instance, exc_info=exc)
    set_rollback()
    return problem_response(
        problem(
            "server-error",
            "An unexpected error occurred; it has been logged.",
            instance=instance,
        )
    )


def _service_problem(exc: domain.ServiceError, instance: str | None) -> Response:
    """A refusal of the domain as its problem. A 400 about one input names it in `errors`, like
    the serializers' field errors, with the service's own message."""
    from rest_framework.views import set_rollback

    status_code, slug = next((code, s) for cls, code, s in _SERVICE_ERRORS if isinstance(exc, cls))
    errors = None
    if exc.field and status_code == 400:
        slug = "validation-error"
        errors = [{"field": exc.field, "message": exc.message, "code": "invalid"}]
    set_rollback()
    body = problem(
        slug,
        exc.message,
        status_code=status_code,
        instance=instance,
        errors=errors,
        reasons=exc.reasons,
    )
    return problem_response(body)


# --- Errors raised outside DRF views (factcheck/urls.py handler404 / handler500 …) ----------------
def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _problem_json(body: dict[str, Any]) -> JsonResponse:
    return JsonResponse(body, status=body["status"], content_type=PROBLEM_CONTENT_TYPE)


def handler400(request, exception=None):
    if _is_api(request):
        return _problem_json(problem("malformed-request", "Bad request.", instance=request.path))
    return defaults.bad_request(request, exception)


def handler403(request, exception=None):
    if _is_api(request):
        return _problem_json(problem("permission-denied", "Forbidden.", instance=request.path))
    return defaults.permission_denied(request, exception)


def handler404(request, exception=None):
    if _is_api(request):
        return _problem_json(problem("not-found", "No such resource.", instance=request.path))
    return defaults.page_not_found(request, exception)


def handler500(request):
    if _is_api(request):
        return _problem_json(
            problem(
                "server-error",
                "An unexpected error occurred; it has been logged.",
                instance=request.path,
            )
        )
    return defaults.server_error(request)
