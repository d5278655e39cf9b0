"""The scale benchmark's upkeep of the databases it reuses (benchmarks/scale.py): what
autovacuum would have done, done where autovacuum is off."""

import pytest

from tests.conftest import needs_postgres


def _url() -> str:
    from django.db import connection

    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    host = f"{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}"
    return f"postgres://{s['USER']}{password}@{host}/{s['NAME']}"


def _write(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)
        # this backend's counts of inserted and dead rows reach the statistics views now, not
        # when it next goes idle
        conn.execute("SELECT pg_stat_force_next_flush()")
        conn.execute("SELECT 1")


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_tables_autovacuum_would_have_vacuumed_are_vacuumed_and_analyzed_once():
    from benchmarks.scale import autovacuum

    url = _url()
    try:
        _write(
            url,
            "CREATE TABLE bench_rewritten (n int)",
            "CREATE TABLE bench_small (n int)",
            "INSERT INTO bench_rewritten SELECT generate_series(1, 3000)",
            "UPDATE bench_rewritten SET n = n + 1",  # 3,000 dead rows, as a migration leaves
            "INSERT INTO bench_small SELECT generate_series(1, 10)",
        )
        done = autovacuum(url)
        assert "VACUUM (ANALYZE) public.bench_rewritten" in done
        # ten new rows are below every threshold: left as autovacuum leaves them
        assert not [statement for statement in done if "bench_small" in statement]
        assert not [statement for statement in autovacuum(url) if "bench_" in statement]
    finally:
        _write(url, "DROP TABLE IF EXISTS bench_rewritten", "DROP TABLE IF EXISTS bench_small")


def test_the_pipeline_part_groups_statements_by_kind_literals_and_numbers_blanked():
    from benchmarks.scale_pipeline import _kind

    one = _kind("SELECT  w.n FROM unnest('{USD,percent}'::text[]) LIMIT 5")
    other = _kind("SELECT w.n\nFROM unnest('{jobs,it''s}'::text[]) LIMIT 12")
    assert one == other == "SELECT w.n FROM unnest(?::text[]) LIMIT ?"
    assert _kind("UPDATE claims_job SET state = 'done' WHERE id = 3") != one
