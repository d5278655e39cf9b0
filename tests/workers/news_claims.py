"""What the attribution tests ask of the extractor, in one place: an invented article (never
corpus text) read for the outlet below, every clause kept (threshold 0), and the claim or the
claimant a test looks at. Pure: no database."""

from __future__ import annotations

from workers.enrichment import find_entities
from workers.extraction import ClaimCandidate, extract_claims
from workers.nlp import get_nlp

OUTLET = "Daily Planet"


def last_claim(body: str) -> ClaimCandidate:
    """The article's last claim (the sentence a test is about ends the body)."""
    return extract_claims(body, outlet=OUTLET, threshold=0.0)[-1]


def claim_starting(body: str, start: str) -> ClaimCandidate:
    """The article's first claim whose text starts with `start`."""
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    return next(c for c in claims if c.text.startswith(start))


def claimant_of(body: str, start: str) -> str | None:
    claim = claim_starting(body, start)
    return claim.claimant.name if claim.claimant else None


def claimant_and_kind(body: str, start: str) -> tuple[str, str] | None:
    """The claimant's name and entity kind of the claim starting with `start`."""
    claim = claim_starting(body, start)
    return (claim.claimant.name, claim.claimant.kind) if claim.claimant else None


def last_claimant(body: str) -> str | None:
    """Who the last claim is credited to: None for the outlet (no attribution seen), "" for an
    attribution with no claimant."""
    claim = last_claim(body)
    if claim.attribution == "author":
        return None
    return claim.claimant.name if claim.claimant else ""


def mentions_in(text: str) -> dict[str, str]:
    """The entity mentions found in `text`, name → kind."""
    return {m.text: m.kind for m in find_entities(get_nlp()(text))}
