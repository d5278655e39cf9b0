"""The pipeline on the database, in-process: the seed's claims as recorded, idempotence,
re-processing that keeps human work, and the retry policy (transient vs permanent errors)."""

import datetime as dt

import pytest
from django.db import OperationalError

from claims.models import (
    Article,
    ChecklistItem,
    ChecklistState,
    Claim,
    ClaimStatus,
    Entity,
    Job,
    JobStage,
    JobState,
    Mention,
    PipelineStatus,
    SimilarClaim,
    Verdict,
)
from claims.services import (
    article_ingest,
    article_reprocess,
    checklist_item_update,
    claim_transition,
    claim_update,
    evidence_add,
)
from workers import pipeline, tasks
from workers.extraction import FEATURE_WEIGHTS

from .conftest import needs_postgres

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(seed_text):
    article = article_ingest(
        text=seed_text, outlet="Radio Habana Cuba", published_at=dt.date(2025, 5, 4)
    ).article
    assert pipeline.article_run_sync(article.pk) == PipelineStatus.DONE
    return article


def claim_containing(article, fragment):
    return Claim.objects.get(article=article, text__contains=fragment)


def test_the_seed_casualty_figure_is_a_statistic_with_its_quantities(seed):
    claim = claim_containing(seed, "more than 450,000")
    assert claim.claim_type == "statistic"
    assert claim.claimant.name == "Claudia Sheinbaum"
    assert claim.attribution == "reported_speech"
    assert claim.checkworthiness >= 0.5
    assert claim.checkworthiness_reasons
    assert seed.body[claim.start : claim.end] == claim.text
    quantities = {(q.value, q.unit, q.bound) for q in claim.quantities.all()}
    assert (450000.0, "people", "lower") in quantities
    assert (20.0, "years", "approx") in quantities


def test_the_seed_superlative_and_its_claimant_through_the_spokesperson_chain(seed):
    claim = claim_containing(seed, "most secure southwest border in history")
    assert claim.claim_type == "superlative"
    assert claim.claimant.name == "U.S. National Security Council"


def test_the_seed_reported_claims_resolve_the_news_outlet(seed):
    assert claim_containing(seed, "Wall Street Journal reported").claimant.name == (
        "The Wall Street Journal"
    )
    assert claim_containing(seed, "April 16th call").claimant.name == "The Wall Street Journal"


def test_the_seed_dates_are_resolved_against_the_article_date(seed):
    resolved = {
        (d.text, d.value, d.granularity)
        for d in Claim.objects.get(article=seed, text__contains="order on Friday").dates.all()
    }
    assert ("Friday", "2025-05-02", "day") in resolved
    april = claim_containing(seed, "April 16th").dates.get()
    assert (april.value, april.granularity) == ("2025-04-16", "day")
    assert claim_containing(seed, "last month").dates.get().value == "2025-04"
    assert claim_containing(seed, "Since taking office in January").dates.get().value == "2025-01"


def test_the_scorer_setting_chooses_the_scorer_and_its_threshold(seed_text, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "CHECKWORTHINESS_SCORER": "rules"}
    article = article_ingest(text=seed_text, outlet="Radio Habana Cuba").article
    assert pipeline.article_run_sync(article.pk) == PipelineStatus.DONE
    by_rules = Claim.objects.filter(article=article)
    assert by_rules.count() >= 12
    for claim in by_rules:  # the rule table's names, at its threshold of 0.5
        assert set(claim.checkworthiness_reasons) <= set(FEATURE_WEIGHTS)
        assert claim.checkworthiness >= 0.5


def test_the_model_is_the_default_scorer_and_its_reasons_are_readable(seed):
    claim = claim_containing(seed, "more than 450,000")
    assert claim.checkworthiness_reasons[0].startswith("number with unit (+")


def test_one_entity_row_per_real_entity(seed):
    assert Entity.objects.filter(name="Donald Trump").count() == 1
    assert not Entity.objects.filter(name__in=["Trump", "President Trump", "U.S.", "US"]).exists()
    trump = Entity.objects.get(name="Donald Trump")
    assert Mention.objects.filter(entity=trump).count() >= 5


