"""The pipeline where the claims already are (issues 9 and 14), the last part of
`python -m benchmarks.scale`.

The throughput benchmark starts from an empty database, where nothing the stages read grows with
the claims stored; a desk's database after a year holds 100,000. Here generated articles
(`benchmarks/articles.py`) run through every stage in one process — `article_run_sync`, the stage
functions the workers run, committing as a worker does — against a scratch copy of each scale
database (`<name>_1k_pipeline`, `<name>_100k_pipeline`, dropped afterwards): per article the wall
time, the time spent in PostgreSQL's statements (each statement's time at the client), the
statements sent, and the costliest kind of statement. What grows from 1k to 100k here is what a
deployment's pipeline slows down by as its desk's claims accumulate (the search index's pending
list and a scan of every stored figure did, docs/scale.md).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ARTICLES = 40
UNTIMED = 10  # run first, untimed: connections, caches, the statements' first plans
SENTENCES = 20


def measure_copy(url: str, env: dict[str, str], root: Path) -> dict:
    """Copy the database at `url`, measure the pipeline on the copy in its own process, drop it."""
    import psycopg

    from benchmarks.scale import admin_url, database_name, database_url  # it imports this module

    copy_url = database_url(url, "pipeline")
    copy = database_name(copy_url)
    with psycopg.connect(admin_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        conn.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{database_name(url)}"')
    try:
        with tempfile.TemporaryDirectory() as var:
            # the embedded filesystem broker in a scratch directory: the jobs the ingest
            # publishes reach no worker (this process runs the stages itself)
            run_env = {**env, "DATABASE_URL": copy_url, "REDIS_URL": "", "FACTCHECK_VAR_DIR": var}
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.scale_pipeline"],
                env=run_env,
                cwd=root,
                check=True,
                capture_output=True,
                text=True,
            )
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        with psycopg.connect(admin_url(url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{copy}"')


def _kind(sql: str) -> str:
    """A statement's kind: its first words, literals and numbers blanked."""
    text = re.sub(r"'(?:[^']|'')*'", "?", re.sub(r"\s+", " ", sql)).strip()
    return re.sub(r"\b\d+\b", "?", text)[:90]


def measure() -> dict:
    import datetime as dt

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.models import Claim
    from claims.services import article_ingest
    from factcheck.celery import database_commits
    from workers import pipeline
    from workers.warm import load_models

    from .articles import articles

    database_commits(settings.DATABASES, settings.FACTCHECK["WORKER_SYNCHRONOUS_COMMIT"])
    connection.close()  # reopened with the worker's commit mode
    load_models(settings.FACTCHECK["CHECKWORTHINESS_SCORER"])
    _, bodies = articles(ARTICLES, SENTENCES, seed=5)
    ids = [
        article_ingest(
            text=body, title=f"Pipeline bench {n}", published_at=dt.date(2025, 5, 4)
        ).article.pk
        for n, body in enumerate(bodies)
    ]
    for pk in ids[:UNTIMED]:
        pipeline.article_run_sync(pk)
    timed = ids[UNTIMED:]
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        for pk in timed:
            pipeline.article_run_sync(pk)
        wall = time.perf_counter() - started
    by_kind: Counter[str] = Counter()
    for query in captured.captured_queries:
        by_kind[_kind(query["sql"])] += float(query["time"])
    kind, seconds = by_kind.most_common(1)[0]
    n = len(timed)
    return {
        "articles": n,
        "claims": Claim.objects.filter(article_id__in=timed).count(),
        "wall_ms": 1000 * wall / n,
        "database_ms": 1000 * sum(by_kind.values()) / n,
        "queries": len(captured.captured_queries) / n,
        "costliest": kind,
        "costliest_ms": 1000 * seconds / n,
    }


def report(results: dict[str, dict]) -> None:
    print(
        f"\nthe pipeline where the claims already are ({ARTICLES - UNTIMED} generated articles × "
        f"{SENTENCES} sentences through every stage in one process, on a copy of each database;"
        " per article):"
    )
    for label, r in results.items():
        print(
            f"  {label:>4}: {r['wall_ms']:.1f} ms, of which PostgreSQL's statements "
            f"{r['database_ms']:.1f} ms ({r['queries']:.1f} statements); the costliest kind "
            f"{r['costliest_ms']:.1f} ms: {r['costliest'][:60]}…"
        )
    small, large = results.get("1k"), results.get("100k")
    if small and large:
        print(f"  100k ÷ 1k: {large['wall_ms'] / small['wall_ms']:.2f} (wall)")


if __name__ == "__main__":
    print(json.dumps(measure()))
