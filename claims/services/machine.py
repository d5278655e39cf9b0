"""Recording the machine's work: the extractor's claims, their enrichment, their checklists.

Called by the pipeline stages (workers/pipeline.py). Re-running any of them refreshes machine
fields and never overwrites what a person did.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from claims.models import (
    Article,
    ChecklistItem,
    ChecklistTemplate,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    DateMention,
    Entity,
    EventKind,
    JobStage,
    Mention,
    Quantity,
    SimilarClaim,
    SimilarityDecision,
)

from . import webhook_events
from .jobs import job_queue


def entity_resolve(*, name: str, kind: str, aliases: tuple[str, ...] = ()) -> Entity:
    """The one Entity row for a real entity (kind + canonical name), adding any new aliases."""
    entity, _ = Entity.objects.get_or_create(kind=kind, name=name[:300])
    new_aliases = sorted({*entity.aliases, *(a for a in aliases if a != entity.name)})
    if new_aliases != entity.aliases:
        entity.aliases = new_aliases
        entity.save(update_fields=["aliases"])
    return entity


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
    with transaction.atomic():
        existing = {(c.start, c.end): c for c in article.claims.all()}
        recorded: list[Claim] = []
        created: list[int] = []
        for candidate in candidates:
            claimant = (
                entity_resolve(
                    name=candidate.claimant.name,
                    kind=candidate.claimant.kind,
                    aliases=tuple(candidate.claimant.aliases),
                )
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
            if claim is None:
                claim = Claim.objects.create(
                    article=article, start=candidate.start, end=candidate.end, **machine, **shape
                )
                created.append(claim.pk)
            else:
                fields = machine | (shape if _untouched(claim) else {})
                for name, value in fields.items():
                    setattr(claim, name, value)
                claim.save(update_fields=[*fields, "updated_at"])
            recorded.append(claim)
        for stale in existing.values():
            if _untouched(stale):
                stale.delete()
        for claim in recorded:
            job_queue(claim=claim, stage=JobStage.ENRICH, publish=False)
            job_queue(claim=claim, stage=JobStage.CHECKLIST, publish=False)
        webhook_events.claims_created(claim_ids=created)
    return recorded


def claim_enrichment_apply(*, claim: Claim, enrichment, similar: list[tuple[int, float]]) -> None:
    """Replace the claim's machine enrichment (mentions, quantities, dates, similar suggestions).

    Editors' decisions on similar claims are kept. A claim whose best match reaches the duplicate
    threshold is linked to the older claim as its duplicate, unless someone already linked it.
    """
    with transaction.atomic():
        Mention.objects.filter(claim=claim).delete()
        Mention.objects.bulk_create(
            Mention(
                claim=claim,
                entity=entity_resolve(name=e.canonical, kind=e.kind, aliases=(e.text,)),
                text=e.text[:300],
                start=e.start,
                end=e.end,
            )
            for e in enrichment.entities
        )
        Quantity.objects.filter(claim=claim).delete()
        Quantity.objects.bulk_create(
            Quantity(
                claim=claim,
                text=q.text[:300],
                value=q.value,
                unit=q.unit[:64],
                bound=q.bound,
                start=q.start,
                end=q.end,
            )
            for q in enrichment.quantities
        )
        DateMention.objects.filter(claim=claim).delete()
        DateMention.objects.bulk_create(
            DateMention(
                claim=claim,
                text=d.text[:200],
                value=d.value,
                granularity=d.granularity,
                start=d.start,
                end=d.end,
            )
            for d in enrichment.dates
        )
        decided = set(
            SimilarClaim.objects.filter(claim=claim)
            .exclude(decision=SimilarityDecision.SUGGESTED)
            .values_list("other_id", flat=True)
        )
        SimilarClaim.objects.filter(claim=claim, decision=SimilarityDecision.SUGGESTED).delete()
        SimilarClaim.objects.bulk_create(
            SimilarClaim(claim=claim, other_id=other_id, score=round(score, 4))
            for other_id, score in similar
            if other_id not in decided and other_id != claim.pk
        )
        summary = (
            f"{len(enrichment.entities)} entities, {len(enrichment.quantities)} quantities, "
            f"{len(enrichment.dates)} dates, {len(similar)} similar claims"
        )
        threshold = settings.FACTCHECK["SIMILAR_DUPLICATE"]
        best = max(
            (
                (other, score)
                for other, score in similar
                if other < claim.pk and other not in decided
            ),
            key=lambda pair: pair[1],
            default=None,
        )
        if best is not None and best[1] >= threshold:
            linked = Claim.objects.filter(pk=claim.pk, duplicate_of__isnull=True).update(
                duplicate_of_id=best[0]
            )
            if linked:
                summary += f"; linked as a duplicate of #{best[0]} (score {best[1]:.2f})"
        ClaimEvent.objects.create(
            claim=claim, actor_label="worker", kind=EventKind.ENRICHMENT, comment=summary
        )


def checklist_build(*, claim: Claim, run_check) -> list[ChecklistItem]:
    """Give the claim the checklist of its type's template and record the automated results.

    `run_check(check_key)` returns a result with `state` and `result`. Items are matched by title,
    so running this again adds new template items and refreshes automated results, but never
    changes an item a person has worked (done_by set) or a manual item's state. Items no longer in
    the template (the claim's type changed) are removed unless a person worked on them.
    """
    template = (
        ChecklistTemplate.objects.filter(claim_type=claim.claim_type).first()
        or ChecklistTemplate.objects.filter(claim_type=ClaimType.OTHER).first()
    )
    if template is None:
        return []
    existing = {item.title: item for item in claim.checklist.all()}
    specs = list(template.items.all())
    items: list[ChecklistItem] = []
    created: list[ChecklistItem] = []
    changed: list[ChecklistItem] = []
    now = timezone.now()
    for spec in specs:
        item = existing.get(spec.title)
        if item is None:
            item = ChecklistItem(
                claim=claim,
                template_item=spec,
                order=spec.order,
                title=spec.title,
                guidance=spec.guidance,
                required=spec.required,
                automated=bool(spec.check_key),
                check_key=spec.check_key,
            )
            created.append(item)
        if item.automated and item.done_by_id is None:
            outcome = run_check(item.check_key)
            if (item.state, item.result) != (outcome.state, outcome.result):
                item.state, item.result, item.done_at = outcome.state, outcome.result, now
                if item.pk is not None:
                    changed.append(item)
        items.append(item)
    # In bulk, with their history rows: a checklist is a dozen items, written a few times each.
    with transaction.atomic():
        if created:
            bulk_create_with_history(created, ChecklistItem)
        if changed:
            bulk_update_with_history(changed, ChecklistItem, ["state", "result", "done_at"])
        # After a change of claim type, the old type's items go, unless someone worked on them.
        claim.checklist.exclude(title__in=[spec.title for spec in specs]).filter(
            done_by__isnull=True, note=""
        ).delete()
    return items
