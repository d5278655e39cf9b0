"""Request bodies under /api/ that Django would otherwise lose.

A WSGI request without Content-Length has, for Django, an empty body: a `Transfer-Encoding:
chunked` PATCH would answer 200 and write nothing. Here, before anything reads the body:

- a chunked body is read whole (at most FACTCHECK["API_MAX_BODY_BYTES"], else 413) when the
  server has de-chunked it and marks its end (`wsgi.input_terminated`, as gunicorn does), and
  handed on with its length; a server that cannot delimit it gets 411 (send a Content-Length);
- a PATCH or PUT without a body is a 400 (a JSON document is expected), not a change of nothing.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.http import JsonResponse

from .errors import PROBLEM_CONTENT_TYPE, problem

_NEEDS_BODY = frozenset({"PATCH", "PUT"})


class RequestBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            refusal = self._read_body(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    def _read_body(self, request):
        meta = request.META
        if "chunked" in meta.get("HTTP_TRANSFER_ENCODING", "").lower():
            if not meta.get("wsgi.input_terminated"):
                return _problem(
                    request,
                    "length-required",
                    "This server cannot read a chunked request body: send it with a "
                    "Content-Length.",
                )
            limit = settings.FACTCHECK["API_MAX_BODY_BYTES"]
            body = meta["wsgi.input"].read(limit + 1)
            if len(body) > limit:
                return _problem(
                    request,
                    "payload-too-large",
                    f"The request body is larger than {limit:,} bytes "
                    "(FACTCHECK_API_MAX_BODY_BYTES).",
                )
            meta["CONTENT_LENGTH"] = str(len(body))
            request._stream = LimitedStream(io.BytesIO(body), len(body))
        if request.method in _NEEDS_BODY and _length(meta) == 0:
            return _problem(
                request,
                "malformed-request",
                f"The request body is empty; a JSON document is expected ({request.method} "
                "with the fields to change).",
            )
        return None


def _length(meta) -> int:
    try:
        return int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _problem(request, slug: str, detail: str):
    # A plain JsonResponse: this answers before DRF (and its renderers) see the request.
    body = problem(slug, detail, instance=request.path)
    return JsonResponse(body, status=body["status"], content_type=PROBLEM_CONTENT_TYPE)
