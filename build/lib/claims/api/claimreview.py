"""schema.org ClaimReview JSON-LD for published verdicts (https://schema.org/ClaimReview).

Built from claims loaded by `claims.selectors.claimreview_list()`; pure otherwise. The rating scale
is ours (`claims.models.Verdict`, best first): ratingValue counts down from 6 (true) to 1 (false),
with `alternateName` the verdict's label, which is what readers and search engines show.
"Unverifiable" is not a point on that scale (it is not worse than false): it carries only its
label, as schema.org allows.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from claims.models import Claim, EntityKind, Verdict
from claims.selectors import Appearance, claim_appearances

SCHEMA_ORG = "https://schema.org"
CLAIM_REVIEWED_MAX = 75

# true → 6 … false → 1, following the order of the Verdict choices.
_SCALE = [value for value in Verdict.values if value != Verdict.UNVERIFIABLE]
RATING_VALUES: dict[str, int] = {value: len(_SCALE) - index for index, value in enumerate(_SCALE)}
BEST_RATING = max(RATING_VALUES.values())
WORST_RATING = min(RATING_VALUES.values())


def shorten(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """`text` in at most `limit` characters, cut at a word boundary with an ellipsis when long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"


def _organization() -> dict[str, str]:
    return {
        "@type": "Organization",
        "name": settings.FACTCHECK["ORGANIZATION_NAME"],
        "url": settings.FACTCHECK["ORGANIZATION_URL"],
    }


def _author(claim: Claim) -> dict[str, str] | None:
    if claim.claimant is None:
        return None
    kind = "Person" if claim.claimant.kind == EntityKind.PERSON else "Organization"
    return {"@type": kind, "name": claim.claimant.name}


def _appearance(appearance: Appearance) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": appearance.headline}
    if appearance.url:
        work["url"] = appearance.url
    work["datePublished"] = appearance.published_at.date().isoformat()
    if appearance.publisher:
        work["publisher"] = {"@type": "Organization", "name": appearance.publisher}
    return work


def claimreview(claim: Claim, *, url: str, context: bool = True) -> dict[str, Any]:
    """The ClaimReview of one published claim; `url` is where this review is published."""
    appearances = [_appearance(a) for a in claim_appearances(claim)]
    item: dict[str, Any] = {"@type": "Claim"}
    author = _author(claim)
    if author is not None:
        item["author"] = author
    if appearances:
        item["datePublished"] = appearances[0]["datePublished"]
        item["firstAppearance"] = appearances[0]
        item["appearance"] = appearances
    review: dict[str, Any] = {}
    if context:
        review["@context"] = SCHEMA_ORG
    review.update(
        {
            "@type": "ClaimReview",
            "url": url,
            "claimReviewed": shorten(claim.text),
            "datePublished": (claim.published_at or claim.updated_at).date().isoformat(),
            "author": _organization(),
            "reviewRating": _rating(claim),
            "itemReviewed": item,
        }
    )
    return review


def _rating(claim: Claim) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating"}
    if claim.verdict in RATING_VALUES:
        rating |= {
            "ratingValue": RATING_VALUES[claim.verdict],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
    return rating | {
        "alternateName": Verdict(claim.verdict).label,
        "ratingExplanation": claim.verdict_summary,
    }


def claimreview_feed(
    claims: list[Claim], *, url_for, count: int, next_url: str | None, previous_url: str | None
) -> dict[str, Any]:
    """A page of ClaimReviews as a schema.org DataFeed (valid JSON-LD as a whole), with the
    pagination members every list of the API has."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "DataFeed",
        "count": count,
        "next": next_url,
        "previous": previous_url,
        "dataFeedElement": [claimreview(c, url=url_for(c), context=False) for c in claims],
    }
