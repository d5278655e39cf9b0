"""JSON-LD for the ClaimReview endpoints (plain JSON too, for clients that ask for it).

Both write text that can be embedded in an HTML <script> element as it is: <, >, & and
U+2028/2029 are \\u escapes (`claims.claimreview.html_safe_json`), so a claim quoting
`</script>` cannot break out of the page that embeds its ClaimReview.
"""

from rest_framework.renderers import JSONRenderer

from claims.claimreview import html_safe_json


class ClaimReviewJSONRenderer(JSONRenderer):
    """application/json, HTML-safe (`?format=json`, `Accept: application/json`)."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raw = super().render(data, accepted_media_type, renderer_context)
        return html_safe_json(raw.decode("utf-8")).encode("utf-8")


class JSONLDRenderer(ClaimReviewJSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"