def test_every_claim_gets_the_checklist_of_its_type_with_automated_results(seed):
    statistic = claim_containing(seed, "more than 450,000")
    items = {item.title: item for item in statistic.checklist.all()}
    assert "Identify the primary source of the figure" in items
    assert "Establish whether the figure is cumulative or annual" in items
    manual = items["Check the figure against official data"]
    assert (manual.state, manual.automated, manual.required) == (ChecklistState.OPEN, False, True)
    parsed = items["Quantities parsed"]
    assert parsed.automated and parsed.state == ChecklistState.DONE
    assert "450000" in parsed.result
    assert items["Claimant identified"].result == "Claimant: Claudia Sheinbaum"
    # Nothing else in the archive reports the figure yet: nothing to check, not a failure.
    corroborated = items["Figure corroborated in another ingested article"]
    assert (corroborated.state, corroborated.result) == (
        ChecklistState.NOT_APPLICABLE,
        "No other ingested article reports this figure.",
    )

    quote = claim_containing(seed, "our sovereignty is not for sale")
    verbatim = quote.checklist.get(check_key="quote_verbatim")
    assert verbatim.state == ChecklistState.DONE, verbatim.result


def test_every_job_is_done_and_the_article_rolls_up_to_done(seed):
    claims = seed.claims.count()
    assert claims >= 12
    assert Job.objects.filter(claim__article=seed, stage=JobStage.ENRICH).count() == claims
    assert Job.objects.filter(claim__article=seed, stage=JobStage.CHECKLIST).count() == claims
    assert set(Job.objects.values_list("state", flat=True)) == {JobState.DONE}
    assert set(Job.objects.values_list("attempts", flat=True)) == {1}
    seed.refresh_from_db()
    assert seed.pipeline_status == PipelineStatus.DONE


def test_running_the_pipeline_again_is_a_no_op(seed):
    before = (Claim.objects.count(), ChecklistItem.objects.count(), Mention.objects.count())
    assert pipeline.article_run_sync(seed.pk) == PipelineStatus.DONE
    assert (Claim.objects.count(), ChecklistItem.objects.count(), Mention.objects.count()) == before


def test_reprocessing_refreshes_machine_fields_and_keeps_human_work(seed, editor, fact_checker):
    claim = claim_containing(seed, "more than 450,000")
    claim_transition(claim=claim, to=ClaimStatus.TRIAGED, actor=editor)
    claim = claim_update(
        claim=claim,
        actor=editor,
        data={"assignee": fact_checker, "verdict": Verdict.MISLEADING, "claim_type": "causal"},
    )
    evidence_add(claim=claim, actor=fact_checker, url="https://example.org/inegi", title="INEGI")
    ticked = claim.checklist.get(title="Identify the primary source of the figure")
    checklist_item_update(item=ticked, actor=fact_checker, state=ChecklistState.DONE, note="INEGI")
    Claim.objects.filter(pk=claim.pk).update(checkworthiness=0.01)  # a stale machine score
    counts = (Claim.objects.count(), None, Mention.objects.count())

    article_reprocess(article=seed)
    assert pipeline.article_run_sync(seed.pk) == PipelineStatus.DONE

    claim.refresh_from_db()
    assert claim.checkworthiness >= 0.5  # machine field refreshed
    assert (claim.status, claim.verdict, claim.assignee, claim.claim_type) == (
        ClaimStatus.TRIAGED,
        Verdict.MISLEADING,
        fact_checker,
        "causal",  # a person changed it: the machine no longer does
    )
    assert claim.evidence.count() == 1
    ticked.refresh_from_db()
    assert (ticked.state, ticked.note, ticked.done_by) == (
        ChecklistState.DONE,
        "INEGI",
        fact_checker,
    )
    assert (Claim.objects.count(), Mention.objects.count()) == (counts[0], counts[2])
    # The type a person chose decides the checklist; the item they worked stays.
    titles = set(claim.checklist.values_list("title", flat=True))
    assert "Look for evidence of the causal link" in titles
    assert "Identify the primary source of the figure" in titles
    assert "Establish whether the figure is cumulative or annual" not in titles


def test_a_claim_no_longer_found_is_removed_only_if_nobody_worked_on_it(seed, fact_checker):
    untouched = Claim.objects.create(article=seed, text=seed.body[0:7], start=0, end=7)
    worked = Claim.objects.create(article=seed, text=seed.body[0:8], start=0, end=8)
    evidence_add(claim=worked, actor=fact_checker, url="https://example.org/x")
    article_reprocess(article=seed)
    pipeline.article_run_sync(seed.pk)
    assert not Claim.objects.filter(pk=untouched.pk).exists()
    assert Claim.objects.filter(pk=worked.pk).exists()


