"""The pipeline stages, run by the Celery tasks and by `ingest --sync` alike (one code path).

Each stage claims its Job (compare-and-swap), loads its rows, calls a pure module
(extraction / enrichment / checklists), records the result through `claims.services`, and marks
the Job done. A transient error puts the Job back to queued and propagates, so that the task's
retry policy can act; any other error marks the Job failed with the error kept on the row.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.db.models import Q, prefetch_related_objects

from claims import services
from claims.exceptions import UnsupportedLanguage
from claims.models import Article, Claim, Job, JobStage, JobState, PipelineStatus

from . import checklists, enrichment, extraction, gather, language, matching, webpage
from .outbound import FetchPolicy
from .stage_jobs import TRANSIENT_ERRORS as TRANSIENT_ERRORS  # the tasks' retry policy's
from .stage_jobs import Prepared, describe, rollup_articles, run_batch, run_job

logger = logging.getLogger(__name__)


class NotReady(Exception):
    """A stage's input is not there yet (the checklist waits for enrichment): try again later.
    Raised before the stage's job is claimed, so waiting never counts as an attempt."""


# --- Stage 0: the page, for an article ingested from a URL ----------------------------------------
def stage_fetch(article_id: int, *, task_id: str, worker: str = "") -> bool:
    """Fetch the article's page (the outbound policy), take its article (trafilatura) and fill the
    article through the ingest service, which queues extraction. A refusal fails the job with it."""

    def work(_) -> bool:
        url = Article.objects.values_list("url", flat=True).get(pk=article_id) or ""
        page = webpage.fetch_page(url, policy=FetchPolicy.from_config(settings.FACTCHECK))
        services.article_fill_from_page(
            article_id=article_id,
            text=page.text,
            title=page.title,
            author=page.author,
            published=page.published,
            outlet=page.outlet,
        )
        return True

    job = Q(article_id=article_id, stage=JobStage.FETCH)
    return bool(run_job(job, task_id=task_id, work=work, worker=worker))


# --- Stage 1: extraction -------------------------------------------------------------------------
def stage_extract(
    article_id: int,
    *,
    task_id: str,
    worker: str = "",
    rollup: bool = True,
    recorded: dict[int, Claim] | None = None,
) -> list[int] | None:
    """Find the article's claims and record them. Returns the claim ids (None if not run);
    `recorded` receives the claims as written (for the claim stages in this same run).

    The body's language is detected and recorded first; one the extractor cannot read fails the
    job with "language xx is not supported yet" instead of claims read with English rules."""

    def prepare() -> Article:
        article = Article.objects.select_related("outlet").get(pk=article_id)
        read_as = services.article_language_record(
            article=article, detected=language.detect_language(article.body)
        )
        if not language.is_supported(read_as):
            raise UnsupportedLanguage(read_as, language.unsupported_reason(read_as))
        return article

    def work(article: Article) -> list[int]:
        candidates = extraction.extract_claims(
            article.body,
            outlet=article.outlet.name if article.outlet else None,
            threshold=settings.FACTCHECK["CHECKWORTHINESS_THRESHOLD"],
            scorer=extraction.get_scorer(settings.FACTCHECK["CHECKWORTHINESS_SCORER"]),
        )
        candidates = most_checkworthy(candidates, settings.FACTCHECK["MAX_CLAIMS_PER_ARTICLE"])
        claims = services.claims_record(article=article, candidates=candidates)
        if recorded is not None:
            recorded.update((claim.pk, claim) for claim in claims)
        return [claim.pk for claim in claims]

    job = Q(article_id=article_id, stage=JobStage.EXTRACT)
    return run_job(job, task_id=task_id, work=work, worker=worker, prepare=prepare, rollup=rollup)


def most_checkworthy(candidates: list, cap: int) -> list:
    """At most `cap` candidates, the most check-worthy, in the article's order."""
    if len(candidates) <= cap:
        return candidates
    ranked = sorted(range(len(candidates)), key=lambda i: -candidates[i].checkworthiness)
    keep = set(ranked[:cap])
    return [candidate for i, candidate in enumerate(candidates) if i in keep]


# --- Extraction and the claim stages in one task, for an article with few claims ----------------
def stage_extract_and_claims(
    article_id: int, *, task_id: str, worker: str = ""
) -> list[int] | None:
    """Extraction, then, for an article with at most INLINE_CLAIMS claims, their enrichment and
    checklists in this same run (no trip through the broker). Returns the claim ids still to
    publish as `process_claims` batches (a longer article's), or None.

    The claim jobs this run holds carry its task id, so a redelivery of this message (its worker
    killed) takes them over: extraction is done by then, and the claims left queued and never
    published, or running under this task id, are run here."""
    # Not rolled up after extraction: the claim stages that follow roll the article up.
    recorded: dict[int, Claim] = {}
    claim_ids = stage_extract(
        article_id, task_id=task_id, worker=worker, rollup=False, recorded=recorded
    )
    if claim_ids is None:
        claim_ids = _left_by(article_id, task_id)
    if claim_ids and len(claim_ids) <= settings.FACTCHECK["INLINE_CLAIMS"]:
        stage_claims(
            claim_ids, task_id=task_id, worker=worker, article_id=article_id, claims=recorded
        )
        return None
    services.article_pipeline_rollup(article_id=article_id)
    return claim_ids or None


