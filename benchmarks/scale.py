"""Scale benchmark (issue 14): every read and the similar-claim search at 1,000 and 100,000 claims.

    python -m benchmarks.scale            (what `make bench` runs when DATABASE_URL is PostgreSQL)

Builds, or reuses when they already hold their claims, two PostgreSQL databases next to
DATABASE_URL's (`<name>_1k`, `<name>_100k`) with `manage.py generate_demo_data`, then measures each
in its own process (`--measure`), in the order 1k, 100k, 100k, 1k, and prints, per operation, the
mean of its two warm medians at both sizes, their ratio and the operation's query count; then
the similar-claim search's time per claim and its recall on the pair set of
`benchmarks/similar_pairs.py` (docs/scale.md records the trigram searches it replaced; their
index is gone since migration 0016); last, the pipeline itself on a copy of each database
(`benchmarks/scale_pipeline.py`).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from benchmarks import scale_pipeline

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"1k": 1_000, "100k": 100_000}
RUNS = 11
SIMILAR_SAMPLE = 40
LIMIT = 1.5
# SCALE_ONLY=<text>: only the operations whose name holds it, no similar-claim search and no
# pipeline run (to
# measure one operation while working on it: `SCALE_ONLY='?q=' python -m benchmarks.scale`).
ONLY = "SCALE_ONLY"


def bench_env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        FACTCHECK_API_THROTTLE_USER="1000000/second",
        FACTCHECK_API_THROTTLE_ANON="1000000/second",
    )
    return env


def database_url(base: str, suffix: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{suffix}"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def admin_url(url: str) -> str:
    """The server's `postgres` database, where databases are created and dropped."""
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


# What a deployment's autovacuum would have done by now, at the server's autovacuum settings
# (PostgreSQL's defaults: vacuum a table once more than 50 + 20% of its rows are dead, or more
# than 1,000 + 20% were inserted since its last vacuum; analyze it once more than 50 + 10%
# changed since its last analyze). A machine may run PostgreSQL with autovacuum off; there a
# database reused from an earlier run, then migrated (a migration that rewrites every claim) or
# written by the measuring passes, would be measured with dead rows, no visibility map and stale
# statistics, as no deployment is.
_AUTOVACUUM_DUE = """
SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname),
    s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
            + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0)
        OR s.n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
            + current_setting('autovacuum_vacuum_insert_scale_factor')::float8
            * greatest(c.reltuples, 0),
    s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
        + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
FROM pg_stat_user_tables AS s JOIN pg_class AS c ON c.oid = s.relid
ORDER BY 1
"""


def autovacuum(url: str) -> list[str]:
    """VACUUM and ANALYZE the tables of the database at `url` that autovacuum would have by now
    (`_AUTOVACUUM_DUE`); returns the statements run."""
    import psycopg

    statements = []
    with psycopg.connect(url, autocommit=True) as conn:
        for table, vacuum, analyze in conn.execute(_AUTOVACUUM_DUE).fetchall():
            if vacuum:
                statements.append(f"VACUUM (ANALYZE) {table}" if analyze else f"VACUUM {table}")
            elif analyze:
                statements.append(f"ANALYZE {table}")
        for statement in statements:
            conn.execute(statement)
    return statements


def ensure_database(url: str, claims: int) -> None:
    """Create, migrate and fill the database unless it already holds `claims` claims; then
    vacuum and analyze it as autovacuum would have (`autovacuum`)."""
    import psycopg

    name = database_name(url)
    with psycopg.connect(admin_url(url), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env = bench_env(url)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    with psycopg.connect(url) as conn:
        have = conn.execute("SELECT count(*) FROM claims_claim WHERE article_id IS NOT NULL")
        count = have.fetchone()[0]  # type: ignore[index]
    if count < claims:
        print(f"building {name}: {claims - count:,} claims …", flush=True)
        more = str(claims - count)
        subprocess.run([*manage, "generate_demo_data", "--claims", more], env=env, check=True)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
    autovacuum(url)


def main() -> int:
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        print("scale benchmark: skipped (DATABASE_URL is not PostgreSQL)")
        return 0
    urls = {label: database_url(base, label) for label in SIZES}
    for label, claims in SIZES.items():
        ensure_database(urls[label], claims)
    # 1k, 100k, 100k, 1k: a load that other processes put on the machine and that drifts during
    # the run weighs on both sizes alike; each operation's time is the mean of its two medians.
    # The similar-claim search is measured in the first pass only.
    passes: dict[str, list[dict]] = {label: [] for label in SIZES}
    for n, label in enumerate(["1k", "100k", "100k", "1k"]):
        passes[label].append(_measure(urls[label], similar=n < 2 and not os.environ.get(ONLY)))
    results = {}
    for label, (first, second) in passes.items():
        ops = {
            name: ((ms + second["ops"][name][0]) / 2, queries)
            for name, (ms, queries) in first["ops"].items()
        }
        results[label] = {**first, "ops": ops}
    report(results)
    if not os.environ.get(ONLY):
        pipeline = {
            label: scale_pipeline.measure_copy(urls[label], bench_env(urls[label]), ROOT)
            for label in SIZES
        }
        scale_pipeline.report(pipeline)
    return 0


def _measure(url: str, *, similar: bool) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale", "--measure", *([] if similar else ["--ops"])],
        env=bench_env(url),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(results: dict) -> None:
    small, large = results["1k"], results["100k"]
    print(f"\n{'operation':<52} {'1k ms':>8} {'100k ms':>8} {'ratio':>6} {'queries':>8}")
    worst = 0.0
    for name, (ms1, q1) in small["ops"].items():
        ms2, q2 = large["ops"][name]
        ratio = ms2 / ms1
        worst = max(worst, ratio)
        queries = str(q1) if q1 == q2 else f"{q1}/{q2}"
        flag = "" if ratio <= LIMIT else "  > 1.5x"
        print(f"{name:<52} {ms1:8.1f} {ms2:8.1f} {ratio:6.2f} {queries:>8}{flag}")
    print(f"worst ratio {worst:.2f} (done when every ratio is at most {LIMIT})")
    if small["similar"] is None:
        return
    print("\nsimilar claims per claim (candidates + rapidfuzz), and recall on the pair set:")
    for label in SIZES:
        s = results[label]["similar"]
        print(
            f"  {label:>4}: full-text candidates median {s['new_median']:.1f} ms "
            f"(p90 {s['new_p90']:.1f}); recall {s['new_recall']}/{s['pairs']} (rapidfuzz "
            f"alone: {s['ceiling']}), false suggestions {s['new_false']}/{s['non_pairs']}"
        )


if __name__ == "__main__":
    if "--measure" in sys.argv:
        from benchmarks.scale_measure import measure

        sample = 0 if "--ops" in sys.argv else SIMILAR_SAMPLE
        print(json.dumps(measure(RUNS, sample, time.perf_counter, os.environ.get(ONLY, ""))))
        sys.exit(0)
    sys.exit(main())
