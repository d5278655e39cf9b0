"""What `ingest` and `load_seeds` share: ingest files, then run or wait for their pipelines."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.exceptions import IngestError
from claims.models import Article, JobState, PipelineStatus
from claims.selectors import article_jobs
from claims.services import article_ingest, article_ingest_url, article_reprocess


@dataclass
class FileSpec:
    path: Path
    metadata: dict = field(default_factory=dict)


def add_mode_arguments(parser: CommandParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--sync",
        action="store_true",
        help="run the pipeline in this process, through the same code the workers run",
    )
    mode.add_argument(
        "--wait",
        action="store_true",
        help="enqueue, then wait for the workers; exit non-zero if a pipeline fails",
    )
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds to wait with --wait (default 300)"
    )
    parser.add_argument(
        "--reprocess",
        action="store_true",
        help="run the pipeline again for articles already ingested (human work is kept)",
    )


def ingest_files(
    command: BaseCommand, specs: list[FileSpec], options: dict, urls: list[str] | None = None
) -> None:
    """Ingest every file (all are read and checked first: one bad file writes nothing) and every
    URL (a worker, or --sync, fetches the page first), then process them as the options say.
    Raises CommandError on any failure."""
    texts = []
    for spec in specs:
        try:
            texts.append(spec.path.read_bytes())
        except OSError as exc:
            raise CommandError(f"{spec.path}: cannot read it ({exc.strerror})") from None

    articles: list[Article] = []
    for spec, raw in zip(specs, texts, strict=True):
        meta = spec.metadata
        try:
            result = article_ingest(
                text=raw,
                title=meta.get("title", ""),
                url=meta.get("url"),
                outlet=meta.get("outlet"),
                published_at=meta.get("published_at"),
                language=meta.get("language", "en"),
            )
        except IngestError as exc:
            raise CommandError(f"{spec.path}: {exc.message}") from None
        article = result.article
        if not result.created and options["reprocess"]:
            article_reprocess(article=article)
        verb = "ingested" if result.created else "already ingested"
        command.stdout.write(f"{spec.path.name}: {verb} as article {article.pk} “{article.title}”")
        articles.append(article)
    for url in urls or []:
        try:
            result = article_ingest_url(url=url, language=options.get("language") or "en")
        except IngestError as exc:
            raise CommandError(f"{url}: {exc.message}") from None
        if not result.created and options["reprocess"]:
            article_reprocess(article=result.article)
        verb = "queued for fetching" if result.created else "already ingested"
        command.stdout.write(f"{url}: {verb} as article {result.article.pk}")
        articles.append(result.article)

    if options["sync"]:
        _run_sync(command, articles)
    elif options["wait"]:
        _wait(command, articles, timeout=options["timeout"])


def _run_sync(command: BaseCommand, articles: list[Article]) -> None:
    from workers.pipeline import article_run_sync

    failed = []
    for article in articles:
        started = time.perf_counter()
        status = article_run_sync(article.pk)
        elapsed = time.perf_counter() - started
        command.stdout.write(_summary(article, status, elapsed))
        if status == PipelineStatus.FAILED:
            failed.append(article)
    _fail_if_any(failed)


def _wait(command: BaseCommand, articles: list[Article], *, timeout: float) -> None:
    started = time.perf_counter()
    pending = {article.pk for article in articles}
    failed: list[Article] = []
    while pending:
        finished = Article.objects.filter(
            pk__in=pending, pipeline_status__in=[PipelineStatus.DONE, PipelineStatus.FAILED]
        )
        for article in finished:
            pending.discard(article.pk)
            command.stdout.write(
                _summary(article, article.pipeline_status, time.perf_counter() - started)
            )
            if article.pipeline_status == PipelineStatus.FAILED:
                failed.append(article)
        if not pending:
            break
        if time.perf_counter() - started > timeout:
            raise CommandError(
                f"timed out after {timeout:.0f}s waiting for the workers on article(s) "
                f"{sorted(pending)}: is a worker running (celery -A factcheck worker)?"
            )
        time.sleep(0.2)
    _fail_if_any(failed)


def _summary(article: Article, status: str, elapsed: float) -> str:
    count = article.claims.count()
    return f"article {article.pk}: pipeline {status}, {count} claims, {elapsed:.2f}s"


def _fail_if_any(failed: list[Article]) -> None:
    if not failed:
        return
    details = []
    for article in failed:
        jobs = article_jobs(article_id=article.pk).filter(state=JobState.FAILED)
        errors = [
            f"{job.stage} of {'article' if job.article_id else 'claim'} "
            f"{job.article_id or job.claim_id}: {job.last_error}"
            for job in jobs
        ]
        details.append(f"article {article.pk}: " + "; ".join(errors or ["see its jobs"]))
    raise CommandError("pipeline failed: " + " | ".join(details))