def test_the_same_sentence_in_another_article_is_linked_as_a_duplicate(seed):
    original = claim_containing(seed, "more than 450,000")
    other = article_ingest(
        text="A wave of violence has killed more than 450,000 in Mexico over nearly two decades, "
        "the Mexican president said.\n\nOfficials gave no further details.",
        title="Violence in Mexico",
        published_at=dt.date(2025, 5, 6),
    ).article
    pipeline.article_run_sync(other.pk)
    copy = claim_containing(other, "more than 450,000")
    suggestion = SimilarClaim.objects.get(claim=copy, other=original)
    assert suggestion.score >= 0.6
    corroborated = copy.checklist.get(check_key="figure_corroborated")
    assert corroborated.state == ChecklistState.DONE
    assert corroborated.result.startswith("Reported in 1 other article(s): Sheinbaum says")


def test_a_transient_error_is_retried_and_the_job_succeeds(seed_text, monkeypatch):
    article = article_ingest(text=seed_text).article
    real = pipeline.extraction.extract_claims
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline.extraction, "extract_claims", flaky)
    tasks.extract_claims.apply(args=[article.pk])
    job = Job.objects.get(article=article)
    assert (job.state, job.attempts, job.last_error) == (JobState.DONE, 2, "")
    assert article.claims.exists()


def test_a_permanent_error_fails_the_job_with_the_error_visible(seed_text, monkeypatch):
    article = article_ingest(text=seed_text).article

    def broken(*args, **kwargs):
        raise ValueError("tokenizer choked on input")

    monkeypatch.setattr(pipeline.extraction, "extract_claims", broken)
    tasks.extract_claims.apply(args=[article.pk])
    job = Job.objects.get(article=article)
    assert (job.state, job.attempts) == (JobState.FAILED, 1)
    assert job.last_error == "ValueError: tokenizer choked on input"
    article.refresh_from_db()
    assert article.pipeline_status == PipelineStatus.FAILED


def test_a_job_that_keeps_failing_transiently_stops_at_the_attempts_cap(
    seed_text, monkeypatch, settings
):
    article = article_ingest(text=seed_text).article

    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(pipeline.extraction, "extract_claims", down)
    tasks.extract_claims.apply(args=[article.pk])
    job = Job.objects.get(article=article)
    cap = settings.FACTCHECK["JOB_MAX_ATTEMPTS"]
    assert (job.state, job.attempts) == (JobState.FAILED, cap)
    assert job.last_error.startswith(f"gave up after {cap} attempts")
    assert "could not connect to server" in job.last_error


def test_a_redelivered_message_takes_over_its_orphaned_job_but_not_anothers(seed_text):
    article = article_ingest(text=seed_text).article
    job = Job.objects.get(article=article)
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING, task_id="t-1", attempts=1)
    assert pipeline.stage_extract(article.pk, task_id="t-2") is None  # another run holds it
    assert pipeline.stage_extract(article.pk, task_id="t-1")  # the same message, redelivered
    job.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 2)


def test_the_checklist_waits_for_enrichment(seed_text):
    article = article_ingest(text=seed_text).article
    pipeline.stage_extract(article.pk, task_id="t")
    claim = article.claims.first()
    with pytest.raises(pipeline.NotReady):
        pipeline.stage_checklist(claim.pk, task_id="t")
    assert Job.objects.get(claim=claim, stage=JobStage.CHECKLIST).state == JobState.QUEUED
    assert not claim.checklist.exists()


def test_a_task_for_a_deleted_row_returns_quietly():
    tasks.extract_claims.apply(args=[999_999])
    tasks.enrich_claim.apply(args=[999_999])
    tasks.build_checklist.apply(args=[999_999])
    assert not Article.objects.exists()


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_the_last_jobs_finishing_at_once_leave_the_article_done(seed_text):
    """Regression: each finisher read the other's job as unfinished, and the later write left the
    article "running" for ever (seen in the smoke run with two worker processes)."""
    import threading

    from django.db import connection

    from claims import services

    article = article_ingest(text=seed_text).article
    Job.objects.filter(article=article).update(state=JobState.DONE)
    claims = [
        Claim.objects.create(article=article, text=article.body[i : i + 5], start=i, end=i + 5)
        for i in range(0, 80, 10)
    ]
    for _ in range(20):
        jobs = [
            Job.objects.update_or_create(
                claim=claim, stage=JobStage.ENRICH, defaults={"state": JobState.RUNNING}
            )[0]
            for claim in claims
        ]
        Article.objects.filter(pk=article.pk).update(pipeline_status=PipelineStatus.RUNNING)
        barrier = threading.Barrier(len(jobs))

        def finish(job, barrier=barrier):
            try:
                barrier.wait(timeout=10)
                services.job_finish(job=job)
            finally:
                connection.close()

        threads = [threading.Thread(target=finish, args=(job,)) for job in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        article.refresh_from_db()
        assert article.pipeline_status == PipelineStatus.DONE