def _left_by(article_id: int, task_id: str) -> list[int]:
    """The article's claims whose claim-stage jobs a previous run of this task left: running
    under its id, or queued and never published (it meant to run them itself)."""
    left = Job.objects.filter(
        Q(state=JobState.RUNNING, task_id=task_id)
        | Q(state=JobState.QUEUED, published_at__isnull=True),
        claim__article_id=article_id,
    ).values_list("claim_id", flat=True)
    return sorted(set(left))


# --- Stages 2 and 3: enrichment and checklists, per batch of an article's claims -----------------
def stage_claims(
    claim_ids: list[int],
    *,
    task_id: str,
    worker: str = "",
    article_id: int | None = None,
    claims: dict[int, Claim] | None = None,
) -> None:
    """Enrichment then checklists for a batch of claims (one task per article, or per chunk of a
    long one): the stages' inputs gathered in bulk, written in bulk, one transaction per stage;
    the articles rolled up once, after both stages (between them the article is running anyway),
    in the checklists' transaction when the caller names the batch's one article. `claims`: the
    batch's claims as this run's extraction wrote them (not read again)."""
    written: dict[int, tuple[Claim, gather.ClaimRows]] = {}
    held: set[int] = set()  # checklist jobs started in the enrichment's commit (one commit fewer)

    def start_checklists(enriching: set[int]) -> None:
        # Only the claims whose enrichment this run held: no other run is enriching them.
        held.clear()
        held.update(
            services.claim_jobs_start(
                stage=JobStage.CHECKLIST,
                claim_ids=sorted(enriching),
                task_id=task_id,
                worker=worker,
            )
        )

    # Whether other desks' fact-checks were imported, asked once for both stages of the run.
    imported = matching.any_external()
    enriched = stage_enrich_batch(
        claim_ids,
        task_id=task_id,
        worker=worker,
        rollup=False,
        written=written,
        then=start_checklists,
        claims=claims,
        imported=imported,
    )
    checked = stage_checklist_batch(
        claim_ids,
        task_id=task_id,
        worker=worker,
        rollup=False,
        enriched={pk: written[pk] for pk in enriched if pk in written},
        article_id=article_id,
        held=held,
        imported=imported,
    )
    if article_id is None or not checked:
        rollup_articles(claim_ids)


def stage_enrich(claim_id: int, *, task_id: str, worker: str = "") -> bool:
    """Entities, quantities, dates and similar claims for one claim (a person's re-run)."""
    return claim_id in stage_enrich_batch([claim_id], task_id=task_id, worker=worker)


def stage_checklist(claim_id: int, *, task_id: str, worker: str = "") -> bool:
    """One claim's checklist. Raises NotReady, before its job counts an attempt, while the
    claim's enrichment is still to run."""
    return claim_id in stage_checklist_batch([claim_id], task_id=task_id, worker=worker, wait=True)


def stage_enrich_batch(
    claim_ids: list[int],
    *,
    task_id: str,
    worker: str = "",
    rollup: bool = True,
    written: dict[int, tuple[Claim, gather.ClaimRows]] | None = None,
    then: Callable[[set[int]], object] | None = None,
    claims: dict[int, Claim] | None = None,
    imported: bool | None = None,
) -> set[int]:
    """Entities, quantities, dates and similar claims for each claim; returns the claims done.
    `written` receives each written claim and its rows (a claim not returned as done may be in
    it: its write was undone); `then(claims held)` runs in the commit of the results; `claims`:
    the claims as this run has them (with their article and claimant), not read again;
    `imported`: whether other desks' fact-checks exist, when the caller has asked."""

    given = claims or {}

    def work(ours: set[int]) -> Prepared:
        found, errors = {}, {}
        claims = _claims_given(ours, given) or gather.claims_for_enrichment(ours)
        for claim in claims:
            try:
                reference = claim.article.published_at if claim.article else claim.created_at
                found[claim.pk] = enrichment.enrich(
                    claim.text, reference_date=reference.date(), offset=claim.start or 0
                )
            except Exception as exc:  # a poison claim fails its own job, not its siblings'
                logger.exception("enrichment of claim %s failed", claim.pk)
                errors[claim.pk] = describe(exc)
        enriched = [claim for claim in claims if claim.pk in found]
        canonicals = {pk: {e.canonical for e in f.entities} for pk, f in found.items()}
        similar = gather.similar_claims_many(enriched, canonicals=canonicals)
        results = [(claim, found[claim.pk], similar[claim.pk]) for claim in enriched]
        # Other desks' fact-checks (docs/factchecks.md): none imported, nothing to match or keep.
        external = (
            {claim.pk: matching.external_matches(claim.text) for claim in enriched}
            if (matching.any_external() if imported is None else imported)
            else {}
        )

        def write(batch: list) -> None:
            mentioned = services.claims_enrichment_apply(results=batch)
            if written is not None:
                for claim, result, _ in batch:
                    written[claim.pk] = (claim, gather.rows_written(result, mentioned[claim.pk]))
            for claim, _, _ in batch:
                if claim.pk in external:
                    services.claim_external_matches_apply(claim=claim, matches=external[claim.pk])

        return Prepared(write, results, errors)

    return run_batch(
        JobStage.ENRICH,
        claim_ids,
        task_id=task_id,
        worker=worker,
        work=work,
        rollup=rollup,
        then=then,
    )


