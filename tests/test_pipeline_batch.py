"""The claim stages batched per article, in-process: a poison claim fails alone, a transient error
puts the batch back for its retry and leaves no duplicates, waiting for enrichment is not an
attempt, a dead worker's jobs are taken back, and an article keeps its most check-worthy claims
up to the cap."""

import datetime as dt
from collections import Counter

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from claims.models import (
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
from claims.services import article_ingest, jobs_take_back
from claims.services.jobs import outbox
from workers import checklists, extraction, gather, pipeline, tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def extracted(seed_text):
    """The seed with its claims recorded, their enrich and checklist jobs queued."""
    article = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article
    claim_ids = pipeline.stage_extract(article.pk, task_id="t-extract")
    assert claim_ids and len(claim_ids) >= 12
    return article, claim_ids


def jobs(claim_ids, stage):
    return {job.claim_id: job for job in Job.objects.filter(claim_id__in=claim_ids, stage=stage)}


def explode_checks_of(monkeypatch, words: str) -> None:
    """The automated checks of claims whose text holds `words` raise (a poison claim's checks)."""
    real = checklists.run_check

    def run_check(key, context):
        if words in context.claim_text:
            raise RuntimeError("check exploded")
        return real(key, context)

    monkeypatch.setattr(pipeline.checklists, "run_check", run_check)


def test_one_batch_enriches_and_checks_every_claim_of_an_article(extracted):
    article, claim_ids = extracted
    pipeline.stage_claims(claim_ids, task_id="t-batch")
    for stage in (JobStage.ENRICH, JobStage.CHECKLIST):
        assert {(j.state, j.attempts, j.task_id) for j in jobs(claim_ids, stage).values()} == {
            (JobState.DONE, 1, "t-batch")
        }
    assert not Claim.objects.filter(pk__in=claim_ids, checklist__isnull=True).exists()
    article.refresh_from_db()
    assert article.pipeline_status == PipelineStatus.DONE


def test_a_poison_claim_fails_its_own_jobs_and_its_siblings_finish(extracted, monkeypatch):
    article, claim_ids = extracted
    poison = Claim.objects.get(article=article, text__contains="more than 450,000")
    real_enrich = pipeline.enrichment.enrich

    def enrich(text, **kwargs):
        if "450,000" in text:
            raise ValueError("the tagger choked")
        return real_enrich(text, **kwargs)

    monkeypatch.setattr(pipeline.enrichment, "enrich", enrich)
    pipeline.stage_claims(claim_ids, task_id="t-batch")
    enrich_jobs = jobs(claim_ids, JobStage.ENRICH)
    assert (enrich_jobs[poison.pk].state, enrich_jobs[poison.pk].last_error) == (
        JobState.FAILED,
        "ValueError: the tagger choked",
    )
    siblings = [pk for pk in claim_ids if pk != poison.pk]
    assert {enrich_jobs[pk].state for pk in siblings} == {JobState.DONE}
    assert {j.state for pk, j in jobs(siblings, JobStage.CHECKLIST).items()} == {JobState.DONE}
    # Its enrichment failed for good: its checklist is still built, on what there is.
    assert jobs([poison.pk], JobStage.CHECKLIST)[poison.pk].state == JobState.DONE
    article.refresh_from_db()
    assert article.pipeline_status == PipelineStatus.FAILED


def test_a_check_that_crashes_on_one_claim_fails_only_that_claims_checklist(extracted, monkeypatch):
    article, claim_ids = extracted
    poison = Claim.objects.get(article=article, text__contains="most secure southwest border")
    explode_checks_of(monkeypatch, "most secure")
    pipeline.stage_claims(claim_ids, task_id="t-batch")
    checklist_jobs = jobs(claim_ids, JobStage.CHECKLIST)
    assert checklist_jobs[poison.pk].state == JobState.FAILED
    assert checklist_jobs[poison.pk].last_error == "RuntimeError: check exploded"
    assert not ChecklistItem.objects.filter(claim=poison).exists()
    others = [pk for pk in claim_ids if pk != poison.pk]
    assert {checklist_jobs[pk].state for pk in others} == {JobState.DONE}
    assert not Claim.objects.filter(pk__in=others, checklist__isnull=True).exists()


def test_a_transient_error_mid_batch_retries_the_batch_without_duplicates(extracted, monkeypatch):
    _, claim_ids = extracted
    real = pipeline.services.checklists_build
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr(pipeline.services, "checklists_build", flaky)
    tasks.process_claims.apply(args=[claim_ids])
    assert len(calls) == 2
    checklist_jobs = jobs(claim_ids, JobStage.CHECKLIST)
    assert {(j.state, j.attempts, j.last_error) for j in checklist_jobs.values()} == {
        (JobState.DONE, 2, "")
    }
    # Enrichment was done on the first run and not repeated by the retry.
    assert {j.attempts for j in jobs(claim_ids, JobStage.ENRICH).values()} == {1}
    per_claim = Counter(ChecklistItem.objects.values_list("claim_id", "title"))
    assert max(per_claim.values()) == 1
    assert len(set(Mention.objects.values_list("claim_id", "entity_id", "start"))) == (
        Mention.objects.count()
    )


def test_running_a_batch_again_changes_nothing(extracted):
    _, claim_ids = extracted
    pipeline.stage_claims(claim_ids, task_id="t-1")
    before = (ChecklistItem.objects.count(), Mention.objects.count())
    pipeline.stage_claims(claim_ids, task_id="t-2")  # the jobs are done: nothing to claim
    pipeline.stage_claims(claim_ids, task_id="t-1")  # nor for a redelivered message
    assert (ChecklistItem.objects.count(), Mention.objects.count()) == before


def test_waiting_for_enrichment_does_not_spend_the_checklists_attempts(extracted, settings):
    """Regression (issue 13 #5): a checklist waiting on its enrichment spent its five attempts
    on NotReady and failed, leaving the article failed after a worker was killed."""
    _, claim_ids = extracted
    claim_id = claim_ids[0]
    tasks.build_checklist.apply(args=[claim_id])  # enrichment is still queued
    job = jobs([claim_id], JobStage.CHECKLIST)[claim_id]
    assert (job.state, job.attempts) == (JobState.QUEUED, 0)
    assert settings.FACTCHECK["JOB_MAX_ATTEMPTS"] < tasks.NOT_READY_RETRIES


def test_a_worker_starting_again_takes_back_the_jobs_its_previous_life_held(extracted, monkeypatch):
    _, claim_ids = extracted
    sent = []
    monkeypatch.setattr(
        outbox, "claim_jobs_publish", lambda *, claim_ids, force=False: sent.append(claim_ids)
    )
    held, elsewhere = claim_ids[:3], claim_ids[3:5]
    Job.objects.filter(claim_id__in=held, stage=JobStage.ENRICH).update(
        state=JobState.RUNNING, task_id="t-dead", worker="celery@box", attempts=1
    )
    Job.objects.filter(claim_id__in=elsewhere, stage=JobStage.ENRICH).update(
        state=JobState.RUNNING, task_id="t-alive", worker="celery@other", attempts=1
    )
    assert jobs_take_back(worker="celery@box") == 3
    taken = jobs(held, JobStage.ENRICH)
    assert {(j.state, j.attempts) for j in taken.values()} == {(JobState.QUEUED, 1)}
    assert {j.state for j in jobs(elsewhere, JobStage.ENRICH).values()} == {JobState.RUNNING}
    assert sent == [held]


def test_an_article_keeps_its_most_checkworthy_claims_up_to_the_cap(seed_text, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "MAX_CLAIMS_PER_ARTICLE": 5}
    article = article_ingest(text=seed_text).article
    pipeline.article_run_sync(article.pk)
    kept = list(Claim.objects.filter(article=article).order_by("start"))
    assert len(kept) == 5
    everything = extraction.extract_claims(
        article.body,
        threshold=settings.FACTCHECK["CHECKWORTHINESS_THRESHOLD"],
        scorer=extraction.get_scorer(settings.FACTCHECK["CHECKWORTHINESS_SCORER"]),
    )
    assert len(everything) > 5
    best = sorted(c.checkworthiness for c in everything)[-5:]
    assert sorted(round(c.checkworthiness, 4) for c in kept) == [round(b, 4) for b in best]
    assert Job.objects.filter(claim__article=article).count() == 10


class WorkerDied(BaseException):
    """Stands for SIGKILL: nothing in the task catches it."""


def test_a_worker_dying_between_writing_and_closing_its_jobs_leaves_nothing_twice(
    extracted, monkeypatch
):
    """What a batch writes and its jobs' end commit together: a death in between leaves neither,
    so the redelivered message (same task id) records each claim's enrichment once."""
    article, claim_ids = extracted
    real_end = pipeline.services.claim_jobs_end

    def die(**kwargs):
        raise WorkerDied

    monkeypatch.setattr(pipeline.services, "claim_jobs_end", die)
    with pytest.raises(WorkerDied):
        pipeline.stage_claims(claim_ids, task_id="t-batch")
    assert not ClaimEvent.objects.filter(claim__article=article).exists()
    assert not Mention.objects.filter(claim__article=article).exists()
    assert {j.state for j in jobs(claim_ids, JobStage.ENRICH).values()} == {JobState.RUNNING}

    monkeypatch.setattr(pipeline.services, "claim_jobs_end", real_end)
    pipeline.stage_claims(claim_ids, task_id="t-batch")  # the message, redelivered
    events = ClaimEvent.objects.filter(claim__article=article, kind=EventKind.ENRICHMENT)
    assert Counter(events.values_list("claim_id", flat=True)) == dict.fromkeys(claim_ids, 1)
    assert {(j.state, j.attempts) for j in jobs(claim_ids, JobStage.ENRICH).values()} == {
        (JobState.DONE, 2)
    }


def test_a_short_article_is_extracted_enriched_and_checked_in_one_run(seed_text, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 100}
    article = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article
    assert pipeline.stage_extract_and_claims(article.pk, task_id="t-1") is None
    article.refresh_from_db()
    assert article.pipeline_status == PipelineStatus.DONE
    claim_jobs = Job.objects.filter(claim__article=article)
    assert {(j.state, j.task_id) for j in claim_jobs} == {(JobState.DONE, "t-1")}


def test_a_longer_article_leaves_its_claims_to_publish(seed_text, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 3}
    article = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article
    claim_ids = pipeline.stage_extract_and_claims(article.pk, task_id="t-1")
    assert claim_ids and len(claim_ids) > 3
    assert set(Job.objects.filter(claim__article=article).values_list("state", flat=True)) == {
        JobState.QUEUED
    }


def test_a_redelivered_extraction_finishes_the_claims_its_dead_run_held(extracted, settings):
    """The worker died while the extraction task ran its claims itself: the redelivered message
    (same task id) takes over the jobs left running, and those never published; jobs another
    task holds are left to it."""
    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 100}
    article, claim_ids = extracted
    held, elsewhere = claim_ids[:4], claim_ids[4:6]
    Job.objects.filter(claim_id__in=held, stage=JobStage.ENRICH).update(
        state=JobState.RUNNING, task_id="t-extract", attempts=1
    )
    Job.objects.filter(claim_id__in=elsewhere).update(
        state=JobState.RUNNING, task_id="t-other", attempts=1
    )
    assert pipeline.stage_extract_and_claims(article.pk, task_id="t-extract") is None
    left = Job.objects.filter(claim__article=article).exclude(claim_id__in=elsewhere)
    assert {j.state for j in left} == {JobState.DONE}
    assert {j.attempts for j in jobs(held, JobStage.ENRICH).values()} == {2}
    assert {j.state for j in Job.objects.filter(claim_id__in=elsewhere)} == {JobState.RUNNING}
    assert ClaimEvent.objects.filter(claim__article=article, kind=EventKind.ENRICHMENT).count() == (
        len(claim_ids) - len(elsewhere)
    )


