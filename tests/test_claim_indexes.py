"""Migration 0016: the claims table keeps only the indexes a query reads (each index is written
with every claim the pipeline stores and every claim update that does not stay on its page)."""

import pytest
from django.db import connection

from tests.conftest import needs_postgres

pytestmark = [needs_postgres, pytest.mark.django_db]


def claim_indexes() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'claims_claim'"
        )
        return dict(cursor.fetchall())


def test_no_trigram_or_pattern_index_is_written_for_nothing():
    indexes = claim_indexes()
    assert not [name for name, definition in indexes.items() if "gin_trgm_ops" in definition]
    assert not [name for name, definition in indexes.items() if "pattern_ops" in definition]


def test_the_indexes_the_lists_filters_and_search_read_are_there():
    indexes = claim_indexes()
    assert {
        "claim_search_idx",
        "claim_default_order_idx",
        "claim_status_score_idx",
        "claim_type_idx",
        "claim_verdict_idx",
    } <= set(indexes)
    # status and check-worthiness are served by the composite indexes they lead
    single = {d.split("(", 1)[1].rstrip(")") for d in indexes.values() if "," not in d}
    assert "status" not in single and "checkworthiness" not in single
