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
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from claims import services
from claims.exceptions import UnsupportedLanguage
from claims.models import Article, Claim, Job, JobStage, JobState, PipelineStatus

from . import checklists, enrichment, extraction, gather, language, matching, webpage
from .outbound import FetchPolicy

logger = logging.getLogger(__name__)
T = TypeVar("T")


class NotReady(Exception):
    """A stage's input is not there yet (the checklist waits for enrichment): try again later.
    Raised before the stage's job is claimed, so waiting never counts as an attempt."""


# Errors that say "the world is briefly unavailable", not "this input is bad".
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    BrokerError,
    RedisConnectionError,
    RedisTimeoutError,
)


def _run_job(
    job_filter: Q,
    *,
    task_id: str,
    work: Callable[[Any], T],
    worker: str = "",
    prepare: Callable[[], Any] | None = None,
) -> T | None:
    """Run `work(prepare())` under the Job matched by `job_filter`; None when the job is not ours
    to run. What `prepare` writes commits on its own (kept when the job then fails); what `work`
    writes commits with the job's end."""
    job = services.job_start(job_filter=job_filter, task_id=task_id, worker=worker)
    if job is None:
        return None  # gone, never queued, done already, failed for good, or another run's
    try:
        prepared = prepare() if prepare is not None else None
        # The work, the job's end and the article's roll-up commit together (one transaction):
        # a worker dying before the commit leaves none of them, and the redelivery runs it again.
        with transaction.atomic():
            result = work(prepared)
            services.job_finish(job=job)
    except TRANSIENT_ERRORS as exc:
        _quietly(services.job_retry_later, job=job, error=_describe(exc))
        raise
    except Exception as exc:
        logger.exception("%s failed for good", job)
        services.job_fail(job=job, error=_describe(exc))
        return None
    return result


def _quietly(service: Callable, **kwargs) -> None:
    """Record a transient failure if the database lets us; the retry matters more."""
    try:
        service(**kwargs)
    except TRANSIENT_ERRORS:
        connection.close()


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


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
    return bool(_run_job(job, task_id=task_id, work=work, worker=worker))


