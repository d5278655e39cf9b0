"""Ingest: pasted article text, or the page at a URL once fetched, becomes a clean Article with
its pipeline queued."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from claims.exceptions import IngestError
from claims.models import Article, Job, JobStage, Outlet, PipelineStatus
from claims.parsing import ArticleTextError, ParsedArticle, content_hash, parse_article

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
    text, parsed, digest = _prepare(text)
    url = (url or parsed.url or "").strip() or None
    if url is not None:
        url = check_url(url, error=IngestError)
    title = (title or parsed.title).strip() or _title_from_body(parsed.body)

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


def _prepare(text: str | bytes) -> tuple[str, ParsedArticle, str]:
    """The checks every article's text goes through, pasted or fetched: decoding, the one length
    limit (FACTCHECK_MAX_ARTICLE_CHARS), the parser. Returns (text, parsed, content hash)."""
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
    return text, parsed, content_hash(parsed.body)


# --- From a URL: the article first, its text once the worker has fetched the page --------------
def _unfetched(url: str) -> str:
    """The content hash of an article whose page is not fetched yet (unique, as its URL is)."""
    return hashlib.sha256(f"unfetched:{url}".encode()).hexdigest()


def article_ingest_url(*, url: str, language: str = "en", created_by=None) -> IngestResult:
    """Queue the article at `url`: written now with its URL and a fetch job, filled by the worker
    (`article_fill_from_page`), then the pipeline. A URL already ingested — fetched or not —
    returns that article with `created=False`: never a second article for one URL."""
    url = check_url(url, error=IngestError)
    existing = Article.objects.filter(url=url).first()
    if existing is not None:
        return IngestResult(article=existing, created=False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                url=url,
                title=url[:500],  # until the page says
                published_at=timezone.now(),
                language=language or "en",
                body="",
                content_hash=_unfetched(url),
                created_by=created_by,
            )
            job_queue(article=article, stage=JobStage.FETCH)
    except IntegrityError:
        existing = Article.objects.filter(url=url).first()
        if existing is None:
            raise
        return IngestResult(article=existing, created=False)
    return IngestResult(article=article, created=True)


def article_fill_from_page(
    *,
    article_id: int,
    text: str,
    title: str = "",
    author: str = "",
    published: dt.date | None = None,
    outlet: str = "",
) -> Article:
    """Put a fetched page's article into the article `article_ingest_url` wrote, through the same
    checks as pasted text (length limit, parser, de-duplication by content), and queue its
    extraction. Raises IngestError, writing nothing: a page whose text is already an article."""
    text, parsed, digest = _prepare(text)
    try:
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=article_id)
            other = Article.objects.filter(content_hash=digest).exclude(pk=article_id).first()
            if other is not None:
                raise _already(other)
            article.title = ((title or parsed.title).strip() or _title_from_body(parsed.body))[:500]
            article.outlet = _outlet(outlet or parsed.outlet_name)
            article.byline = author[:300]
            article.published_at = _published_at(published, parsed.dateline)
            article.standfirst = parsed.standfirst
            article.dateline_place = parsed.dateline.place if parsed.dateline else ""
            article.body, article.raw_text, article.content_hash = parsed.body, text, digest
            article.photo_caption = parsed.photo_caption
            article.photo_credit = parsed.photo_credit[:300]
            article.source_note = parsed.source_note[:500]
            article.save()
            job_queue(article=article, stage=JobStage.EXTRACT)
    except IntegrityError:
        # Another article with this text was written between our check and our save.
        other = Article.objects.filter(content_hash=digest).exclude(pk=article_id).first()
        if other is None:
            raise
        raise _already(other) from None
    return article


def _already(other: Article) -> IngestError:
    return IngestError(
        f"the page's text is already article #{other.pk} ({other.url or other.title}): "
        "not ingested twice"
    )


def article_reprocess(*, article: Article) -> Job:
    """Run the article's pipeline again: machine fields are refreshed, human work is kept. An
    article whose page was never fetched is fetched again first."""
    unfetched = article.url is not None and article.content_hash == _unfetched(article.url)
    with transaction.atomic():
        job = job_queue(article=article, stage=JobStage.FETCH if unfetched else JobStage.EXTRACT)
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