def test_each_checklist_item_the_machine_creates_has_its_history_row(extracted):
    _, claim_ids = extracted
    pipeline.stage_claims(claim_ids, task_id="t-batch")
    items = ChecklistItem.objects.filter(claim_id__in=claim_ids)
    fields = ("id", "claim_id", "title", "state", "result", "automated", "done_at")
    history = list(ChecklistItem.history.filter(claim_id__in=claim_ids).values(*fields))
    assert len(history) == items.count() > 0
    assert sorted(map(repr, history)) == sorted(map(repr, items.values(*fields)))
    assert {(h.history_type, h.history_user_id) for h in ChecklistItem.history.all()} == {
        ("+", None)
    }
    assert ChecklistItem.history.filter(history_date__isnull=True).count() == 0


def test_new_claims_get_their_own_ids_and_history_rows_in_one_write(extracted):
    """The claims written in one statement get the ids of their own rows (matched by span), each
    with its history row by nobody."""
    article, claim_ids = extracted
    claims = Claim.objects.filter(pk__in=claim_ids)
    assert {(c.start, c.end): article.body[c.start : c.end] for c in claims} == {
        (c.start, c.end): c.text for c in claims
    }
    history = Claim.history.filter(id__in=claim_ids)
    assert sorted(h.id for h in history) == sorted(claim_ids)
    assert {(h.history_type, h.history_user_id, h.text) for h in history} == {
        ("+", None, c.text) for c in claims
    }


