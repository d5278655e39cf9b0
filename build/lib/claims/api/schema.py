"""OpenAPI generation (drf-spectacular): every operation also documents the problem responses
it can answer, all with the one `Problem` schema of `claims.api.errors`."""

from __future__ import annotations

import copy

from drf_spectacular import openapi
from drf_spectacular.plumbing import ResolvedComponent

from .errors import PROBLEM_CONTENT_TYPE, PROBLEM_SCHEMA

DESCRIPTIONS = {
    "400": "Malformed JSON, invalid UTF-8, invalid fields or query parameters (listed per "
    "field in `errors`), or a request the service refuses.",
    "401": "Not authenticated: send `Authorization: Token <key>` or a session cookie.",
    "403": "Your role does not allow this.",
    "404": "No such resource (or page).",
    "406": "The Accept header names no media type this endpoint can produce.",
    "409": "Invalid workflow move (every unmet precondition in `reasons`), a concurrent update, "
    "or a request with the same Idempotency-Key still running.",
    "412": "If-Match names a version other than the claim's current one.",
    "413": "The request body is larger than FACTCHECK_API_MAX_BODY_BYTES (1 MiB by default).",
    "415": "The request body is not application/json.",
    "422": "The Idempotency-Key was already used with another request.",
    "429": "Throttled: retry after the number of seconds in Retry-After.",
    "500": "Unexpected error; logged, with no detail in the answer.",
}


class AutoSchema(openapi.AutoSchema):
    def _problem_ref(self) -> dict:
        component = ResolvedComponent(
            name="Problem",
            type=ResolvedComponent.SCHEMA,
            object="Problem",
            # A copy: spectacular's post-processing rewrites component schemas in place.
            schema=copy.deepcopy(PROBLEM_SCHEMA),
        )
        self.registry.register_on_missing(component)
        return component.ref

    def _problem_codes(self) -> list[str]:
        codes = {"401", "403", "406", "429", "500"}
        header_names = {p.name for p in self.get_override_parameters() if hasattr(p, "name")}
        has_path_params = "{" in self.path
        if has_path_params or self._is_list_view():
            codes.add("404")
        if self._is_list_view() or self.method in ("POST", "PATCH", "PUT"):
            codes.add("400")
        if self.method in ("POST", "PATCH", "PUT"):
            codes.update({"413", "415"})
        if "If-Match" in header_names:
            codes.update({"409", "412"})
        if "Idempotency-Key" in header_names:
            codes.update({"409", "422"})
        if self.method == "POST" and self.path.endswith("/transition/"):
            codes.add("409")
        codes -= set(getattr(self.view, "problem_codes_exclude", ()))
        if not self.get_auth():
            codes -= {"401"}
        return sorted(codes)

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        ref = self._problem_ref()
        for code in self._problem_codes():
            responses.setdefault(
                code,
                {
                    "description": DESCRIPTIONS[code],
                    "content": {PROBLEM_CONTENT_TYPE: {"schema": ref}},
                },
            )
        return responses
