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
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from workers.dispatch import claim_jobs_enqueue, job_enqueue

from .models import (
    Article,
    Attribution,
    ChecklistItem,
    ChecklistState,
    ChecklistTemplate,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    DateMention,
    Entity,
    EventKind,
    Evidence,
    IdempotencyKey,
    Job,
    JobStage,
    JobState,
    Mention,
    Outlet,
    PipelineStatus,
    Priority,
    Quantity,
    SimilarClaim,
    SimilarityDecision,
    Stance,
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
    _check_version(current, expected_version)
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
            raise ConcurrentUpdate(_RACED)
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


_RACED = "someone else changed this claim at the same moment: reload it and try again"


def _check_version(current: Claim, expected_version: int | None) -> None:
    """The caller's If-Match: refuse an edit made on an older version than the current one."""
    if expected_version is not None and current.version != expected_version:
        raise StaleVersion(
            f"the claim has changed since version {expected_version} "
            f"(now version {current.version}): reload it and try again"
        )


def _check_url(url: str, *, error: type[ServiceError] = ServiceError) -> None:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise error(f"{url!r} is not a valid http(s) URL") from None


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
        _check_url(url, error=IngestError)
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


# --- Editing a claim ------------------------------------------------------------------------------
# Fields a person may edit directly. Status is not among them: it moves through claim_transition().
CLAIM_EDITABLE_FIELDS = frozenset(
    {
        "text",
        "claim_type",
        "claimant",
        "attribution",
        "verdict",
        "verdict_summary",
        "assignee",
        "priority",
        "due_at",
        "duplicate_of",
    }
)
# Once published, the verdict is public: it changes only through a correction (→ researching).
_LOCKED_WHEN_PUBLISHED = frozenset({"text", "verdict", "verdict_summary", "claimant"})


def claim_update(*, claim: Claim, actor, data: dict, expected_version: int | None = None) -> Claim:
    """Change editable fields of a claim with a compare-and-swap on its version.

    `data` maps field names (foreign keys as model instances or None) to new values. Fields equal
    to their current value are ignored; if nothing changes, nothing is written. Assignment and
    verdict changes are recorded as ClaimEvents. Raises StaleVersion when `expected_version` is not
    the current version, ConcurrentUpdate when another write lands between our read and our write.
    """
    unknown = set(data) - CLAIM_EDITABLE_FIELDS
    if unknown:
        raise ServiceError(f"these fields cannot be edited: {', '.join(sorted(unknown))}")
    if actor is not None and not actor.has_perm("claims.change_claim"):
        raise TransitionForbidden("your role does not allow you to edit claims")
    current = Claim.objects.select_related("assignee").get(pk=claim.pk)
    _check_version(current, expected_version)
    changes = {field: value for field, value in data.items() if getattr(current, field) != value}
    if not changes:
        return current
    locked = sorted(set(changes) & _LOCKED_WHEN_PUBLISHED)
    if current.status == ClaimStatus.PUBLISHED and locked:
        raise InvalidTransition(
            f"a published claim's {', '.join(locked)} can change only through a correction "
            "(move it back to researching with a reason)"
        )
    if changes.get("duplicate_of") is not None and changes["duplicate_of"].pk == current.pk:
        raise ServiceError("a claim cannot be a duplicate of itself")

    events = []
    if "assignee" in changes:
        events.append(
            (EventKind.ASSIGNMENT, _username(current.assignee), _username(changes["assignee"]))
        )
    if "verdict" in changes:
        events.append((EventKind.VERDICT, current.verdict, changes["verdict"]))
    with transaction.atomic():
        updated = Claim.objects.filter(pk=current.pk, version=current.version).update(
            **changes, version=F("version") + 1, updated_at=timezone.now()
        )
        if updated != 1:
            raise ConcurrentUpdate(_RACED)
        for kind, old, new in events:
            ClaimEvent.objects.create(
                claim=current,
                actor=actor,
                actor_label=_actor_label(actor),
                kind=kind,
                from_value=old,
                to_value=new,
            )
        current.refresh_from_db()
        _record_history(current, actor=actor, reason="edit: " + ", ".join(sorted(changes)))
    return current


def _username(user) -> str:
    return user.get_username() if user is not None else ""


def claim_comment(*, claim: Claim, actor, comment: str) -> ClaimEvent:
    """Add a comment to the claim's history."""
    if not comment.strip():
        raise ServiceError("a comment cannot be empty")
    return ClaimEvent.objects.create(
        claim=claim,
        actor=actor,
        actor_label=_actor_label(actor),
        kind=EventKind.COMMENT,
        comment=comment.strip(),
    )


# --- Checklists and evidence ----------------------------------------------------------------------
def checklist_item_update(
    *, item: ChecklistItem, actor, state: str | None = None, note: str | None = None
) -> ChecklistItem:
    """Work one checklist item: tick it done, skip it (a note says why), fail it, or reopen it.

    Who and when are recorded on done/skipped/failed and cleared on reopening.
    """
    if state is not None and state not in ChecklistState.values:
        raise ServiceError(
            f"{state!r} is not a checklist state ({', '.join(ChecklistState.values)})"
        )
    if item.claim.status == ClaimStatus.PUBLISHED:
        raise InvalidTransition("the claim is published: move it back to researching to rework it")
    if note is not None:
        item.note = note.strip()
    if state is not None and state != item.state:
        item.state = state
        if state == ChecklistState.OPEN:
            item.done_by, item.done_at = None, None
        else:
            item.done_by, item.done_at = actor, timezone.now()
    item._history_user = actor
    item.save()
    return item


def evidence_add(
    *,
    claim: Claim,
    actor,
    url: str,
    title: str = "",
    publisher: str = "",
    excerpt: str = "",
    stance: str = Stance.CONTEXT,
) -> Evidence:
    """Attach a source to a claim."""
    _check_url(url)
    if stance not in Stance.values:
        raise ServiceError(f"{stance!r} is not a stance ({', '.join(Stance.values)})")
    evidence = Evidence(
        claim=claim,
        url=url,
        title=title,
        publisher=publisher,
        excerpt=excerpt,
        stance=stance,
        added_by=actor,
    )
    evidence._history_user = actor
    evidence.save()
    return evidence


def evidence_delete(*, evidence: Evidence, actor) -> None:
    """Remove a source (its history row keeps what it was)."""
    if evidence.claim.status == ClaimStatus.PUBLISHED:
        raise InvalidTransition("the claim is published: its evidence is part of the record")
    evidence._history_user = actor
    evidence.delete()


# --- Jobs -----------------------------------------------------------------------------------------
def job_queue(
    *,
    stage: str,
    article: Article | None = None,
    claim: Claim | None = None,
    publish: bool = True,
) -> Job:
    """Queue one pipeline stage for an article or a claim, publishing it after commit.

    One Job row per (target, stage): queuing again re-arms a finished or failed job; a job still
    queued or running is left as it is (it will do the work anyway). With `publish=False` the row
    is written but not sent: the caller sends it (the extract task publishes its follow-ups as one
    canvas), or the sweeper will.
    """
    job, created = Job.objects.get_or_create(article=article, claim=claim, stage=stage)
    if not created:
        rearmed = Job.objects.filter(pk=job.pk, state__in=[JobState.DONE, JobState.FAILED]).update(
            state=JobState.QUEUED,
            attempts=0,
            last_error="",
            task_id="",
            queued_at=timezone.now(),
            published_at=None,
            started_at=None,
            finished_at=None,
        )
        if not rearmed:
            return job
        job.refresh_from_db()
    if publish:
        job_enqueue(job=job)
    return job


def article_reprocess(*, article: Article) -> Job:
    """Run the article's pipeline again: machine fields are refreshed, human work is kept."""
    with transaction.atomic():
        job = job_queue(article=article, stage=JobStage.EXTRACT)
        Article.objects.filter(pk=article.pk).update(pipeline_status=PipelineStatus.QUEUED)
    return job


def claim_create(
    *,
    actor,
    text: str,
    article: Article | None = None,
    start: int | None = None,
    end: int | None = None,
    claim_type: str = ClaimType.OTHER,
    claimant: Entity | None = None,
    attribution: str = Attribution.AUTHOR,
    priority: int = Priority.NORMAL,
) -> Claim:
    """Record a claim entered by hand, then queue its enrichment and checklist.

    With an article, `start`/`end` locate it in the body and must match `text` exactly.
    """
    text = text.strip()
    if not text:
        raise ServiceError("a claim needs its text")
    if article is not None:
        if start is None or end is None:
            raise ServiceError("a claim in an article needs its start and end offsets")
        if article.body[start:end] != text:
            raise ServiceError(
                f"the text at {start}..{end} of the article is "
                f"{article.body[start:end][:80]!r}, not the claim's text"
            )
    elif start is not None or end is not None:
        raise ServiceError("offsets need an article")
    if claim_type not in ClaimType.values:
        raise ServiceError(f"{claim_type!r} is not a claim type")
    if attribution not in Attribution.values:
        raise ServiceError(f"{attribution!r} is not an attribution")
    try:
        with transaction.atomic():
            claim = Claim(
                article=article,
                text=text,
                start=start,
                end=end,
                claim_type=claim_type,
                checkworthiness=1.0,
                checkworthiness_reasons=["entered by hand"],
                claimant=claimant,
                attribution=attribution,
                priority=priority,
                created_by=actor,
            )
            claim._history_user = actor
            claim.save()
            ClaimEvent.objects.create(
                claim=claim,
                actor=actor,
                actor_label=_actor_label(actor),
                kind=EventKind.COMMENT,
                comment="entered by hand",
            )
            job_queue(claim=claim, stage=JobStage.ENRICH, publish=False)
            job_queue(claim=claim, stage=JobStage.CHECKLIST, publish=False)
            claim_jobs_enqueue(claim_ids=[claim.pk])
    except IntegrityError:
        raise ServiceError("this span of the article is already recorded as a claim") from None
    return claim


# --- Pipeline: job lifecycle ----------------------------------------------------------------------
# Workers move a Job queued → running → done/failed with compare-and-swap updates (Healthchecks'
# pattern): `updated != 1` means another run got there first, and this one does nothing.


def job_start(*, job_id: int, task_id: str) -> Job | None:
    """Claim a job for this run: queued → running, attempts + 1. Returns None if not ours to run.

    A job already running under the *same* task id was orphaned by a worker that died mid-task and
    the broker redelivered its message (acks_late): this run takes it over. A job out of attempts
    is marked failed instead of run again.
    """
    claimable = Q(state=JobState.QUEUED) | Q(state=JobState.RUNNING, task_id=task_id)
    job = Job.objects.filter(claimable, pk=job_id).first()
    if job is None:
        return None
    max_attempts = settings.FACTCHECK["JOB_MAX_ATTEMPTS"]
    if job.attempts >= max_attempts:
        job_fail(
            job=job,
            error=f"gave up after {job.attempts} attempts; last error: {job.last_error or 'none'}",
        )
        return None
    updated = Job.objects.filter(claimable, pk=job_id, attempts=job.attempts).update(
        state=JobState.RUNNING,
        attempts=F("attempts") + 1,
        task_id=task_id,
        started_at=timezone.now(),
        finished_at=None,
    )
    if updated != 1:
        return None
    job.refresh_from_db()
    _pipeline_rollup(job)
    return job


def job_finish(*, job: Job) -> None:
    """running → done."""
    Job.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
        state=JobState.DONE, last_error="", finished_at=timezone.now()
    )
    _pipeline_rollup(job)