def test_a_claim_repeating_an_older_one_is_linked_as_its_duplicate_once(seed_text, settings):
    """A second article repeating the seed: each repeated claim is linked to the seed's, with the
    link in its enrichment event; one a person already linked elsewhere keeps that link."""
    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 100}
    first = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article
    pipeline.article_run_sync(first.pk)
    again = (
        seed_text.replace("Radio Habana Cuba", "Another Desk")
        .replace("https://www.radiohc.cu/", "https://desk.example/")
        .replace("more than 450,000", "more than 460,000")
    )
    second = article_ingest(text=again, published_at=dt.date(2025, 5, 5)).article
    assert second.pk != first.pk
    pipeline.stage_extract(second.pk, task_id="t-second")
    claims = list(Claim.objects.filter(article=second).order_by("pk"))
    kept = claims[0]
    elsewhere = Claim.objects.filter(article=first).exclude(text=kept.text).first()
    Claim.objects.filter(pk=kept.pk).update(duplicate_of=elsewhere)
    pipeline.stage_claims([c.pk for c in claims], task_id="t-second-claims")
    originals = {c.text: c.pk for c in Claim.objects.filter(article=first)}
    linked = {
        c.pk: c.duplicate_of_id for c in Claim.objects.filter(article=second).exclude(pk=kept.pk)
    }
    repeated = {pk for pk, other in linked.items() if other is not None}
    assert len(repeated) >= 10
    texts = dict(Claim.objects.filter(pk__in=repeated).values_list("pk", "text"))
    assert {linked[pk] for pk in repeated} <= set(originals.values())
    assert all(originals.get(texts[pk]) in (linked[pk], None) for pk in repeated)
    assert Claim.objects.get(pk=kept.pk).duplicate_of_id == elsewhere.pk
    comments = dict(
        ClaimEvent.objects.filter(claim__article=second, kind=EventKind.ENRICHMENT).values_list(
            "claim_id", "comment"
        )
    )
    assert {pk for pk, comment in comments.items() if "linked as a duplicate" in comment} == (
        repeated
    )


