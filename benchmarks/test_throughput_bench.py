"""The pipeline the way users run it: N distinct articles ingested, a worker (2 processes) on the
configured broker and database (PostgreSQL + Redis when DATABASE_URL / REDIS_URL are set), timed
from the first ingest to the last article done; next to it, in the same run, the pure functions on
the same articles in one process (parse → extract → enrich every claim). Efficiency is end to end
÷ pure. Also: queries per claim, the worker's memory per pool process, and a backlog of
FACTCHECK_BENCH_BACKLOG articles queued at once before a worker starts.

Sizes: FACTCHECK_BENCH_ARTICLES (60) × FACTCHECK_BENCH_SENTENCES (20); FACTCHECK_BENCH_BACKLOG
(1000, 0 skips it) × FACTCHECK_BENCH_BACKLOG_SENTENCES (5). Articles are CT24 train sentences
when FACTCHECK_CT24_DIR is set, otherwise generated (benchmarks/articles.py).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Max, Q
from django.test.utils import CaptureQueriesContext

from claims.models import Article, Claim, Job, JobState, PipelineStatus
from claims.parsing import parse_article
from claims.services import article_ingest
from factcheck.celery import app as celery_app
from tests.worker_process import WorkerProcess, wait_until
from workers import enrichment, extraction, pipeline

from .articles import articles

ARTICLES = int(os.environ.get("FACTCHECK_BENCH_ARTICLES", "60"))
SENTENCES = int(os.environ.get("FACTCHECK_BENCH_SENTENCES", "20"))
BACKLOG = int(os.environ.get("FACTCHECK_BENCH_BACKLOG", "1000"))
BACKLOG_SENTENCES = int(os.environ.get("FACTCHECK_BENCH_BACKLOG_SENTENCES", "5"))
# the worker's pool processes: docker-compose.yml's `--concurrency` unless set
CONCURRENCY = int(os.environ.get("FACTCHECK_BENCH_CONCURRENCY", "2"))
FINISHED = (PipelineStatus.DONE, PipelineStatus.FAILED)


def report(capsys, lines: list[str]) -> None:
    with capsys.disabled():
        print("\n" + "\n".join(f"  {line}" for line in lines))


def pure_rate(bodies: list[str]) -> tuple[float, int, float]:
    """Sentences per second of parse → extract → enrich every claim, one process; the sentences;
    the CPU seconds it took."""
    scorer = extraction.get_scorer(settings.FACTCHECK["CHECKWORTHINESS_SCORER"])
    threshold = settings.FACTCHECK["CHECKWORTHINESS_THRESHOLD"]
    reference = dt.date(2025, 5, 4)
    extraction.extract_claims(parse_article(bodies[0]).body, scorer=scorer)  # load models untimed
    enrichment.enrich("The minister said so on Friday.", reference_date=reference)
    sentences = 0
    cpu = time.process_time()
    started = time.perf_counter()
    for text in bodies:
        body = parse_article(text).body
        sentences += len(extraction.split_sentences(body))
        for claim in extraction.extract_claims(body, scorer=scorer, threshold=threshold):
            enrichment.enrich(claim.text, reference_date=reference, offset=claim.start)
    seconds = time.perf_counter() - started
    return sentences / seconds, sentences, time.process_time() - cpu


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pids) -> float:
    """User + system CPU time of the processes (0 for one gone): on a shared machine a steadier
    figure than wall time, which other sessions' load stretches."""
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def database_pids() -> list[int]:
    """The PostgreSQL server processes serving this test database (the server is local), or
    none elsewhere."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        return [pid for (pid,) in cursor.fetchall()]


def ingest(bodies: list[str], prefix: str) -> list[int]:
    return [
        article_ingest(
            text=body, title=f"{prefix} {n}", published_at=dt.date(2025, 5, 4)
        ).article.pk
        for n, body in enumerate(bodies)
    ]


def wait_for(ids: list[int], worker: WorkerProcess, timeout: float) -> None:
    wait_until(
        lambda: (
            not Article.objects.filter(pk__in=ids).exclude(pipeline_status__in=FINISHED).exists()
        ),
        timeout=timeout,
        interval=0.2,
        message=f"articles still unfinished:\n{worker.log[-5000:]}",
    )


def last_finish(ids: list[int]) -> float:
    """When the last job of these articles or of their claims ended (seconds since the epoch)."""
    finished = Job.objects.filter(Q(article_id__in=ids) | Q(claim__article_id__in=ids)).aggregate(
        last=Max("finished_at")
    )["last"]
    return finished.timestamp() if finished is not None else time.time()


def production_worker() -> WorkerProcess:
    """A worker as users run it (CONCURRENCY pool processes): DEBUG off (the tests' workers run
    with DEBUG on, which keeps and logs every query)."""
    env = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)}
    return WorkerProcess(concurrency=CONCURRENCY, extra_env=env)


def backend() -> str:
    broker = "Redis" if settings.CELERY_BROKER_URL.startswith("redis") else "filesystem broker"
    return f"{connection.vendor} + {broker}"


@pytest.mark.timeout(3600)
@pytest.mark.django_db(transaction=True)
def test_pipeline_end_to_end_against_pure(benchmark, capsys):
    source, bodies = articles(ARTICLES + 3, SENTENCES, seed=9)
    bodies, probe = bodies[:ARTICLES], bodies[ARTICLES:]
    pure, sentences, pure_cpu = pure_rate(bodies)

    # Queries per claim: three more articles through the same stages in this process.
    with CaptureQueriesContext(connection) as queries:
        for pk in ingest(probe, "Probe"):
            pipeline.article_run_sync(pk)
    probe_claims = Claim.objects.filter(article__title__startswith="Probe").count()

    celery_app.control.purge()
    worker = production_worker().start()
    try:
        wait_for(ingest([bodies[0] + " Warm-up."], "Warm-up"), worker, timeout=120)
        timing: dict[str, float] = {}

        pool = worker.pool_pids()

        def run():
            database = database_pids()  # the worker's connections, kept across tasks
            cpu = cpu_seconds(pool), cpu_seconds(database), time.process_time()
            started = time.time()
            ids = ingest(bodies, "Bench")
            wait_for(ids, worker, timeout=1800)
            # until the last job's end as the worker recorded it (the same clock), not until the
            # poll noticed it (up to one polling interval later)
            timing["seconds"] = last_finish(ids) - started
            timing["worker_cpu"] = cpu_seconds(pool) - cpu[0]
            timing["database_cpu"] = cpu_seconds(database) - cpu[1]
            timing["ingest_cpu"] = time.process_time() - cpu[2]
            return ids

        benchmark.group = "pipeline throughput"
        ids = benchmark.pedantic(run, rounds=1, iterations=1)
        children = {pid: rss_mib(pid) for pid in worker.pool_pids()}
        main_rss = rss_mib(worker.process.pid)
    finally:
        worker.stop()
    failed = Article.objects.filter(pk__in=ids, pipeline_status=PipelineStatus.FAILED).count()
    claims = Claim.objects.filter(article_id__in=ids).count()
    end_to_end = sentences / timing["seconds"]
    figures = {
        "pure_sentences_per_s": round(pure, 1),
        "end_to_end_sentences_per_s": round(end_to_end, 1),
        "sentences_per_hour": round(end_to_end * 3600),
        "efficiency": round(end_to_end / pure, 3),
        "queries_per_claim": round(len(queries) / max(probe_claims, 1), 2),
        "worker_rss_mib_per_child": [round(v) for v in children.values()],
        **{
            f"{part}_cpu_ms_per_article": round(1000 * timing[f"{part}_cpu"] / ARTICLES, 1)
            for part in ("worker", "database", "ingest")
        },
    }
    benchmark.extra_info.update(figures)
    report(
        capsys,
        [
            f"{ARTICLES} {source} articles × {SENTENCES} sentences ({sentences} sentences, "
            f"{claims} claims) on {backend()}, a {CONCURRENCY}-process worker; {failed} failed",
            f"pure (one process): {pure:,.0f} sentences/s",
            f"end to end: {end_to_end:,.1f} sentences/s = {end_to_end * 3600:,.0f} per hour "
            f"({timing['seconds']:.1f} s)",
            f"efficiency (end to end ÷ pure): {end_to_end / pure:.3f}",
            f"CPU per article: pure {1000 * pure_cpu / ARTICLES:.1f} ms; end to end: worker pool "
            f"{1000 * timing['worker_cpu'] / ARTICLES:.1f} ms, PostgreSQL "
            f"{1000 * timing['database_cpu'] / ARTICLES:.1f} ms, ingest and polling "
            f"{1000 * timing['ingest_cpu'] / ARTICLES:.1f} ms",
            f"queries per claim (ingest → done, {probe_claims} claims): "
            f"{len(queries) / max(probe_claims, 1):.2f}",
            f"worker RSS: main {main_rss:.0f} MiB, pool children "
            + ", ".join(f"{v:.0f} MiB" for v in children.values()),
        ],
    )
    assert failed == 0


@pytest.mark.skipif(BACKLOG <= 0, reason="FACTCHECK_BENCH_BACKLOG=0")
@pytest.mark.timeout(7200)
@pytest.mark.django_db(transaction=True)
def test_a_backlog_queued_at_once_all_finishes(benchmark, capsys):
    """FACTCHECK_BENCH_BACKLOG articles ingested while no worker runs, then one worker:
    every article finishes, none failed, and the pool's memory stays flat."""
    source, bodies = articles(BACKLOG, BACKLOG_SENTENCES, seed=13)
    celery_app.control.purge()
    started = time.perf_counter()
    ids = ingest(bodies, "Backlog")
    ingest_seconds = time.perf_counter() - started
    worker = production_worker().start()
    samples: list[list[float]] = []
    try:

        def run():
            began = time.perf_counter()
            deadline = began + 3600
            while Article.objects.filter(pk__in=ids).exclude(pipeline_status__in=FINISHED).exists():
                assert time.perf_counter() < deadline, worker.log[-5000:]
                samples.append([rss_mib(pid) for pid in worker.pool_pids()])
                time.sleep(2)
            return time.perf_counter() - began

        benchmark.group = "pipeline throughput"
        seconds = benchmark.pedantic(run, rounds=1, iterations=1)
        samples.append([rss_mib(pid) for pid in worker.pool_pids()])
    finally:
        worker.stop()
    done = Article.objects.filter(pk__in=ids, pipeline_status=PipelineStatus.DONE).count()
    failed_jobs = Job.objects.filter(state=JobState.FAILED).count()
    early = samples[min(2, len(samples) - 1)]
    report(
        capsys,
        [
            f"backlog: {len(ids)} {source} articles × {BACKLOG_SENTENCES} sentences queued in "
            f"{ingest_seconds:.0f} s, then a {CONCURRENCY}-process worker on {backend()}",
            f"{done} done, {len(ids) - done} not done, {failed_jobs} failed jobs, "
            f"in {seconds:.0f} s ({len(ids) * BACKLOG_SENTENCES / seconds:,.1f} sentences/s)",
            "pool RSS early → end: "
            + ", ".join(f"{a:.0f} → {b:.0f} MiB" for a, b in zip(early, samples[-1], strict=False)),
        ],
    )
    assert done == len(ids) and failed_jobs == 0
