"""Ingest: pasted article text becomes a clean Article with its pipeline queued."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from claims.exceptions import IngestError
from claims.models import Article, Job, JobStage, Outlet, PipelineStatus
from claims.parsing import ArticleTextError, content_hash, parse_article

from .common import check_url
from .jobs import job_queue


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool


def article_ingest(
    *,
    text: str | bytes,
    title: str = "",
    url: str | None = None,
    outlet: Outlet | str | None = None,
    published_at: dt.datetime | dt.date | None = None,
    language: str = "en",
    byline: str = "",
    created_by=None,
) -> IngestResult:
    """Turn pasted article text into a clean Article and queue its pipeline.

    Explicit arguments win over what the parser finds in the text (title, URL, outlet, date).
    The same article ingested twice — same prose (content hash) or same URL — returns the existing
    Article with `created=False` and writes nothing. Bad input raises IngestError, writing nothing;
    the one article length limit (FACTCHECK_MAX_ARTICLE_CHARS) is checked here.
    """
    text = _decode(text)
    limit = settings.FACTCHECK["MAX_ARTICLE_CHARS"]
    if len(text) > limit:
        raise IngestError(
            f"the article is {len(text):,} characters long; the limit is {limit:,} "
            "(FACTCHECK_MAX_ARTICLE_CHARS)",
            field="body",
        )
    try:
        parsed = parse_article(text)
    except ArticleTextError as exc:
        raise IngestError(str(exc)) from None

    url = (url or parsed.url or "").strip() or None
    if url is not None:
        url = check_url(url, error=IngestError)
    title = (title or parsed.title).strip() or _title_from_body(parsed.body)
    digest = content_hash(parsed.body)

    existing = _article_existing(content_hash=digest, url=url)
    if existing is not None:
        return IngestResult(article=existing, created=False)

    published = _published_at(published_at, parsed.dateline)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                outlet=_outlet(outlet or parsed.outlet_name),
                url=url,
                title=title[:500],
                standfirst=parsed.standfirst,
                byline=byline,
                dateline_place=parsed.dateline.place if parsed.dateline else "",
                published_at=published,
                language=language or "en",
                body=parsed.body,
                raw_text=text,
                photo_caption=parsed.photo_caption,
                photo_credit=parsed.photo_credit[:300],
                source_note=parsed.source_note[:500],
                content_hash=digest,
                created_by=created_by,
            )
            job_queue(article=article, stage=JobStage.EXTRACT)
    except IntegrityError:
        # Another request ingested the same article between our check and our insert.
        existing = _article_existing(content_hash=digest, url=url)
        if existing is None:
            raise
        return IngestResult(article=existing, created=False)
    return IngestResult(article=article, created=True)


def article_reprocess(*, article: Article) -> Job:
    """Run the article's pipeline again: machine fields are refreshed, human work is kept."""
    with transaction.atomic():
        job = job_queue(article=article, stage=JobStage.EXTRACT)
        Article.objects.filter(pk=article.pk).update(pipeline_status=PipelineStatus.QUEUED)
    return job


def _decode(text: str | bytes) -> str:
    if isinstance(text, bytes):
        if b"\x00" in text[:8192]:
            raise IngestError("the input looks binary (it contains NUL bytes), not article text")
        try:
            return text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"the input is not UTF-8 text (undecodable byte at position {exc.start})"
            ) from None
    if not isinstance(text, str):
        raise IngestError("the article text must be a string")
    return text


def _article_existing(*, content_hash: str, url: str | None) -> Article | None:
    match = Q(content_hash=content_hash)
    if url:
        match |= Q(url=url)
    return Article.objects.filter(match).order_by("pk").first()


def _title_from_body(body: str) -> str:
    first_line = body.split("\n", 1)[0]
    return first_line if len(first_line) <= 120 else first_line[:119].rsplit(" ", 1)[0] + "…"


def _published_at(value, dateline) -> dt.datetime:
    """The explicit date; else the dateline's day in the most recent year that is not in the
    future; else now."""
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    now = timezone.now()
    if dateline is not None:
        for year in (now.year, now.year - 1):
            day = dateline.resolve(year)
            if day is not None and day <= now.date():
                return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return now


def _outlet(outlet: Outlet | str | None) -> Outlet | None:
    if isinstance(outlet, Outlet) or outlet is None:
        return outlet
    name = outlet.strip()
    if not name:
        return None
    found, _ = Outlet.objects.get_or_create(name=name)
    return found