# --- Stage 1: extraction -------------------------------------------------------------------------
def stage_extract(article_id: int, *, task_id: str, worker: str = "") -> list[int] | None:
    """Find the article's claims and record them. Returns the claim ids (None if not run).

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
        return [
            claim.pk for claim in services.claims_record(article=article, candidates=candidates)
        ]

    job = Q(article_id=article_id, stage=JobStage.EXTRACT)
    return _run_job(job, task_id=task_id, work=work, worker=worker, prepare=prepare)


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
    claim_ids = stage_extract(article_id, task_id=task_id, worker=worker)
    if claim_ids is None:
        claim_ids = _left_by(article_id, task_id)
    if len(claim_ids) > settings.FACTCHECK["INLINE_CLAIMS"]:
        return claim_ids
    if claim_ids:
        stage_claims(claim_ids, task_id=task_id, worker=worker)
    return None


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
def stage_claims(claim_ids: list[int], *, task_id: str, worker: str = "") -> None:
    """Enrichment then checklists for a batch of claims (one task per article, or per chunk of a
    long one): the stages' inputs gathered in bulk, written in bulk, one transaction per stage;
    the articles rolled up once, after both stages (between them the article is running anyway)."""
    stage_enrich_batch(claim_ids, task_id=task_id, worker=worker, rollup=False)
    stage_checklist_batch(claim_ids, task_id=task_id, worker=worker, rollup=False)
    _rollup_articles(claim_ids)


def stage_enrich(claim_id: int, *, task_id: str, worker: str = "") -> bool:
    """Entities, quantities, dates and similar claims for one claim (a person's re-run)."""
    return claim_id in stage_enrich_batch([claim_id], task_id=task_id, worker=worker)


def stage_checklist(claim_id: int, *, task_id: str, worker: str = "") -> bool:
    """One claim's checklist. Raises NotReady, before its job counts an attempt, while the
    claim's enrichment is still to run."""
    return claim_id in stage_checklist_batch([claim_id], task_id=task_id, worker=worker, wait=True)


def stage_enrich_batch(
    claim_ids: list[int], *, task_id: str, worker: str = "", rollup: bool = True
) -> set[int]:
    """Entities, quantities, dates and similar claims for each claim; returns the claims done."""

    def work(ours: set[int]) -> Prepared:
        found, errors = {}, {}
        claims = gather.claims_for_enrichment(ours)
        for claim in claims:
            try:
                reference = claim.article.published_at if claim.article else claim.created_at
                found[claim.pk] = enrichment.enrich(
                    claim.text, reference_date=reference.date(), offset=claim.start or 0
                )
            except Exception as exc:  # a poison claim fails its own job, not its siblings'
                logger.exception("enrichment of claim %s failed", claim.pk)
                errors[claim.pk] = _describe(exc)
        enriched = [claim for claim in claims if claim.pk in found]
        canonicals = {pk: {e.canonical for e in f.entities} for pk, f in found.items()}
        similar = gather.similar_claims_many(enriched, canonicals=canonicals)
        results = [(claim, found[claim.pk], similar[claim.pk]) for claim in enriched]
        # Other desks' fact-checks (docs/factchecks.md): none imported, nothing to match or keep.
        external = (
            {claim.pk: matching.external_matches(claim.text) for claim in enriched}
            if matching.any_external()
            else {}
        )

        def write(batch: list) -> None:
            services.claims_enrichment_apply(results=batch)
            for claim, _, _ in batch:
                if claim.pk in external:
                    services.claim_external_matches_apply(claim=claim, matches=external[claim.pk])

        return Prepared(write, results, errors)

    return _run_batch(
        JobStage.ENRICH, claim_ids, task_id=task_id, worker=worker, work=work, rollup=rollup
    )


def stage_checklist_batch(
    claim_ids: list[int],
    *,
    task_id: str,
    worker: str = "",
    wait: bool = False,
    rollup: bool = True,
) -> set[int]:
    """Each claim's checklist and its automated checks, once its enrichment has run. A claim whose
    enrichment another run still holds is left queued for that run (or raises NotReady with
    `wait`); returns the claims done."""
    pending = set(
        Job.objects.filter(
            claim_id__in=claim_ids,
            stage=JobStage.ENRICH,
            state__in=[JobState.QUEUED, JobState.RUNNING],
        ).values_list("claim_id", flat=True)
    )
    if pending and wait:
        raise NotReady(f"claims {sorted(pending)} are not enriched yet")
    ready = [claim_id for claim_id in claim_ids if claim_id not in pending]

    def work(ours: set[int]) -> Prepared:
        claims = gather.claims_for_checklists(ours)
        contexts = gather.check_contexts(claims)
        pairs = [
            (claim, lambda key, context=contexts[claim.pk]: checklists.run_check(key, context))
            for claim in claims
        ]
        return Prepared(lambda batch: services.checklists_build(claims=batch), pairs, {})

    return _run_batch(
        JobStage.CHECKLIST, ready, task_id=task_id, worker=worker, work=work, rollup=rollup
    )


@dataclass
class Prepared:
    """A batch's work done and ready to record: `write(items)` records it (each item's first
    element is its claim); `errors` holds the claims that already failed, with their error."""

    write: Callable[[list], object]
    items: list
    errors: dict[int, str]


def _record(stage: str, prepared: Prepared, ours: set[int], task_id: str) -> dict[int, str]:
    """Write a batch and close its jobs in one transaction (no savepoint). If the write fails for
    a reason that is not transient, write each claim on its own (a savepoint each) so that one
    poison claim fails alone, its error into the returned errors, and close the jobs with them."""
    errors, items = prepared.errors, prepared.items
    try:
        with transaction.atomic():
            if items:
                prepared.write(items)
            services.claim_jobs_end(stage=stage, claim_ids=ours, task_id=task_id, errors=errors)
        return errors
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:
        if not items:
            raise  # closing the jobs failed: outside any one claim
        if len(items) == 1:
            logger.exception("recording claim %s failed", items[0][0].pk)
            errors[items[0][0].pk] = _describe(exc)
            items = []
    with transaction.atomic():
        for item in items:
            try:
                with transaction.atomic():
                    prepared.write([item])
            except TRANSIENT_ERRORS:
                raise
            except Exception as exc:
                logger.exception("recording claim %s failed", item[0].pk)
                errors[item[0].pk] = _describe(exc)
        services.claim_jobs_end(stage=stage, claim_ids=ours, task_id=task_id, errors=errors)
    return errors


def _run_batch(
    stage: str,
    claim_ids: list[int],
    *,
    task_id: str,
    worker: str,
    work: Callable[[set[int]], Prepared],
    rollup: bool = True,
) -> set[int]:
    """Run `work` over the claims whose `stage` job this run could claim (compare-and-swap, all
    at once); their jobs end done, or failed with their own error; the articles roll up once.

    What the stage writes and its jobs' end commit together: a worker dying in between leaves
    neither, and the redelivered message does the work once. With `rollup=False` the caller
    rolls the articles up."""
    if not claim_ids:
        return set()
    ours = services.claim_jobs_start(
        stage=stage, claim_ids=claim_ids, task_id=task_id, worker=worker
    )
    if not ours:
        return ours
    try:
        errors = _record(stage, work(ours), ours, task_id)
    except TRANSIENT_ERRORS as exc:
        _quietly(
            services.claim_jobs_retry_later,
            stage=stage,
            claim_ids=ours,
            task_id=task_id,
            error=_describe(exc),
        )
        raise
    except Exception as exc:  # outside any one claim: the whole batch fails, with the error
        logger.exception("%s of claims %s failed for good", stage, sorted(ours))
        errors = dict.fromkeys(ours, _describe(exc))
        services.claim_jobs_end(stage=stage, claim_ids=ours, task_id=task_id, errors=errors)
    if rollup:
        _rollup_articles(ours)
    return ours - set(errors)


def _rollup_articles(claim_ids) -> None:
    articles = Claim.objects.filter(pk__in=list(claim_ids), article__isnull=False).values_list(
        "article_id", flat=True
    )
    for article_id in set(articles):
        services.article_pipeline_rollup(article_id=article_id)


# --- Running a whole article in-process (`ingest --sync`) ----------------------------------------
def article_run_sync(article_id: int) -> str:
    """Run every queued stage of the article in this process, through the same stage functions
    the workers run. Returns the article's pipeline status afterwards."""
    task_id = f"sync-{uuid.uuid4()}"
    stage_fetch(article_id, task_id=task_id)  # an article ingested from a URL: its page first
    stage_extract(article_id, task_id=task_id)
    claim_ids = list(Claim.objects.filter(article_id=article_id).values_list("pk", flat=True))
    size = settings.FACTCHECK["CLAIMS_PER_TASK"]
    for start in range(0, len(claim_ids), size):
        stage_claims(claim_ids[start : start + size], task_id=task_id)
    status = Article.objects.filter(pk=article_id).values_list("pipeline_status", flat=True)
    return status.first() or PipelineStatus.FAILED
