"""schema.org ClaimReview JSON-LD for published verdicts (https://schema.org/ClaimReview).

The domain's one builder, used by the API (a claim's review, the feed) and the admin (the export).
Built from claims loaded by `claims.selectors.claimreview_list()`; pure otherwise. The rating scale
is ours (`claims.models.Verdict`, best first): ratingValue counts down from 6 (true) to 1 (false),
with `alternateName` the verdict's label, which is what readers and search engines show.
"Unverifiable" is not a point on that scale (it is not worse than false): it carries only its
label, as schema.org allows.

What the desk records decides two members: `claimReviewed` is the claim's short summary when an
editor wrote one, else its whole sentence (`claim_reviewed`, never cut); `url` is where the
fact-check is published (`review_url`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify

from claims.models import Claim, EntityKind, Verdict
from claims.text import ellipsize

SCHEMA_ORG = "https://schema.org"

# true → 6 … false → 1, following the order of the Verdict choices.
_SCALE = [value for value in Verdict.values if value != Verdict.UNVERIFIABLE]
RATING_VALUES: dict[str, int] = {value: len(_SCALE) - index for index, value in enumerate(_SCALE)}
BEST_RATING = max(RATING_VALUES.values())
WORST_RATING = min(RATING_VALUES.values())


# JSON-LD is made to be embedded in a page's <script type="application/ld+json">: these characters
# must never appear raw in it (`</script>` would end the element; U+2028/2029 end a line in
# JavaScript). As \u escapes the JSON means the same, so the text is escaped wherever it is written.
_HTML_UNSAFE = {ord(c): f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


def html_safe_json(text: str) -> str:
    """JSON text (as json.dumps writes it) with <, >, & and U+2028/2029 as \\u escapes: safe to
    embed in an HTML <script> element, and the same JSON document."""
    return text.translate(_HTML_UNSAFE)


def jsonld_dumps(data: Any, *, indent: int | None = None) -> str:
    """A JSON-LD document as text that can be embedded in HTML (`html_safe_json`)."""
    return html_safe_json(json.dumps(data, indent=indent, ensure_ascii=False))


# Makes an absolute URL of a path: the request's `build_absolute_uri`.
AbsoluteURI = Callable[[str], str]


def claim_reviewed(claim: Claim) -> str:
    """ClaimReview's `claimReviewed`: the short summary an editor wrote, else the claim's whole
    sentence — on one line, never cut (a summary is the way to make it shorter)."""
    return " ".join((claim.summary or claim.text).split())


# The words of the claim in its public page's address: enough to read, short enough to share.
SLUG_MAX = 60


def public_slug(claim: Claim) -> str:
    """The readable part of the public page's address: the claim reviewed, slugified, cut at a
    word. The id alone finds the page; the slug may change with the text (the old address then
    redirects to the new one)."""
    return slugify(ellipsize(claim_reviewed(claim), SLUG_MAX).rstrip("…"))


def public_path(claim: Claim) -> str:
    """The public fact-check page of a published claim: `/factchecks/<id>-<slug>/`."""
    slug = public_slug(claim)
    key = f"{claim.pk}-{slug}" if slug else str(claim.pk)
    return reverse("factchecks:detail", kwargs={"key": key})


def review_url(claim: Claim, *, absolute_uri: AbsoluteURI) -> str:
    """ClaimReview's `url`, where the fact-check is published: the URL the desk recorded
    (`Claim.review_url`), else the service's own public page for the claim (`public_path`)."""
    if claim.review_url:
        return claim.review_url
    return absolute_uri(public_path(claim))


def jsonld_script(document: dict[str, Any]) -> str:
    """A JSON-LD document as the text of a `<script type="application/ld+json">` element (the
    public page's): `jsonld_dumps`, so that no claim text can close the element."""
    return jsonld_dumps(document, indent=2)


@dataclass(frozen=True)
class Appearance:
    """An article a claim appeared in."""

    url: str | None
    headline: str
    published_at: dt.datetime
    publisher: str | None


def claim_appearances(claim: Claim) -> list[Appearance]:
    """The articles a claim (from `claimreview_list()`) appeared in, earliest first, each once."""
    # (duplicates and confirmed similar claims are loaded only when they have an article)
    articles = [claim.article] if claim.article is not None else []
    articles.extend(dup.article for dup in claim.duplicates.all() if dup.article is not None)
    confirmed = claim.confirmed_similar  # type: ignore[attr-defined]  # claimreview_list()
    articles.extend(s.other.article for s in confirmed if s.other.article is not None)
    seen: set[int] = set()
    found = []
    for article in sorted(articles, key=lambda a: (a.published_at, a.pk)):
        if article.pk in seen:
            continue
        seen.add(article.pk)
        found.append(
            Appearance(
                url=article.url,
                headline=article.title,
                published_at=article.published_at,
                publisher=article.outlet.name if article.outlet else None,
            )
        )
    return found


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


def claimreview(claim: Claim, *, absolute_uri: AbsoluteURI, context: bool = True) -> dict[str, Any]:
    """The ClaimReview of one published claim. `absolute_uri` makes the service's own URLs
    absolute (the request's `build_absolute_uri`)."""
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
            "url": review_url(claim, absolute_uri=absolute_uri),
            "claimReviewed": claim_reviewed(claim),
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
    claims: list[Claim],
    *,
    absolute_uri: AbsoluteURI,
    count: int,
    next_url: str | None,
    previous_url: str | None,
) -> dict[str, Any]:
    """A page of ClaimReviews as a schema.org DataFeed (valid JSON-LD as a whole), with the
    pagination members every list of the API has."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "DataFeed",
        "count": count,
        "next": next_url,
        "previous": previous_url,
        "dataFeedElement": [
            claimreview(c, absolute_uri=absolute_uri, context=False) for c in claims
        ],
    }