def test_a_short_article_with_a_crashing_check_rolls_up_failed_in_its_one_run(
    seed_text, settings, monkeypatch
):
    """The inline run rolls the article up in its checklists' transaction: one claim's crashing
    check fails that claim's checklist and the article, its siblings are done."""
    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 100}
    explode_checks_of(monkeypatch, "most secure")
    article = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article
    assert pipeline.stage_extract_and_claims(article.pk, task_id="t-1") is None
    article.refresh_from_db()
    assert article.pipeline_status == PipelineStatus.FAILED
    failed = Job.objects.filter(claim__article=article, state=JobState.FAILED)
    assert [(j.stage, j.claim.text.count("most secure")) for j in failed] == [
        (JobStage.CHECKLIST, 1)
    ]
    assert Job.objects.filter(claim__article=article, state=JobState.DONE).count() == (
        2 * Claim.objects.filter(article=article).count() - 1
    )


def test_an_article_without_claims_is_done_after_its_extraction(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 100}
    text = "# A quiet day\n\nThe garden was quiet. Birds sang in the trees near the old house."
    article = article_ingest(text=text, published_at=dt.date(2025, 5, 4)).article
    assert pipeline.stage_extract_and_claims(article.pk, task_id="t-1") is None
    article.refresh_from_db()
    assert not Claim.objects.filter(article=article).exists()
    assert article.pipeline_status == PipelineStatus.DONE