def stage_checklist_batch(
    claim_ids: list[int],
    *,
    task_id: str,
    worker: str = "",
    wait: bool = False,
    rollup: bool = True,
    enriched: dict[int, tuple[Claim, gather.ClaimRows]] | None = None,
    article_id: int | None = None,
    held: set[int] = frozenset(),  # type: ignore[assignment]
    imported: bool | None = None,
) -> set[int]:
    """Each claim's checklist and its automated checks, once its enrichment has run. A claim whose
    enrichment another run still holds is left queued for that run (or raises NotReady with
    `wait`); returns the claims done. `enriched`: claims this run has just enriched, with their
    rows (neither looked up nor read again); `article_id`: the batch's one article, rolled up
    in the stage's transaction; `held`: claims whose checklist job this run already holds;
    `imported`: whether other desks' fact-checks exist, when the caller has asked."""
    enriched = enriched or {}
    unknown = [c for c in claim_ids if c not in enriched and c not in held]
    pending = set(
        Job.objects.filter(
            claim_id__in=unknown,
            stage=JobStage.ENRICH,
            state__in=[JobState.QUEUED, JobState.RUNNING],
        ).values_list("claim_id", flat=True)
        if unknown
        else ()
    )
    if pending and wait:
        raise NotReady(f"claims {sorted(pending)} are not enriched yet")
    ready = [claim_id for claim_id in claim_ids if claim_id not in pending]

    def work(ours: set[int]) -> Prepared:
        claims = [enriched[pk][0] for pk in sorted(ours) if pk in enriched]
        # Not read for claims this run's extraction created (their checklist is known empty).
        prefetch_related_objects(claims, "checklist")
        rows = {claim.pk: enriched[claim.pk][1] for claim in claims}
        unread = ours - set(rows)
        for claim in gather.claims_for_checklists(unread) if unread else ():
            claims.append(claim)
            rows[claim.pk] = gather.rows_read(claim)
        contexts = gather.check_contexts(claims, rows, imported=imported)
        pairs = [
            (claim, lambda key, context=contexts[claim.pk]: checklists.run_check(key, context))
            for claim in claims
        ]
        build = services.checklists_build
        return Prepared(lambda batch: build(claims=batch, returning=False), pairs, {})

    return run_batch(
        JobStage.CHECKLIST,
        ready,
        task_id=task_id,
        worker=worker,
        work=work,
        rollup=rollup,
        article_id=article_id,
        held=held,
    )


def _claims_given(claim_ids: set[int], claims: dict[int, Claim]) -> list[Claim]:
    """The claims of `claim_ids` from `claims` (a run's own, as it wrote them), when it holds
    them all with their article and claimant loaded; else none (the caller reads them)."""
    if not claims or not claim_ids <= claims.keys():
        return []
    found = [claims[pk] for pk in sorted(claim_ids)]
    loaded = all(
        Claim.article.is_cached(c) and (c.claimant_id is None or Claim.claimant.is_cached(c))
        for c in found
    )
    return found if loaded else []


# --- Running a whole article in-process (`ingest --sync`) ----------------------------------------
def article_run_sync(article_id: int) -> str:
    """Run every queued stage of the article in this process, through the same stage functions
    the workers run. Returns the article's pipeline status afterwards."""
    task_id = f"sync-{uuid.uuid4()}"
    stage_fetch(article_id, task_id=task_id)  # an article ingested from a URL: its page first
    stage_extract(article_id, task_id=task_id, rollup=False)  # the claim stages roll it up
    claim_ids = list(Claim.objects.filter(article_id=article_id).values_list("pk", flat=True))
    if not claim_ids:
        services.article_pipeline_rollup(article_id=article_id)
    size = settings.FACTCHECK["CLAIMS_PER_TASK"]
    for start in range(0, len(claim_ids), size):
        stage_claims(claim_ids[start : start + size], task_id=task_id, article_id=article_id)
    status = Article.objects.filter(pk=article_id).values_list("pipeline_status", flat=True)
    return status.first() or PipelineStatus.FAILED
