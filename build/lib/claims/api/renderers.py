"""JSON-LD for the ClaimReview endpoints (plain JSON too, for clients that ask for it)."""

from rest_framework.renderers import JSONRenderer


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"
