"""The inline run (extraction, then the claim stages in the same task) hands the claims its
extraction wrote to their enrichment instead of reading them back; what it writes is what a
run that reads them writes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import ChecklistItem, Claim, DateMention, Mention, PipelineStatus, Quantity
from claims.services import article_ingest
from workers import pipeline

pytestmark = pytest.mark.django_db


def claim_reads(queries) -> list[str]:
    """The reads of claims with their article (what the enrichment's own read looks like)."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "claims_claim"."id", "claims_claim"."created_at"')
        and 'JOIN "claims_article"' in q["sql"]
    ]


def written(article) -> dict:
    claims = Claim.objects.filter(article=article)
    rows = {}
    for model, fields in (
        (Mention, ("claim__start", "entity__name", "start")),
        (Quantity, ("claim__start", "text", "value")),
        (DateMention, ("claim__start", "text", "value")),
        (ChecklistItem, ("claim__start", "title", "state", "result")),
    ):
        rows[model.__name__] = sorted(
            map(repr, model.objects.filter(claim__in=claims).values_list(*fields))
        )
    return rows


def test_the_inline_run_enriches_the_claims_it_extracted_without_reading_them(seed_text, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 100}
    article = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article
    with CaptureQueriesContext(connection) as queries:
        pipeline.stage_extract_and_claims(article.pk, task_id="t-inline")
    assert claim_reads(queries) == []
    article.refresh_from_db()
    assert article.pipeline_status == PipelineStatus.DONE
    inline = written(article)
    assert inline["Mention"] and inline["ChecklistItem"]
    # The same claims through the path that reads them (a batch published to the broker).
    claim_ids = list(Claim.objects.filter(article=article).values_list("pk", flat=True))
    pipeline.services.claim_jobs_queue(claim_ids=claim_ids)
    with CaptureQueriesContext(connection) as queries:
        pipeline.stage_claims(claim_ids, task_id="t-read")
    assert claim_reads(queries)
    assert written(article) == inline
