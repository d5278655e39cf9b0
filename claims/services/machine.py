"""Recording the machine's work: the extractor's claims, their enrichment, their checklists.

Called by the pipeline stages (workers/pipeline.py). Re-running any of them refreshes machine
fields and never overwrites what a person did.
"""

from __future__ import annotations

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from claims.models import (
    Article,
    ChecklistItem,
    Claim,
    ClaimStatus,
    Entity,
)

from . import webhook_events
from .batch import checklists_build, claims_enrichment_apply, entities_resolve
from .jobs import claim_jobs_queue


def entity_resolve(*, name: str, kind: str, aliases: tuple[str, ...] = ()) -> Entity:
    """The one Entity row for a real entity (kind + canonical name), adding any new aliases."""
    entity, _ = Entity.objects.get_or_create(kind=kind, name=name[:300])
    new_aliases = sorted({*entity.aliases, *(a for a in aliases if a != entity.name)})
    if new_aliases != entity.aliases:
        entity.aliases = new_aliases
        entity.save(update_fields=["aliases"])
    return entity


def _claimants_resolve(candidates) -> dict[tuple[str, str], Entity]:
    """The candidates' claimants as Entity rows, all resolved at once (`entities_resolve`)."""
    wanted: dict[tuple[str, str], set[str]] = {}
    for candidate in candidates:
        if candidate.claimant is not None:
            key = (candidate.claimant.kind, candidate.claimant.name)
            wanted.setdefault(key, set()).update(candidate.claimant.aliases)
    return entities_resolve(wanted=wanted)


def article_language_record(*, article: Article, detected: str | None) -> str:
    """Record the language detected in the article's body (None: too short to tell). The article
    is read in it from then on, else in the language it was declared in; returns that one."""
    language = (detected or article.language)[:16]
    Article.objects.filter(pk=article.pk).update(
        language=language, detected_language=(detected or "")[:16]
    )
    article.language, article.detected_language = language, (detected or "")[:16]
    return language


def _untouched(claim: Claim) -> bool:
    """No person has edited, moved, or worked on this claim: the machine may still reshape it."""
    return (
        claim.version == 1
        and claim.status == ClaimStatus.NEW
        and not claim.evidence.exists()
        and not claim.checklist.filter(done_by__isnull=False).exists()
    )


def claims_record(*, article: Article, candidates) -> list[Claim]:
    """Record the extractor's candidates as the article's claims, idempotently.

    Claims are matched by span. Machine fields (score, reasons, sentence index) are refreshed on
    every run; type, claimant and attribution only while no person has touched the claim. A claim
    the extractor no longer finds is removed only if untouched, so human work is never lost.
    Queues (unpublished) enrich and checklist jobs for every claim; returns the claims.
    """
    candidates = list(candidates)
    with transaction.atomic():
        existing = {(c.start, c.end): c for c in article.claims.all()}
        recorded: list[Claim] = []
        created: list[int] = []
        new: list[Claim] = []
        claimants = _claimants_resolve(candidates)
        for candidate in candidates:
            claimant = (
                claimants[(candidate.claimant.kind, candidate.claimant.name[:300])]
                if candidate.claimant is not None
                else None
            )
            machine = {
                "text": candidate.text,
                "sentence_index": candidate.sentence_index,
                "checkworthiness": round(min(max(candidate.checkworthiness, 0.0), 1.0), 4),
                "checkworthiness_reasons": list(candidate.reasons),
            }
            shape = {
                "claim_type": candidate.claim_type,
                "claimant": claimant,
                "attribution": candidate.attribution,
            }
            claim = existing.pop((candidate.start, candidate.end), None)
            if claim is None:  # written below, all new claims in one insert
                claim = Claim(
                    article=article, start=candidate.start, end=candidate.end, **machine, **shape
                )
                new.append(claim)
            else:
                fields = machine | (shape if _untouched(claim) else {})
                for name, value in fields.items():
                    setattr(claim, name, value)
                claim.save(update_fields=[*fields, "updated_at"])
            recorded.append(claim)
        if new:
            bulk_create_with_history(new, Claim)
            created = [claim.pk for claim in new]
        for stale in existing.values():
            if _untouched(stale):
                stale.delete()
        claim_jobs_queue(claim_ids=[claim.pk for claim in recorded])
        webhook_events.claims_created(claim_ids=created)
    return recorded


def claim_enrichment_apply(*, claim: Claim, enrichment, similar: list[tuple[int, float]]) -> None:
    """One claim's enrichment: `claims_enrichment_apply` with a batch of one."""
    claims_enrichment_apply(results=[(claim, enrichment, similar)])


def checklist_build(*, claim: Claim, run_check) -> list[ChecklistItem]:
    """One claim's checklist: `checklists_build` with a batch of one."""
    return checklists_build(claims=[(claim, run_check)])[claim.pk]
