"""Recording the machine's work: the extractor's claims, their enrichment, their checklists.

Called by the pipeline stages (workers/pipeline.py). Re-running any of them refreshes machine
fields and never overwrites what a person did.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from claims.models import (
    Article,
    ChecklistItem,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Entity,
    Evidence,
)

from . import webhook_events
from .batch import (
    checklists_build,
    claims_enrichment_apply,
    created_with_history,
    entities_resolve,
    history_model,
)
from .common import apply_changes, record_history
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


# What the machine owns of a claim: refreshed on every run (all shown by the API).
MACHINE_FIELDS = frozenset({"sentence_index", "checkworthiness", "checkworthiness_reasons"})
# What the machine proposes until a person touches the claim; then it is the person's. The text
# and the claimant are also what a published ClaimReview shows: a published claim is touched.
SHAPE_FIELDS = frozenset({"text", "claim_type", "claimant", "attribution"})


def _touched(claims: list[Claim]) -> set[int]:
    """The ids of the claims a person has touched — moved, edited (any field-history row by a
    person), commented, given evidence, worked a checklist step of — from a few queries for the
    whole article. The machine's own writes (history rows by nobody) do not count."""
    ids = [claim.pk for claim in claims]
    touched = {claim.pk for claim in claims if claim.status != ClaimStatus.NEW}
    if not ids:  # a new article: nothing to look up (and no query built)
        return touched
    # The history models through `history_model` (cached): `Model.history` builds a manager
    # through `inspect.getmembers` on each access.
    for rows, column in (
        (history_model(Claim).objects.filter(id__in=ids, history_user__isnull=False), "id"),
        (ClaimEvent.objects.filter(claim_id__in=ids, actor__isnull=False), "claim_id"),
        (history_model(Evidence).objects.filter(claim_id__in=ids), "claim_id"),
        (ChecklistItem.objects.filter(claim_id__in=ids, done_by__isnull=False), "claim_id"),
        (
            history_model(ChecklistItem).objects.filter(
                claim_id__in=ids, history_user__isnull=False
            ),
            "claim_id",
        ),
    ):
        touched.update(rows.values_list(column, flat=True).distinct())
    return touched


def _machine_refresh(claim: Claim, values: dict, *, owned: frozenset[str]) -> None:
    """Write the machine's values of the `owned` fields that changed, as a new version of the
    claim with its field-history row (by nobody): clients holding the old ETag see it changed.
    Nothing changed, nothing written. The claim's row is locked by the caller."""
    changes = {}
    for name, value in values.items():
        if name not in owned:
            continue
        current = claim.claimant_id if name == "claimant" else getattr(claim, name)
        new = value.pk if name == "claimant" and value is not None else value
        if current != new:
            changes[name] = value
    if not changes:
        return
    written = {**changes, "version": claim.version + 1, "updated_at": timezone.now()}
    Claim.objects.filter(pk=claim.pk).update(**written)
    apply_changes(written, claim)
    record_history(claim, actor=None, reason="re-processing: " + ", ".join(sorted(changes)))


def claims_record(*, article: Article, candidates) -> list[Claim]:
    """Record the extractor's candidates as the article's claims, idempotently.

    Claims are matched by span. Machine fields (score, reasons, sentence index) are refreshed on
    every run; text, type, claimant and attribution only while no person has touched the claim
    (so a person's edits stay, and a published claim never changes under its ClaimReview). A
    write that changes anything is a new version with a field-history row; a run that finds the
    same writes nothing. A claim the extractor no longer finds is removed only if untouched, so
    human work is never lost. Queues (unpublished) enrich and checklist jobs for every claim;
    returns the claims.
    """
    candidates = list(candidates)
    with transaction.atomic(savepoint=False):  # part of the caller's, when it has one
        # Locked: a person's edit waits for this run (or this run for it), never interleaves.
        rows = list(article.claims.select_for_update().order_by("pk"))
        touched = _touched(rows)
        existing = {(c.start, c.end): c for c in rows}
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
            values = {
                "text": candidate.text,
                "sentence_index": candidate.sentence_index,
                "checkworthiness": round(min(max(candidate.checkworthiness, 0.0), 1.0), 4),
                "checkworthiness_reasons": list(candidate.reasons),
                "claim_type": candidate.claim_type,
                "claimant": claimant,
                "attribution": candidate.attribution,
            }
            claim = existing.pop((candidate.start, candidate.end), None)
            if claim is None:  # written below, all new claims in one insert
                claim = Claim(article=article, start=candidate.start, end=candidate.end, **values)
                claim._history_user = None  # type: ignore[attr-defined]  # the machine's
                new.append(claim)
            else:
                owned = MACHINE_FIELDS if claim.pk in touched else MACHINE_FIELDS | SHAPE_FIELDS
                _machine_refresh(claim, values, owned=owned)
            recorded.append(claim)
        if new:
            created_with_history(new, Claim)
            created = [claim.pk for claim in new]
            # A new claim's checklist is known empty (items come from its checklist stage, whose
            # job is queued here; people cannot add any): the batch's checklists need not read it.
            empty = ChecklistItem.objects.none()
            for claim in new:
                claim._prefetched_objects_cache = {"checklist": empty}  # type: ignore[attr-defined]
        for stale in existing.values():
            if stale.pk not in touched:
                stale.delete()
        claim_jobs_queue(claim_ids=[claim.pk for claim in recorded], new=created)
        webhook_events.claims_created(claim_ids=created)
    return recorded


def claim_enrichment_apply(*, claim: Claim, enrichment, similar: list[tuple[int, float]]) -> None:
    """One claim's enrichment: `claims_enrichment_apply` with a batch of one."""
    claims_enrichment_apply(results=[(claim, enrichment, similar)])


def checklist_build(*, claim: Claim, run_check) -> list[ChecklistItem]:
    """One claim's checklist: `checklists_build` with a batch of one."""
    return checklists_build(claims=[(claim, run_check)])[claim.pk]