def test_enriching_again_replaces_the_machines_rows_and_keeps_an_editors_decision(
    seed_text, settings
):
    """Re-running a claim's enrichment: its mentions, quantities, dates and suggestions are
    replaced (not added to), a similar claim an editor rejected stays rejected."""
    from claims.models import DateMention, Quantity, SimilarClaim, SimilarityDecision
    from claims.services import job_queue

    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 100}
    pipeline.article_run_sync(
        article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article.pk
    )
    for n in (1, 2):  # two copies: the last one's claims have two similar claims each
        text = seed_text.replace("https://www.radiohc.cu/", f"https://desk{n}.example/").replace(
            "more than 450,000", f"more than {450_000 + n * 10_000:,}"
        )
        second = article_ingest(text=text, published_at=dt.date(2025, 5, 4 + n)).article
        pipeline.article_run_sync(second.pk)
    claim = Claim.objects.get(article=second, text__contains="Sheinbaum says she rejected")
    rows = lambda: (  # noqa: E731
        sorted(Mention.objects.filter(claim=claim).values_list("entity_id", "start")),
        sorted(Quantity.objects.filter(claim=claim).values_list("text", "start")),
        sorted(DateMention.objects.filter(claim=claim).values_list("text", "start")),
    )
    before = rows()
    similar = list(SimilarClaim.objects.filter(claim=claim).order_by("-score"))
    assert len(similar) >= 2 and before[0]
    rejected = similar[0]
    SimilarClaim.objects.filter(pk=rejected.pk).update(decision=SimilarityDecision.REJECTED)
    job_queue(stage=JobStage.ENRICH, claim=claim, publish=False)
    assert pipeline.stage_enrich(claim.pk, task_id="t-again")
    assert rows() == before
    after = SimilarClaim.objects.filter(claim=claim)
    assert sorted(after.values_list("other_id", flat=True)) == sorted(s.other_id for s in similar)
    assert after.get(other_id=rejected.other_id).decision == SimilarityDecision.REJECTED
    assert set(after.exclude(pk=rejected.pk).values_list("decision", flat=True)) == {
        SimilarityDecision.SUGGESTED
    }


