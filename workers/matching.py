"""Matching a claim against other desks' imported fact-checks, during enrichment.

`external_matches()` is the one call the enrichment stage makes: candidates from the selector
over the external table (trigram on PostgreSQL), ranked by the pure `match_factchecks` at
FACTCHECK_EXTERNAL_MATCH. Recorded by `services.claim_external_matches_apply()`.
"""

from __future__ import annotations

from django.conf import settings

from claims import selectors

from .enrich.factchecks import match_factchecks


def any_external() -> bool:
    """Whether any other desk's fact-check was imported (else no claim can match one)."""
    return selectors.external_factchecks_exist()


def external_matches(text: str) -> list[tuple[int, float]]:
    """(external fact-check id, score) that say the same as `text`, best first (one query)."""
    return match_factchecks(
        text,
        selectors.external_factcheck_candidates(text=text),
        threshold=settings.FACTCHECK["EXTERNAL_MATCH"],
    )


def external_checks(claim_id: int) -> tuple[tuple[str, str, str, float], ...]:
    """The claim's matches as the automated check "already checked by …" reads them:
    (desk, rating, url, score), best first."""
    return tuple(
        (m.external.author_name, m.external.rating, m.external.url, m.score)
        for m in selectors.claim_external_matches(claim_id=claim_id)
    )
