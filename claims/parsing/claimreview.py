"""Other desks' schema.org ClaimReview, read into plain values (pure: standard library only).

Accepts what desks publish: one ClaimReview document, a list of them, a JSON-LD `@graph`, or a
schema.org `DataFeed` whose `dataFeedElement` holds ClaimReviews (our own `/api/v1/claimreview/`)
or `DataFeedItem`s wrapping them (`item`). `@type` may be a string or a list. Each review must have
an http(s) `url`, a `claimReviewed`, a `reviewRating` with an `alternateName` or a `ratingValue`,
and an `author` with a name; `datePublished` and the claim's author are kept when present.

`read_claimreviews()` returns every review or raises `ClaimReviewError` with every problem found
(the path of the member, what is wrong), so that an import is all or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

MAX_REVIEWS = 10_000
MAX_CLAIM_CHARS = 5_000
NAME_MAX = 300


@dataclass(frozen=True)
class ExternalReview:
    """One ClaimReview of another desk, as stored (`claims.models.ExternalFactCheck`)."""

    url: str
    claim_reviewed: str
    rating: str
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    author_name: str
    author_url: str
    claimant: str
    date_published: dt.date | None
    document: dict[str, Any]


class ClaimReviewError(ValueError):
    """The input is not ClaimReview we can import; `problems` lists (path, message) for each."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        shown = "; ".join(f"{path}: {message}" for path, message in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"not importable ClaimReview: {shown}{more}")


def _types(node: Any) -> set[str]:
    if not isinstance(node, dict):
        return set()
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    # "schema:ClaimReview" and "https://schema.org/ClaimReview" name the same type.
    return {k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)}


def _reviews(node: Any, path: str, problems: list[tuple[str, str]]) -> list[tuple[str, dict]]:
    """The ClaimReview objects in `node`, each with its path."""
    if isinstance(node, list):
        found = []
        for index, element in enumerate(node):
            found += _reviews(element, f"{path}[{index}]", problems)
        return found
    if not isinstance(node, dict):
        problems.append((path, "expected a JSON object or a list of them"))
        return []
    kinds = _types(node)
    if "ClaimReview" in kinds:
        return [(path, node)]
    if "@graph" in node:
        return _reviews(node["@graph"], f"{path}.@graph".lstrip("."), problems)
    if "DataFeed" in kinds:
        elements = node.get("dataFeedElement", [])
        return _reviews(elements, f"{path}.dataFeedElement".lstrip("."), problems)
    if "DataFeedItem" in kinds:
        return _reviews(node.get("item"), f"{path}.item".lstrip("."), problems)
    problems.append((path or "(document)", "not a ClaimReview, a DataFeed or a list"))
    return []


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _name(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("name"))[:NAME_MAX]
    return _text(value)[:NAME_MAX]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _date(value: Any) -> dt.date | None:
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ValueError(f"datePublished {text[:40]!r} is not an ISO date") from exc


def _http_url(value: Any) -> str:
    url = _text(value)
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc and len(url) <= 2000 else ""


def _review(path: str, node: dict, problems: list[tuple[str, str]]) -> ExternalReview | None:
    before = len(problems)
    url = _http_url(node.get("url"))
    if not url:
        problems.append((f"{path}.url".lstrip("."), "an http(s) URL is required"))
    claim = _text(node.get("claimReviewed"))
    if not claim:
        problems.append((f"{path}.claimReviewed".lstrip("."), "the claim reviewed is required"))
    rating = _first(node.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    label = _text(rating.get("alternateName"))[:NAME_MAX]
    value = _number(rating.get("ratingValue"))
    best, worst = _number(rating.get("bestRating")), _number(rating.get("worstRating"))
    if not label and value is not None:
        label = f"{value:g}" + (f" of {best:g}" if best is not None else "")
    if not label:
        problems.append(
            (f"{path}.reviewRating".lstrip("."), "an alternateName or a ratingValue is required")
        )
    author = _first(node.get("author"))
    author_name = _name(author)
    if not author_name:
        problems.append((f"{path}.author".lstrip("."), "the reviewing desk's name is required"))
    try:
        published = _date(node.get("datePublished"))
    except ValueError as exc:
        problems.append((f"{path}.datePublished".lstrip("."), str(exc)))
    if len(problems) > before:
        return None
    item = _first(node.get("itemReviewed"))
    return ExternalReview(
        url=url,
        claim_reviewed=claim[:MAX_CLAIM_CHARS],
        rating=label,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        author_name=author_name,
        author_url=_http_url(author.get("url")) if isinstance(author, dict) else "",
        claimant=_name(item.get("author")) if isinstance(item, dict) else "",
        date_published=published,
        document=node,
    )


def read_claimreviews(document: Any) -> list[ExternalReview]:
    """Every ClaimReview in a parsed JSON-LD `document`, in order, the last of each `url` kept.
    Raises ClaimReviewError listing every problem when any review is not importable, or when
    there is none."""
    problems: list[tuple[str, str]] = []
    found = _reviews(document, "", problems)
    if len(found) > MAX_REVIEWS:
        raise ClaimReviewError([("(document)", f"more than {MAX_REVIEWS} reviews: split it")])
    reviews = [r for path, node in found if (r := _review(path, node, problems)) is not None]
    if not problems and not reviews:
        problems.append(("(document)", "no ClaimReview in it"))
    if problems:
        raise ClaimReviewError(problems)
    return list({review.url: review for review in reviews}.values())