def test_claims_whose_enrichment_keeps_failing_transiently_give_up_at_the_cap(
    extracted, monkeypatch, settings
):
    """Each run of the batch is an attempt; the run after the last one fails the jobs with the
    last error, and holds none of them."""
    _, claim_ids = extracted
    cap = settings.FACTCHECK["JOB_MAX_ATTEMPTS"]

    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(pipeline.gather, "similar_claims_many", down)
    for attempt in range(cap):
        with pytest.raises(OperationalError):
            pipeline.stage_enrich_batch(claim_ids, task_id=f"t-{attempt}")
    assert pipeline.stage_enrich_batch(claim_ids, task_id="t-last") == set()
    enrich_jobs = jobs(claim_ids, JobStage.ENRICH).values()
    assert {(j.state, j.attempts, j.task_id) for j in enrich_jobs} == {
        (JobState.FAILED, cap, f"t-{cap - 1}")
    }
    assert {j.last_error for j in enrich_jobs} == {
        f"gave up after {cap} attempts; last error: OperationalError: could not connect to server"
    }


def test_entities_are_created_once_and_gather_their_aliases():
    from claims.models import Entity
    from claims.services import entities_resolve

    Entity.objects.create(kind="person", name="Donald Trump", aliases=["Trump"])
    found = entities_resolve(
        wanted={
            ("person", "Donald Trump"): {"President Trump", "Donald Trump"},
            ("place", "Mexico"): {"Mexico"},
        }
    )
    again = entities_resolve(wanted={("place", "Mexico"): {"México"}})
    assert Entity.objects.count() == 2
    trump = Entity.objects.get(name="Donald Trump")
    assert found[("person", "Donald Trump")].pk == trump.pk
    assert trump.aliases == ["President Trump", "Trump"]
    assert again[("place", "Mexico")].pk == found[("place", "Mexico")].pk
    assert Entity.objects.get(name="Mexico").aliases == ["México"]


def test_the_rows_enrichment_writes_give_the_checks_a_read_back_would(extracted):
    """The inline run's checklists take the rows its enrichment wrote, not a read back: the same
    rows (cuts, values, order) and so the same checks' contexts."""
    _, claim_ids = extracted
    written: dict = {}
    done = pipeline.stage_enrich_batch(claim_ids, task_id="t-enrich", written=written)
    assert done == set(claim_ids) == set(written)
    claims = gather.claims_for_checklists(claim_ids)
    read = {claim.pk: gather.rows_read(claim) for claim in claims}
    assert read == {pk: rows for pk, (_, rows) in written.items()}
    assert any(rows.quantities for rows in read.values())
    assert any(rows.dates for rows in read.values())
    assert any(rows.entity_ids for rows in read.values())
    reused = [claim for claim, _ in written.values()]
    assert gather.check_contexts(reused, read) == gather.check_contexts(claims, read)


def test_a_batchs_checklists_read_no_enrichment_rows_back(extracted):
    _, claim_ids = extracted
    with CaptureQueriesContext(connection) as queries:
        pipeline.stage_claims(claim_ids, task_id="t-batch")
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert not [sql for sql in reads if 'FROM "claims_datemention"' in sql]
    assert Job.objects.filter(
        claim_id__in=claim_ids, stage=JobStage.CHECKLIST, state=JobState.DONE
    ).count() == len(claim_ids)


