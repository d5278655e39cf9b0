"""The one request parser: strict JSON, UTF-8, at most FACTCHECK["API_MAX_BODY_BYTES"] bytes."""

from __future__ import annotations

import json

from django.conf import settings
from rest_framework.parsers import BaseParser

from .errors import MalformedRequest, PayloadTooLarge


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


class StrictJSONParser(BaseParser):
    """JSON bodies only (415 for anything else), answering:

    - 413 when the body is larger than the configured limit (by Content-Length when declared,
      else by reading one byte past the limit: a chunked upload cannot get round it);
    - 400 when it is not UTF-8, not JSON, or holds NaN/Infinity or unpaired surrogates (neither
      can be stored or sent back as JSON).
    """

    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.FACTCHECK["API_MAX_BODY_BYTES"]
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        too_large = PayloadTooLarge(
            f"The request body is larger than {limit:,} bytes (FACTCHECK_API_MAX_BODY_BYTES)."
        )
        try:
            if declared and int(declared) > limit:
                raise too_large
        except ValueError:
            pass
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise too_large
        charset = (parser_context or {}).get("encoding") or "utf-8"
        if media_type and "charset=" in media_type.lower():
            charset = media_type.lower().split("charset=", 1)[1].split(";")[0].strip()
        if charset.replace("-", "").replace("_", "") != "utf8":
            raise MalformedRequest(f"Request bodies must be UTF-8, not {charset}.")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedRequest(
                f"The request body is not valid UTF-8 (byte {exc.start})."
            ) from None
        if not text.strip():
            raise MalformedRequest("The request body is empty; a JSON document is expected.")
        try:
            data = json.loads(text, parse_constant=_reject_constant)
            # Unpaired surrogates ("\ud800") parse but cannot be encoded again, nor stored.
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise MalformedRequest("The JSON holds an unpaired surrogate escape.") from None
        except (ValueError, RecursionError) as exc:
            raise MalformedRequest(f"The request body is not valid JSON: {exc}") from None
        return data
