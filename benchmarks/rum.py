"""What a RUM index on the claims' search vector would change (issue 14; docs/scale.md, Search).

    python -m benchmarks.rum      (DATABASE_URL on PostgreSQL; the `rum` extension available,
                                   Debian: postgresql-15-rum; run `python -m benchmarks.scale`
                                   first: it builds `<name>_1k` and `<name>_100k`)

On both databases of the scale benchmark, each RUM index inside a transaction that is rolled back
(nothing is left behind), alternated rounds, medians in ms:

1. the ranked page's ids (the API's 51) for words with few and with many matches: by `ts_rank`
   over the GIN index (what the API runs) and by RUM's distance read off a RUM index (the first
   51 by distance with every claim tied with the last, `FETCH FIRST … WITH TIES`, then the
   newest first among equals: the order a cursor page needs);
2. `@@` alone, the only index RUM or GIN: counting `health care`, and the similar-claim
   candidates (`selectors.candidate_tsquery`, the best 500) of 20 sampled claims;
3. the write side (100k only): a copy of the claims' vectors indexed by GIN, by RUM or by both,
   then 5,000 claims' vectors inserted in one statement, one row per statement (50 per
   transaction), and updated.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

from benchmarks.scale import SIZES, bench_env, database_url

ROUNDS = 9
WORDS = ("unemployment rate", "steel tariffs", "health care", "said")
# inside a transaction that is rolled back: the extension too
RUM = (
    "CREATE EXTENSION IF NOT EXISTS rum; "
    "CREATE INDEX bench_rum_idx ON {table} USING rum (search rum_tsvector_ops)"
)
GIN = "CREATE INDEX bench_gin_idx ON {table} USING gin (search)"
WRITES = 5_000


def _ms(conn, sql: str, params=()) -> float:
    began = time.perf_counter()
    cursor = conn.execute(sql, params)
    if cursor.description is not None:
        cursor.fetchall()
    return (time.perf_counter() - began) * 1000


def _without(conn, index: str):
    """A savepoint in which `index` is dropped (rolled back after: the drop costs nothing)."""
    savepoint = conn.transaction(force_rollback=True)
    savepoint.__enter__()
    conn.execute(f"DROP INDEX {index}")
    return savepoint


def ranked(conn) -> None:
    for words in WORDS:
        q = f"plainto_tsquery('english', '{words}')"
        by_rank = (
            f"SELECT id FROM claims_claim WHERE search @@ {q} "
            f"ORDER BY ts_rank(search, {q})::float8 DESC, id DESC LIMIT 51"
        )
        by_distance = (
            f"SELECT t.id FROM (SELECT id, (search <=> {q})::float8 AS d FROM claims_claim "
            f"WHERE search @@ {q} ORDER BY search <=> {q} FETCH FIRST 51 ROWS WITH TIES) AS t "
            "ORDER BY t.d, t.id DESC LIMIT 51"
        )
        matches = conn.execute(f"SELECT count(*) FROM claims_claim WHERE search @@ {q}")
        times: dict[str, list[float]] = {"gin": [], "rum": []}
        for n in range(ROUNDS):
            for kind in ("gin", "rum") if n % 2 else ("rum", "gin"):
                sql = by_distance if kind == "rum" else by_rank
                savepoint = _without(conn, "bench_rum_idx") if kind == "gin" else None
                for _ in range(2):
                    _ms(conn, sql)
                times[kind] += [_ms(conn, sql) for _ in range(5)]
                if savepoint is not None:
                    savepoint.__exit__(None, None, None)
        print(
            f"  ranked page, {words!r} ({matches.fetchone()[0]:,} matches): "
            f"GIN + ts_rank {statistics.median(times['gin']):.2f}, "
            f"RUM distance {statistics.median(times['rum']):.2f}"
        )


def matching(conn) -> None:
    import django

    django.setup()
    from claims.selectors import candidate_tsquery, text_lexemes

    texts = [row[0] for row in conn.execute("SELECT text FROM claims_claim ORDER BY id")]
    texts = random.Random(14).sample(texts, min(20, len(texts)))
    tsquery = candidate_tsquery(text_lexemes("%s"))
    candidates = (
        f"SELECT id FROM claims_claim WHERE search @@ {tsquery} "
        f"ORDER BY ts_rank(search, {tsquery}) DESC, id DESC LIMIT 500"
    )
    q = "plainto_tsquery('english', 'health care')"
    count = f"SELECT count(*) FROM claims_claim WHERE search @@ {q}"
    times: dict[str, dict[str, list[float]]] = {
        k: {"count": [], "cand": []} for k in ("gin", "rum")
    }
    for n in range(3):
        for kind in ("gin", "rum") if n % 2 else ("rum", "gin"):
            other = "bench_rum_idx" if kind == "gin" else "claim_search_idx"
            savepoint = _without(conn, other)
            times[kind]["count"] += [_ms(conn, count) for _ in range(3)]
            times[kind]["cand"] += [_ms(conn, candidates, [t, t]) for t in texts]
            savepoint.__exit__(None, None, None)
    for kind, found in times.items():
        print(
            f"  @@ on {kind.upper()} alone: count 'health care' "
            f"{statistics.median(found['count']):.2f}, similar-claim candidates median "
            f"{statistics.median(found['cand']):.2f} (p90 "
            f"{statistics.quantiles(found['cand'], n=10)[-1]:.2f})"
        )


def writes(conn) -> None:
    vectors = [
        row[0]
        for row in conn.execute(f"SELECT search::text FROM claims_claim LIMIT {WRITES}").fetchall()
    ]
    indexes = {"GIN": [GIN], "RUM": [RUM], "GIN + RUM": [GIN, RUM]}
    times: dict[str, dict[str, list[float]]] = {k: {} for k in indexes}
    for n in range(3):
        for kind in list(indexes) if n % 2 else list(indexes)[::-1]:
            with conn.transaction(force_rollback=True):
                conn.execute(
                    "CREATE TEMP TABLE bench_vec (id bigserial PRIMARY KEY, search tsvector)"
                )
                conn.execute("INSERT INTO bench_vec (search) SELECT search FROM claims_claim")
                for statement in indexes[kind]:
                    conn.execute(statement.format(table="bench_vec"))
                insert = "INSERT INTO bench_vec (search) SELECT unnest(%s::tsvector[])"
                found = times[kind]
                found.setdefault("one statement", []).append(_ms(conn, insert, [vectors]))
                began = time.perf_counter()
                with conn.cursor() as cursor:
                    for start in range(0, WRITES, 50):
                        with conn.transaction():
                            cursor.executemany(
                                "INSERT INTO bench_vec (search) VALUES (%s::tsvector)",
                                [(v,) for v in vectors[start : start + 50]],
                            )
                found.setdefault("a row each", []).append((time.perf_counter() - began) * 1000)
                update = (
                    "UPDATE bench_vec SET search = search || 'zzupdated:1'::tsvector "
                    f"WHERE id <= {WRITES} RETURNING id"
                )
                found.setdefault("updated", []).append(_ms(conn, update))
    for kind, found in times.items():
        figures = ", ".join(f"{k} {statistics.median(v):.0f}" for k, v in found.items())
        print(f"  {WRITES:,} vectors written, {kind}: {figures}")


def main() -> int:
    import psycopg

    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        print("rum benchmark: skipped (DATABASE_URL is not PostgreSQL)")
        return 0
    for label in SIZES:
        url = database_url(base, label)
        os.environ.update(bench_env(url))
        with psycopg.connect(url, autocommit=True) as conn:
            available = "SELECT 1 FROM pg_available_extensions WHERE name = 'rum'"
            if not conn.execute(available).fetchone():
                print("rum benchmark: skipped (the rum extension is not available)")
                return 0
            print(f"{label}:")
            with conn.transaction(force_rollback=True):
                conn.execute(RUM.format(table="claims_claim"))
                conn.execute("ANALYZE claims_claim")
                ranked(conn)
                matching(conn)
            if label == "100k":
                writes(conn)
    return 0


if __name__ == "__main__":
    sys.exit(main())
