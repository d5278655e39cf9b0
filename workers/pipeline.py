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
from typing import TypeVar

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.db.models import Q
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from claims import selectors, services
from claims.exceptions import UnsupportedLanguage
from claims.models import Article, Claim, Job, JobStage, JobState, Quantity

from . import checklists, enrichment, extraction, language, matching, webpage
from .outbound import FetchPolicy

logger = logging.getLogger(__name__)
T = TypeVar("T")


class NotReady(Exception):
    """A stage's input is not there yet (the checklist waits for enrichment): try again later."""


# Errors that say "the world is briefly unavailable", not "this input is bad".
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    BrokerError,
    RedisConnectionError,
    RedisTimeoutError,
    NotReady,
)


def _run_job(job_filter: Q, *, task_id: str, work: Callable[[], T]) -> T | None:
    """Run `work` under the Job matched by `job_filter`; None when the job is not ours to run."""
    job_id = Job.objects.filter(job_filter).values_list("pk", flat=True).first()
    if job_id is None:
        return None  # the article or claim is gone, or was never queued: nothing to do
    job = services.job_start(job_id=job_id, task_id=task_id)
    if job is None:
        return None  # done already, failed for good, or another run holds it
    try:
        result = work()
    except TRANSIENT_ERRORS as exc:
        _quietly(services.job_retry_later, job=job, error=_describe(exc))
        raise
    except Exception as exc:
        logger.exception("%s failed for good", job)
        services.job_fail(job=job, error=_describe(exc))
        return None
    services.job_finish(job=job)
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
def stage_fetch(article_id: int, *, task_id: str) -> bool:
    """Fetch the article's page (the outbound policy), take its article (trafilatura) and fill the
    article through the ingest service, which queues extraction. A refusal fails the job with it."""

    def work() -> bool:
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
    return bool(_run_job(job, task_id=task_id, work=work))


# --- Stage 1: extraction -------------------------------------------------------------------------
def stage_extract(article_id: int, *, task_id: str) -> list[int] | None:
    """Find the article's claims and record them. Returns the claim ids (None if not run).

    The body's language is detected and recorded first; one the extractor cannot read fails the
    job with "language xx is not supported yet" instead of claims read with English rules."""

    def work() -> list[int]:
        article = Article.objects.select_related("outlet").get(pk=article_id)
        read_as = services.article_language_record(
            article=article, detected=language.detect_language(article.body)
        )
        if not language.is_supported(read_as):
            raise UnsupportedLanguage(read_as, language.unsupported_reason(read_as))
        candidates = extraction.extract_claims(
            article.body,
            outlet=article.outlet.name if article.outlet else None,
            threshold=settings.FACTCHECK["CHECKWORTHINESS_THRESHOLD"],
            scorer=extraction.get_scorer(settings.FACTCHECK["CHECKWORTHINESS_SCORER"]),
        )
        return [
            claim.pk for claim in services.claims_record(article=article, candidates=candidates)
        ]

    return _run_job(Q(article_id=article_id, stage=JobStage.EXTRACT), task_id=task_id, work=work)


# --- Stage 2: enrichment -------------------------------------------------------------------------
def stage_enrich(claim_id: int, *, task_id: str) -> bool:
    """Entities, quantities, dates and similar claims for one claim."""

    def work() -> bool:
        claim = Claim.objects.select_related("article").get(pk=claim_id)
        reference = (claim.article.published_at if claim.article else claim.created_at).date()
        found = enrichment.enrich(claim.text, reference_date=reference, offset=claim.start or 0)
        similar = similar_claims(claim, canonicals={e.canonical for e in found.entities})
        services.claim_enrichment_apply(claim=claim, enrichment=found, similar=similar)
        # Other desks' fact-checks (docs/factchecks.md): one query, one short transaction.
        services.claim_external_matches_apply(
            claim=claim, matches=matching.external_matches(claim.text)
        )
        return True

    job = Q(claim_id=claim_id, stage=JobStage.ENRICH)
    return bool(_run_job(job, task_id=task_id, work=work))