def job_fail(*, job: Job, error: str) -> None:
    """→ failed, with the error kept on the row for the ops view."""
    Job.objects.filter(pk=job.pk, state__in=[JobState.QUEUED, JobState.RUNNING]).update(
        state=JobState.FAILED, last_error=error[:4000], finished_at=timezone.now()
    )
    _pipeline_rollup(job)


def job_retry_later(*, job: Job, error: str) -> None:
    """running → queued after a transient error; the task's retry will claim it again."""
    Job.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
        state=JobState.QUEUED, last_error=error[:4000]
    )


def _pipeline_rollup(job: Job) -> None:
    article_id = job.article_id
    if article_id is None:
        article_id = (
            Claim.objects.filter(pk=job.claim_id).values_list("article_id", flat=True).first()
        )
    if article_id is not None:
        article_pipeline_rollup(article_id=article_id)


def article_pipeline_rollup(*, article_id: int) -> str:
    """The article's pipeline status from its jobs and its claims' jobs: failed if any failed,
    done when all are done, queued while nothing has started, running otherwise.

    Computed under a lock on the article row: two workers finishing the last two jobs at once
    would otherwise each read the other's job as unfinished, and the later write could leave the
    article "running" for ever. Each caller's own job update is committed before it gets here, so
    whoever takes the lock last sees every update.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return PipelineStatus.FAILED
        states = set(
            Job.objects.filter(Q(article_id=article_id) | Q(claim__article_id=article_id))
            .values_list("state", flat=True)
            .distinct()
        )
        if JobState.FAILED in states:
            status = PipelineStatus.FAILED
        elif states <= {JobState.DONE}:
            status = PipelineStatus.DONE if states else PipelineStatus.QUEUED
        elif states == {JobState.QUEUED}:
            status = PipelineStatus.QUEUED
        else:
            status = PipelineStatus.RUNNING
        if article.pipeline_status != status:
            Article.objects.filter(pk=article_id).update(pipeline_status=status)
    return status


# --- Pipeline: recording machine results ----------------------------------------------------------
def entity_resolve(*, name: str, kind: str, aliases: tuple[str, ...] = ()) -> Entity:
    """The one Entity row for a real entity (kind + canonical name), adding any new aliases."""
    entity, _ = Entity.objects.get_or_create(kind=kind, name=name[:300])
    new_aliases = sorted({*entity.aliases, *(a for a in aliases if a != entity.name)})
    if new_aliases != entity.aliases:
        entity.aliases = new_aliases
        entity.save(update_fields=["aliases"])
    return entity


def _untouched(claim: Claim) -> bool:
    """No person has edited, moved, or worked on this claim: the machine may still reshape it."""
    return (
        claim.version == 1
        and claim.status == ClaimStatus.NEW
        and not claim.evidence.exists()
        and not claim.checklist.filter(done_by__isnull=False).exists()
    )


def claims_record(*, article: Article, candidates) -> list[Claim]:
    """Record the extractor's candidates as the article's claims, idempotently.

    Claims are matched by span. Machine fields (score, reasons, sentence index) are refreshed on
    every run; type, claimant and attribution only while no person has touched the claim. A claim
    the extractor no longer finds is removed only if untouched, so human work is never lost.
    Queues (unpublished) enrich and checklist jobs for every claim; returns the claims.
    """
    with transaction.atomic():
        existing = {(c.start, c.end): c for c in article.claims.all()}
        recorded: list[Claim] = []
        for candidate in candidates:
            claimant = (
                entity_resolve(
                    name=candidate.claimant.name,
                    kind=candidate.claimant.kind,
                    aliases=tuple(candidate.claimant.aliases),
                )
                if candidate.claimant is not None
                else None
            )
            machine = {
                "text": candidate.text,
                "sentence_index": candidate.sentence_index,
                "checkworthiness": round(min(max(candidate.checkworthiness, 0.0), 1.0), 4),
                "checkworthiness_reasons": list(candidate.reasons),
            }
            shape = {
                "claim_type": candidate.claim_type,
                "claimant": claimant,
                "attribution": candidate.attribution,
            }
            claim = existing.pop((candidate.start, candidate.end), None)
            if claim is None:
                claim = Claim.objects.create(
                    article=article, start=candidate.start, end=candidate.end, **machine, **shape
                )
            else:
                fields = machine | (shape if _untouched(claim) else {})
                for name, value in fields.items():
                    setattr(claim, name, value)
                claim.save(update_fields=[*fields, "updated_at"])
            recorded.append(claim)
        for stale in existing.values():
            if _untouched(stale):
                stale.delete()
        for claim in recorded:
            job_queue(claim=claim, stage=JobStage.ENRICH, publish=False)
            job_queue(claim=claim, stage=JobStage.CHECKLIST, publish=False)
    return recorded


def claim_enrichment_apply(*, claim: Claim, enrichment, similar: list[tuple[int, float]]) -> None:
    """Replace the claim's machine enrichment (mentions, quantities, dates, similar suggestions).

    Editors' decisions on similar claims are kept. A claim whose best match reaches the duplicate
    threshold is linked to the older claim as its duplicate, unless someone already linked it.
    """
    with transaction.atomic():
        Mention.objects.filter(claim=claim).delete()
        Mention.objects.bulk_create(
            Mention(
                claim=claim,
                entity=entity_resolve(name=e.canonical, kind=e.kind, aliases=(e.text,)),
                text=e.text[:300],
                start=e.start,
                end=e.end,
            )
            for e in enrichment.entities
        )
        Quantity.objects.filter(claim=claim).delete()
        Quantity.objects.bulk_create(
            Quantity(
                claim=claim,
                text=q.text[:300],
                value=q.value,
                unit=q.unit[:64],
                bound=q.bound,
                start=q.start,
                end=q.end,
            )
            for q in enrichment.quantities
        )
        DateMention.objects.filter(claim=claim).delete()
        DateMention.objects.bulk_create(
            DateMention(
                claim=claim,
                text=d.text[:200],
                value=d.value,
                granularity=d.granularity,
                start=d.start,
                end=d.end,
            )
            for d in enrichment.dates
        )
        decided = set(
            SimilarClaim.objects.filter(claim=claim)
            .exclude(decision=SimilarityDecision.SUGGESTED)
            .values_list("other_id", flat=True)
        )
        SimilarClaim.objects.filter(claim=claim, decision=SimilarityDecision.SUGGESTED).delete()
        SimilarClaim.objects.bulk_create(
            SimilarClaim(claim=claim, other_id=other_id, score=round(score, 4))
            for other_id, score in similar
            if other_id not in decided and other_id != claim.pk
        )
        summary = (
            f"{len(enrichment.entities)} entities, {len(enrichment.quantities)} quantities, "
            f"{len(enrichment.dates)} dates, {len(similar)} similar claims"
        )
        threshold = settings.FACTCHECK["SIMILAR_DUPLICATE"]
        best = max(
            (
                (other, score)
                for other, score in similar
                if other < claim.pk and other not in decided
            ),
            key=lambda pair: pair[1],
            default=None,
        )
        if best is not None and best[1] >= threshold:
            linked = Claim.objects.filter(pk=claim.pk, duplicate_of__isnull=True).update(
                duplicate_of_id=best[0]
            )
            if linked:
                summary += f"; linked as a duplicate of #{best[0]} (score {best[1]:.2f})"
        ClaimEvent.objects.create(
            claim=claim, actor_label="worker", kind=EventKind.ENRICHMENT, comment=summary
        )


def checklist_build(*, claim: Claim, run_check) -> list[ChecklistItem]:
    """Give the claim the checklist of its type's template and record the automated results.

    `run_check(check_key)` returns a result with `state` and `result`. Items are matched by title,
    so running this again adds new template items and refreshes automated results, but never
    changes an item a person has worked (done_by set) or a manual item's state. Items no longer in
    the template (the claim's type changed) are removed unless a person worked on them.
    """
    template = (
        ChecklistTemplate.objects.filter(claim_type=claim.claim_type).first()
        or ChecklistTemplate.objects.filter(claim_type=ClaimType.OTHER).first()
    )
    if template is None:
        return []
    existing = {item.title: item for item in claim.checklist.all()}
    specs = list(template.items.all())
    items: list[ChecklistItem] = []
    created: list[ChecklistItem] = []
    changed: list[ChecklistItem] = []
    now = timezone.now()
    for spec in specs:
        item = existing.get(spec.title)
        if item is None:
            item = ChecklistItem(
                claim=claim,
                template_item=spec,
                order=spec.order,
                title=spec.title,
                guidance=spec.guidance,
                required=spec.required,
                automated=bool(spec.check_key),
                check_key=spec.check_key,
            )
            created.append(item)
        if item.automated and item.done_by_id is None:
            outcome = run_check(item.check_key)
            if (item.state, item.result) != (outcome.state, outcome.result):
                item.state, item.result, item.done_at = outcome.state, outcome.result, now
                if item.pk is not None:
                    changed.append(item)
        items.append(item)
    # In bulk, with their history rows: a checklist is a dozen items, written a few times each.
    with transaction.atomic():
        if created:
            bulk_create_with_history(created, ChecklistItem)
        if changed:
            bulk_update_with_history(changed, ChecklistItem, ["state", "result", "done_at"])
        # After a change of claim type, the old type's items go, unless someone worked on them.
        claim.checklist.exclude(title__in=[spec.title for spec in specs]).filter(
            done_by__isnull=True, note=""
        ).delete()
    return items


# --- The editors' desk: bulk moves, assignment, duplicates, requeues ------------------------------
@dataclass(frozen=True)
class BulkOutcome:
    """What a bulk operation did: the claims it changed and, for each one it could not change,
    why (one refusal does not undo the others)."""

    done: list[Claim]
    refused: list[tuple[Claim, str]]


def claims_transition(*, claims, to: str, actor, comment: str = "") -> BulkOutcome:
    """`claim_transition()` for each claim, reporting refusals instead of raising them."""
    done, refused = [], []
    for claim in claims:
        try:
            done.append(claim_transition(claim=claim, to=to, actor=actor, comment=comment))
        except ServiceError as exc:
            refused.append((claim, exc.message))
    return BulkOutcome(done=done, refused=refused)


def claims_assign(*, claims, assignee, actor) -> BulkOutcome:
    """Assign each claim to `assignee` (None: unassign) through `claim_update()`, so that every
    assignment is versioned and written to the claim's history. Published and dismissed claims
    are refused: their work is over."""
    done, refused = [], []
    for claim in claims:
        if claim.status in (ClaimStatus.PUBLISHED, ClaimStatus.DISMISSED):
            refused.append((claim, f"the claim is {claim.get_status_display().lower()}"))
            continue
        try:
            done.append(claim_update(claim=claim, actor=actor, data={"assignee": assignee}))
        except ServiceError as exc:
            refused.append((claim, exc.message))
    return BulkOutcome(done=done, refused=refused)


def similar_claim_decide(*, similar: SimilarClaim, actor, decision: str) -> SimilarClaim:
    """Record a person's decision on a suggested similar claim.

    Confirming links the claim as a duplicate of the other one; rejecting removes that link if it
    was there (the enrichment worker links near-certain duplicates on its own). Both go through
    `claim_update()` and leave a comment in the claim's history. Repeating a decision is a no-op;
    re-processing never overwrites one (`claim_enrichment_apply` keeps decided rows).
    """
    if decision not in (SimilarityDecision.CONFIRMED, SimilarityDecision.REJECTED):
        raise ServiceError(f"{decision!r} is not a decision: confirmed or rejected")
    if actor is not None and not actor.has_perm("claims.change_similarclaim"):
        raise TransitionForbidden("your role does not allow you to decide on similar claims")
    with transaction.atomic():
        updated = (
            SimilarClaim.objects.filter(pk=similar.pk)
            .exclude(decision=decision)
            .update(decision=decision, decided_by=actor)
        )
        similar.refresh_from_db()
        if not updated:
            return similar
        claim = Claim.objects.get(pk=similar.claim_id)
        if decision == SimilarityDecision.CONFIRMED:
            link = similar.other
            comment = f"confirmed as a duplicate of claim #{similar.other_id}"
        else:
            link = None if claim.duplicate_of_id == similar.other_id else claim.duplicate_of
            comment = f"not a duplicate of claim #{similar.other_id}"
        claim_update(claim=claim, actor=actor, data={"duplicate_of": link})
        claim_comment(claim=claim, actor=actor, comment=comment)
    return similar


def claims_reenrich(*, claims) -> int:
    """Run enrichment again for these claims, then rebuild their checklists' automated results:
    the same enrich → checklist chain the pipeline publishes. Returns how many were queued."""
    ids = []
    with transaction.atomic():
        for claim in claims:
            job_queue(claim=claim, stage=JobStage.ENRICH, publish=False)
            job_queue(claim=claim, stage=JobStage.CHECKLIST, publish=False)
            ids.append(claim.pk)
        claim_jobs_enqueue(claim_ids=ids)
    return len(ids)


def job_requeue(*, jobs, actor=None) -> list[Job]:
    """Queue failed jobs again with their attempts reset (the ops view's "requeue"). Jobs in any
    other state are left as they are; returns the jobs requeued."""
    if actor is not None and not actor.has_perm("claims.change_job"):
        raise TransitionForbidden("your role does not allow you to requeue jobs")
    requeued = []
    for job in jobs:
        if job.state != JobState.FAILED:
            continue
        requeued.append(job_queue(stage=job.stage, article=job.article, claim=job.claim))
    return requeued


# --- Maintenance ----------------------------------------------------------------------------------
def idempotency_keys_purge(*, older_than: dt.timedelta) -> int:
    """Forget the API's remembered first answers once a retry can no longer come; returns how
    many were deleted."""
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted
