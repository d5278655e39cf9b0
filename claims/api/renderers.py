"""JSON-LD for the ClaimReview endpoints (plain JSON too, for clients that ask for it), and the
claims' JSON written by orjson (`FastJSONRenderer`).

Both write text that can be embedded in an HTML <script> element as it is: <, >, & and
U+2028/2029 are \\u escapes (`claims.claimreview.html_safe_json`), so a claim quoting
`</script>` cannot break out of the page that embeds its ClaimReview.
"""

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils import encoders

from claims.claimreview import html_safe_json


class ClaimReviewJSONRenderer(JSONRenderer):
    """application/json, HTML-safe (`?format=json`, `Accept: application/json`)."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raw = super().render(data, accepted_media_type, renderer_context)
        return html_safe_json(raw.decode("utf-8")).encode("utf-8")


class JSONLDRenderer(ClaimReviewJSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


class FastJSONRenderer(JSONRenderer):
    """application/json as DRF's JSONRenderer writes it (compact, UTF-8, U+2028/2029 escaped),
    by orjson: the claims list's 50 rows took longer to encode with `json` than its query took
    to run. What orjson does not take (an `indent` asked for, a type it does not know, a
    non-string key) goes to DRF's renderer; dates, times and dataclasses go through DRF's
    encoder, as with DRF. NaN and infinity are written as null, where DRF refuses them."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}) is not None:
            return super().render(data, accepted_media_type, renderer_context)
        try:
            raw = orjson.dumps(data, default=_drf_default, option=_PASSTHROUGH)
        except TypeError:  # orjson.JSONEncodeError is one
            return super().render(data, accepted_media_type, renderer_context)
        return raw.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")


_PASSTHROUGH = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
_drf_default = encoders.JSONEncoder().default
