"""The whole pipeline's database work for one article, pinned: ingest → extract → enrich →
checklists on the seed, in queries per claim (issue 9: 73 per claim before the claim stages were
batched per article)."""

import datetime as dt
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import PipelineStatus
from claims.services import article_ingest
from workers import pipeline

pytestmark = pytest.mark.django_db

# PostgreSQL: 57 queries for the seed's 19 claims (97 before the batch's statements were merged);
# SQLite takes the portable paths (a similar-claim search per claim, one insert per table).
QUERIES_PER_CLAIM = {"postgresql": 4, "sqlite": 8}


def test_the_seed_takes_at_most_four_queries_per_claim_on_postgresql(seed_text):
    with CaptureQueriesContext(connection) as queries:
        article = article_ingest(
            text=seed_text, outlet="Radio Habana Cuba", published_at=dt.date(2025, 5, 4)
        ).article
        assert pipeline.article_run_sync(article.pk) == PipelineStatus.DONE
    claims = article.claims.count()
    assert claims >= 12
    per_claim = len(queries) / claims
    shapes = Counter(q["sql"].split(" WHERE ")[0][:120] for q in queries.captured_queries)
    assert per_claim <= QUERIES_PER_CLAIM[connection.vendor], (
        f"{len(queries)} queries for {claims} claims; most frequent:\n"
        + "\n".join(f"{n:4} {sql}" for sql, n in shapes.most_common(15))
    )