def similar_claims(claim: Claim, *, canonicals: set[str]) -> list[tuple[int, float]]:
    """Claims already tracked that say much the same: (id, score) best first, at or above the
    suggestion threshold. Candidates: `selectors.similar_candidates` (PostgreSQL's trigram index
    with a per-query threshold and a limit; on SQLite, claims naming the same entities plus the
    most recent ones); rapidfuzz ranks."""
    candidates = selectors.similar_candidates(
        claim.text,
        exclude_claim=claim.pk,
        exclude_article=claim.article_id,
        canonicals=canonicals,
    )
    return enrichment.rank_similar(
        claim.text, candidates, threshold=settings.FACTCHECK["SIMILAR_SUGGEST"]
    )[:20]


# --- Stage 3: checklist --------------------------------------------------------------------------
def stage_checklist(claim_id: int, *, task_id: str) -> bool:
    """Build the claim's checklist and run its automated checks (after enrichment)."""

    def work() -> bool:
        claim = Claim.objects.select_related("article", "claimant").get(pk=claim_id)
        enrich_state = (
            Job.objects.filter(claim=claim, stage=JobStage.ENRICH)
            .values_list("state", flat=True)
            .first()
        )
        if enrich_state in (JobState.QUEUED, JobState.RUNNING):
            raise NotReady(f"claim {claim_id} is not enriched yet")
        context = check_context(claim)
        services.checklist_build(
            claim=claim, run_check=lambda key: checklists.run_check(key, context)
        )
        return True

    job = Q(claim_id=claim_id, stage=JobStage.CHECKLIST)
    return bool(_run_job(job, task_id=task_id, work=work))


def check_context(claim: Claim) -> checklists.CheckContext:
    """Gather, as plain values, everything the automated checks look at."""
    quantities = list(claim.quantities.all())
    similar = [
        (s.other_id, s.other.text, s.score)
        for s in claim.similar.select_related("other").exclude(decision="rejected")
    ]
    corroborations: list[tuple[str, str]] = []
    for quantity in quantities:
        if quantity.value <= 0:
            continue
        margin = quantity.value * 0.01
        matches = (
            Quantity.objects.filter(
                unit=quantity.unit,
                value__gte=quantity.value - margin,
                value__lte=quantity.value + margin,
                claim__article__isnull=False,
            )
            .exclude(claim__article_id=claim.article_id)  # type: ignore[misc]
            .select_related("claim__article")[:5]
        )
        corroborations += [(q.claim.article.title, q.claim.text) for q in matches]  # type: ignore[union-attr]
    corroborations = list(dict.fromkeys(corroborations))  # one entry per claim, not per figure
    history: list[tuple[int, str]] = []
    if claim.claimant_id is not None:
        topics = claim.mentions.exclude(entity_id=claim.claimant_id).values("entity_id")
        earlier = Claim.objects.filter(
            claimant_id=claim.claimant_id,
            created_at__lt=claim.created_at,
            mentions__entity_id__in=topics,
        )
        if claim.article_id is not None:  # earlier articles, not this one's other claims
            earlier = earlier.exclude(article_id=claim.article_id)
        history = list(earlier.distinct().order_by("-created_at").values_list("pk", "text")[:10])
    return checklists.CheckContext(
        claim_text=claim.text,
        claim_type=claim.claim_type,
        claimant=claim.claimant.name if claim.claimant else None,
        source_text=claim.article.body if claim.article else None,
        dates=tuple((d.text, d.value) for d in claim.dates.all()),
        quantities=tuple((q.text, q.value, q.unit, q.bound) for q in quantities),
        similar=tuple(similar),
        corroborations=tuple(corroborations),
        claimant_history=tuple(history),
        external_checks=matching.external_checks(claim.pk),
    )


# --- Running a whole article in-process (`ingest --sync`) ----------------------------------------
def article_run_sync(article_id: int) -> str:
    """Run every queued stage of the article in this process, through the same stage functions
    the workers run. Returns the article's pipeline status afterwards."""
    task_id = f"sync-{uuid.uuid4()}"
    stage_fetch(article_id, task_id=task_id)  # an article ingested from a URL: its page first
    stage_extract(article_id, task_id=task_id)
    for claim_id in Claim.objects.filter(article_id=article_id).values_list("pk", flat=True):
        stage_enrich(claim_id, task_id=task_id)
        stage_checklist(claim_id, task_id=task_id)
    return services.article_pipeline_rollup(article_id=article_id)
