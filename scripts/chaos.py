"""`make chaos`: a batch of articles through a real worker while the world breaks, on a private
PostgreSQL and a private Redis this script starts on spare loopback ports (never the shared ones):

1. the whole worker (main process and pool) is SIGKILLed while it enriches a batch, and started
   again under its name;
2. Redis is stopped for 30 s (articles are ingested meanwhile: the writes must succeed);
3. PostgreSQL is restarted under the running worker.

Then it waits for every article to finish (running the sweeper every few seconds, as beat does)
and prints what was lost (claims the extractor finds that were not recorded, articles not done,
claims without a checklist) and duplicated (claims per span, checklist items per title, entity
mentions, enrichment records per claim) — zero and zero is the pass — and how long recovery took.

Needs PostgreSQL's server binaries (initdb, pg_ctl; run as the postgres user when we are root)
and redis-server. Sizes: CHAOS_ARTICLES (24) × CHAOS_SENTENCES (12).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = int(os.environ.get("CHAOS_ARTICLES", "24"))
SENTENCES = int(os.environ.get("CHAOS_SENTENCES", "12"))
REDIS_DOWN = float(os.environ.get("CHAOS_REDIS_DOWN", "30"))
WORKER_NAME = "chaos@localhost"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Postgres:
    def __init__(self, folder: Path):
        self.folder, self.port = folder / "pg", free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/factcheck_chaos"

    def _ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        command = ["pg_ctl", "-D", str(self.folder), "-o", options, "-l", f"{self.folder}.log"]
        subprocess.run(as_postgres([*command, "-w", *args]), check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        self.folder.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.folder.parent, "postgres")
        initdb = ["initdb", "-D", str(self.folder), "-A", "trust", "-U", "postgres"]
        subprocess.run(as_postgres(initdb), check=True, stdout=subprocess.DEVNULL)
        self._ctl("start")
        createdb = ["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        subprocess.run([*createdb, "factcheck_chaos"], check=True)

    def restart(self) -> None:
        self._ctl("restart", "-m", "fast")

    def stop(self) -> None:
        self._ctl("stop", "-m", "immediate")


class Redis:
    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            try:
                redis.Redis(port=self.port).ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("private redis did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def retrying(read, attempts: int = 60):
    """A read from the script's own connection, across a PostgreSQL restart."""
    from django.db import InterfaceError, OperationalError, connection

    for _ in range(attempts):
        try:
            return read()
        except (OperationalError, InterfaceError):
            connection.close()
            time.sleep(1)
    return read()


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="factcheck-chaos-"))
    postgres, broker = Postgres(folder), Redis(folder)
    workers: list = []
    try:
        postgres.start()
        broker.start()
        os.environ.update(
            DJANGO_SETTINGS_MODULE="factcheck.settings",
            DJANGO_ENV_FILE="",
            DJANGO_DEBUG="1",
            DATABASE_URL=postgres.url,
            REDIS_URL=broker.url,
            FACTCHECK_VAR_DIR=str(folder / "var"),
            FACTCHECK_BROKER_VISIBILITY_TIMEOUT="20",
            FACTCHECK_JOB_STALE_AFTER="10",
        )
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        say(f"private PostgreSQL :{postgres.port} and Redis :{broker.url.rsplit(':', 1)[1]}")
        return run(postgres, broker, workers.append)
    finally:
        for worker in workers:
            worker.stop()
        broker.stop()
        with contextlib.suppress(subprocess.CalledProcessError):
            postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run(postgres: Postgres, broker: Redis, keep) -> int:
    import datetime as dt

    from benchmarks.articles import articles
    from claims.models import (
        Article,
        ChecklistItem,
        Claim,
        ClaimEvent,
        EventKind,
        Job,
        JobStage,
        JobState,
        Mention,
        PipelineStatus,
    )
    from claims.services import article_ingest, jobs_republish_stale
    from tests.worker_process import WorkerProcess, wait_until
    from workers import extraction, pipeline

    def start_worker() -> WorkerProcess:
        process = WorkerProcess(concurrency=2)
        process.name = WORKER_NAME
        process.command[process.command.index("--hostname") + 1] = WORKER_NAME
        keep(process)
        return process.start()

    _, bodies = articles(ARTICLES + 6, SENTENCES, seed=31)
    ids: list[int] = []

    def ingest(batch: list[str]) -> float:
        slowest = 0.0
        for body in batch:
            started = time.perf_counter()
            ids.append(article_ingest(text=body, published_at=dt.date(2025, 5, 4)).article.pk)
            slowest = max(slowest, time.perf_counter() - started)
        return slowest

    worker = start_worker()
    ingest(bodies[:ARTICLES])
    say(f"{ARTICLES} articles × {SENTENCES} sentences ingested")

    # 1. The whole worker, mid-batch.
    wait_until(
        lambda: Job.objects.filter(stage=JobStage.ENRICH, state=JobState.RUNNING).exists(),
        timeout=300,
        interval=0.05,
    )
    os.killpg(worker.process.pid, signal.SIGKILL)
    worker.process.wait(timeout=10)
    running = Job.objects.filter(state=JobState.RUNNING).count()
    say(f"fault 1: worker SIGKILLed with {running} jobs running; started again under its name")
    worker = start_worker()

    # 2. Redis down for REDIS_DOWN seconds, articles ingested meanwhile.
    time.sleep(3)
    broker.stop()
    say(f"fault 2: Redis stopped for {REDIS_DOWN:.0f} s")
    down_since = time.monotonic()
    slowest = ingest(bodies[ARTICLES:])
    say(f"  6 articles ingested with Redis down, slowest write {slowest:.2f} s")
    time.sleep(max(0.0, REDIS_DOWN - (time.monotonic() - down_since)))
    broker.start()
    say("  Redis started again")

    # 3. PostgreSQL restarted under the running worker.
    time.sleep(5)
    postgres.restart()
    say("fault 3: PostgreSQL restarted")
    recovering = time.monotonic()

    def finished() -> bool:
        retrying(jobs_republish_stale)  # what beat does every FACTCHECK_SWEEP_INTERVAL
        return not retrying(
            lambda: (
                Article.objects.filter(pk__in=ids)
                .exclude(pipeline_status__in=[PipelineStatus.DONE, PipelineStatus.FAILED])
                .exists()
            )
        )

    wait_until(finished, timeout=900, interval=3, message=worker.log[-4000:])
    recovery = time.monotonic() - recovering
    worker.stop()

    lost, duplicated = Counter(), Counter()
    for article in Article.objects.filter(pk__in=ids):
        if article.pipeline_status != PipelineStatus.DONE:
            lost["articles not done"] += 1
        found = pipeline.most_checkworthy(
            extraction.extract_claims(article.body),
            cap=int(os.environ.get("FACTCHECK_MAX_CLAIMS_PER_ARTICLE", "300")),
        )
        spans = Counter(article.claims.values_list("start", "end"))
        lost["claims not recorded"] += len({(c.start, c.end) for c in found} - set(spans))
        duplicated["claims per span"] += sum(n - 1 for n in spans.values())
    claims = Claim.objects.filter(article_id__in=ids)
    lost["claims without a checklist"] = claims.filter(checklist__isnull=True).count()
    lost["jobs failed"] = Job.objects.filter(state=JobState.FAILED).count()
    items = Counter(ChecklistItem.objects.values_list("claim_id", "title"))
    duplicated["checklist items per title"] = sum(n - 1 for n in items.values())
    mentions = Counter(Mention.objects.values_list("claim_id", "entity_id", "start"))
    duplicated["mentions"] = sum(n - 1 for n in mentions.values())
    enriched = Counter(
        ClaimEvent.objects.filter(kind=EventKind.ENRICHMENT).values_list("claim_id", flat=True)
    )
    duplicated["enrichment records per claim"] = sum(n - 1 for n in enriched.values())

    say(f"{len(ids)} articles, {claims.count()} claims; done {recovery:.0f} s after the last fault")
    for name, table in (("lost", lost), ("duplicated", duplicated)):
        say(f"{name}: {sum(table.values())}  " + ", ".join(f"{k} {v}" for k, v in table.items()))
    return 1 if sum(lost.values()) or sum(duplicated.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