def test_the_checklist_jobs_start_in_the_enrichments_commit_and_a_redelivery_takes_them(
    extracted, monkeypatch
):
    """One commit fewer: the batch's checklist jobs start with the enrichment's results. A worker
    dying before its checklists leaves them held by its task id; the redelivered message (same
    task id) takes them over and builds each checklist once. Claims whose enrichment another run
    holds get no checklist job started."""
    _, claim_ids = extracted
    elsewhere = claim_ids[:2]
    Job.objects.filter(claim_id__in=elsewhere, stage=JobStage.ENRICH).update(
        state=JobState.RUNNING, task_id="t-other", attempts=1
    )
    real_contexts = pipeline.gather.check_contexts

    def die(*args, **kwargs):
        raise WorkerDied

    monkeypatch.setattr(pipeline.gather, "check_contexts", die)
    with pytest.raises(WorkerDied):
        pipeline.stage_claims(claim_ids, task_id="t-batch")
    ours = [c for c in claim_ids if c not in elsewhere]
    assert {(j.state, j.task_id, j.attempts) for j in jobs(ours, JobStage.CHECKLIST).values()} == {
        (JobState.RUNNING, "t-batch", 1)
    }
    assert {j.state for j in jobs(elsewhere, JobStage.CHECKLIST).values()} == {JobState.QUEUED}
    assert not ChecklistItem.objects.filter(claim_id__in=claim_ids).exists()

    monkeypatch.setattr(pipeline.gather, "check_contexts", real_contexts)
    pipeline.stage_claims(claim_ids, task_id="t-batch")  # the message, redelivered
    assert {(j.state, j.attempts) for j in jobs(ours, JobStage.CHECKLIST).values()} == {
        (JobState.DONE, 2)
    }
    assert {j.state for j in jobs(elsewhere, JobStage.CHECKLIST).values()} == {JobState.QUEUED}
    titles = Counter(
        ChecklistItem.objects.filter(claim_id__in=ours).values_list("claim_id", "title")
    )
    assert titles and set(titles.values()) == {1}


def test_a_death_as_the_checklist_jobs_start_leaves_the_enrichment_unwritten_too(
    extracted, monkeypatch
):
    """The checklist jobs start in the enrichment's transaction: a death there undoes both, and
    the redelivered message enriches each claim once."""
    article, claim_ids = extracted
    real_start = pipeline.services.claim_jobs_start

    def start(*, stage, **kwargs):
        if stage == JobStage.CHECKLIST:
            raise WorkerDied
        return real_start(stage=stage, **kwargs)

    monkeypatch.setattr(pipeline.services, "claim_jobs_start", start)
    with pytest.raises(WorkerDied):
        pipeline.stage_claims(claim_ids, task_id="t-batch")
    assert not ClaimEvent.objects.filter(claim__article=article).exists()
    assert {j.state for j in jobs(claim_ids, JobStage.ENRICH).values()} == {JobState.RUNNING}
    assert {j.state for j in jobs(claim_ids, JobStage.CHECKLIST).values()} == {JobState.QUEUED}

    monkeypatch.setattr(pipeline.services, "claim_jobs_start", real_start)
    pipeline.stage_claims(claim_ids, task_id="t-batch")
    events = ClaimEvent.objects.filter(claim__article=article, kind=EventKind.ENRICHMENT)
    assert Counter(events.values_list("claim_id", flat=True)) == dict.fromkeys(claim_ids, 1)
    assert {j.state for j in jobs(claim_ids, JobStage.CHECKLIST).values()} == {JobState.DONE}


def test_a_short_articles_run_reads_no_checklist_of_the_claims_it_just_created(seed_text, settings):
    """Claims its extraction created have no checklist item yet (only the checklist stage, whose
    jobs this run holds, adds them): not read back; a claim found again on a re-run is read."""
    settings.FACTCHECK = {**settings.FACTCHECK, "INLINE_CLAIMS": 100}
    article = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article

    def checklist_reads() -> int:
        with CaptureQueriesContext(connection) as queries:
            pipeline.stage_extract_and_claims(
                article.pk, task_id=f"t-{article.pk}-{Job.objects.count()}"
            )
        return sum(
            1
            for q in queries.captured_queries
            if q["sql"].startswith("SELECT") and 'FROM "claims_checklistitem"' in q["sql"]
        )

    assert checklist_reads() == 0
    built = ChecklistItem.objects.filter(claim__article=article).count()
    assert built > 0
    Job.objects.filter(claim__article=article).update(state=JobState.QUEUED)
    Job.objects.filter(article=article).update(state=JobState.QUEUED)
    assert checklist_reads() > 0  # a re-run: the claims exist, their items are read
    assert ChecklistItem.objects.filter(claim__article=article).count() == built
