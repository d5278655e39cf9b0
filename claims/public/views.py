"""The public index and pages of published fact-checks (docs/factchecks.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page, require_safe

from claims import selectors
from claims.claimreview import (
    claim_appearances,
    claim_reviewed,
    claimreview,
    jsonld_script,
    public_path,
)
from claims.models import Claim, Verdict

PAGE_SIZE = 20
# What readers see is the same for everyone and changes when a verdict is published or corrected:
# shared caches may keep a page this long (and ask again with the ETag afterwards).
CACHE_SECONDS = 300


def _public(view):
    """GET/HEAD only, the same answer for everyone (public cache), an ETag and 304s."""
    return require_safe(cache_control(public=True, max_age=CACHE_SECONDS)(conditional_page(view)))


def _organization() -> dict[str, str]:
    return {
        "name": settings.FACTCHECK["ORGANIZATION_NAME"],
        "url": settings.FACTCHECK["ORGANIZATION_URL"],
    }


@_public
def factcheck_index(request: HttpRequest) -> HttpResponse:
    """Published fact-checks, newest first, `PAGE_SIZE` a page (`?page=N`; a page that does not
    exist is a 404). Two queries: the count and the page."""
    paginator = Paginator(selectors.public_factcheck_list(), PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404(str(exc)) from exc
    entries = [
        {
            "claim": claim,
            "reviewed": claim_reviewed(claim),
            "verdict": Verdict(claim.verdict).label,
            "path": public_path(claim),
        }
        for claim in page.object_list
    ]
    return render(
        request,
        "public/index.html",
        {"page": page, "entries": entries, "organization": _organization()},
    )


@_public
def factcheck_detail(request: HttpRequest, key: str) -> HttpResponse:
    """One published claim: `key` is `<id>` or `<id>-<slug>`; the id finds it, and any other slug
    than the current one redirects (301) to the current address, so links stay good when the
    claim's text changes. Four queries: the claim (with its article, outlet and claimant), the
    articles of its duplicates and of its confirmed similar claims, its evidence."""
    claim_id, _, _ = key.partition("-")
    try:
        claim = selectors.public_factcheck(claim_id=int(claim_id))
    except (ValueError, Claim.DoesNotExist) as exc:
        raise Http404("No published fact-check here.") from exc
    canonical = public_path(claim)
    if request.path != canonical:
        return HttpResponsePermanentRedirect(canonical)
    review = claimreview(claim, absolute_uri=request.build_absolute_uri)
    return render(
        request,
        "public/detail.html",
        {
            "claim": claim,
            "reviewed": claim_reviewed(claim),
            "verdict": Verdict(claim.verdict).label,
            "appearances": claim_appearances(claim),
            "evidence": list(claim.evidence.all()),
            "review_url": review["url"],
            "jsonld": jsonld_script(review),
            "organization": _organization(),
        },
    )
