"""Services: every write that spans rows or changes a claim's status (HackSoft styleguide).

Typed, keyword-only functions named `<entity>_<action>`. Views, serializers, the admin, management
commands and tasks call these and stay thin.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from workers.dispatch import job_enqueue

from .models import (
    Article,
    Claim,
    ClaimEvent,
    ClaimStatus,
    EventKind,
    Job,
    JobStage,
    Outlet,
)
from .parsing import ArticleTextError, content_hash, parse_article
from .workflow import MOVES_BY_EDGE, moves_from


# --- Errors ---------------------------------------------------------------------------------------
class ServiceError(Exception):
    """A refusal the caller should show to the user as it is."""

    def __init__(self, message: str, *, reasons: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.reasons = reasons or []


class InvalidTransition(ServiceError):
    """The move is not in the workflow, or one of its preconditions is unmet (HTTP 409)."""


class TransitionForbidden(ServiceError):
    """The actor's role does not allow this move (HTTP 403)."""


class StaleVersion(ServiceError):
    """The caller edited an older version of the claim than the current one (HTTP 412)."""


class ConcurrentUpdate(ServiceError):
    """Someone else changed the claim between our read and our write (HTTP 409)."""


class IngestError(ServiceError):
    """The input cannot become an article; nothing was written (HTTP 400)."""


# --- Workflow -------------------------------------------------------------------------------------
def claim_transition(
    *,
    claim: Claim,
    to: str,
    actor=None,
    comment: str = "",
    expected_version: int | None = None,
) -> Claim:
    """Move `claim` to status `to`, enforcing the workflow table in `claims.workflow`.

    `actor` is the user making the move (None for the system: no role check, and it cannot publish).
    `expected_version`, when given, must match the claim's current version (the API's If-Match).
    Repeating the current status is a no-op. The write is a compare-and-swap on (status, version):
    if another request moved or edited the claim in between, ConcurrentUpdate is raised and nothing
    is written. Returns the claim as stored after the move.
    """
    current = Claim.objects.select_related("assignee").get(pk=claim.pk)
    if current.status == to:
        return current
    if expected_version is not None and current.version != expected_version:
        raise StaleVersion(
            f"the claim has changed since version {expected_version} "
            f"(now version {current.version}): reload it and try again"
        )
    move = MOVES_BY_EDGE.get((current.status, to))
    if move is None:
        allowed = ", ".join(m.target for m in moves_from(current.status)) or "none"
        raise InvalidTransition(
            f"a claim cannot move from {current.status} to {to} (allowed: {allowed})"
        )
    if actor is not None and not actor.has_perm(move.permission):
        raise TransitionForbidden(f"your role does not allow you to {move.label} a claim")
    reasons = [msg for check in move.preconditions if (msg := check(current, actor))]
    if move.comment_required and not comment.strip():
        reasons.append(f"a reason is required to {move.label}")
    if reasons:
        raise InvalidTransition(f"cannot {move.label}: " + "; ".join(reasons), reasons=reasons)

    now = timezone.now()
    changes: dict = {"status": to, "version": F("version") + 1, "updated_at": now}
    if move.target == ClaimStatus.PUBLISHED:
        changes["reviewer"] = actor
        if current.published_at is None:
            changes["published_at"] = now
    with transaction.atomic():
        updated = Claim.objects.filter(
            pk=current.pk, status=current.status, version=current.version
        ).update(**changes)
        if updated != 1:
            raise ConcurrentUpdate(
                "someone else changed this claim at the same moment: reload it and try again"
            )
        ClaimEvent.objects.create(
            claim=current,
            actor=actor,
            actor_label=_actor_label(actor),
            kind=EventKind.TRANSITION,
            from_value=current.status,
            to_value=to,
            comment=comment.strip(),
        )
        current.refresh_from_db()
        _record_history(current, actor=actor, reason=f"{move.label}: {comment.strip()}".strip(": "))
    return current


def _actor_label(actor) -> str:
    return actor.get_username() if actor is not None else "worker"


def _record_history(claim: Claim, *, actor, reason: str) -> None:
    """Field history for writes made with queryset.update(), which simple-history cannot see."""
    Claim.history.bulk_history_create(
        [claim], default_user=actor, default_change_reason=reason[:100], update=True
    )


# --- Ingest ---------------------------------------------------------------------------------------
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
    Article with `created=False` and writes nothing. Bad input raises IngestError, writing nothing.
    """
    text = _decode(text)
    limit = settings.FACTCHECK["MAX_ARTICLE_CHARS"]
    if len(text) > limit:
        raise IngestError(
            f"the article is {len(text):,} characters long; the limit is {limit:,} "
            "(FACTCHECK_MAX_ARTICLE_CHARS)"
        )
    try:
        parsed = parse_article(text)
    except ArticleTextError as exc:
        raise IngestError(str(exc)) from None

    url = (url or parsed.url or "").strip() or None
    if url is not None:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise IngestError(f"{url!r} is not a valid http(s) URL") from None
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
            job = Job.objects.create(article=article, stage=JobStage.EXTRACT)
            job_enqueue(job=job)
    except IntegrityError:
        # Another request ingested the same article between our check and our insert.
        existing = _article_existing(content_hash=digest, url=url)
        if existing is None:
            raise
        return IngestResult(article=existing, created=False)
    return IngestResult(article=article, created=True)


def _decode(text: str | bytes) -> str:
    if isinstance(text, bytes):
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
