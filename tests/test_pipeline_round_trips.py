"""Round trips the pipeline makes per article, beyond the query count: under load each one waits
for the database process and then for the worker to be scheduled again (issue 9). The automated
checks' three reads (corroborating figures, claimant histories, similar claims) go in one round
trip on PostgreSQL with the same rows as read one by one; a stage's job is picked without a
queryset compiled for it, with the same compare-and-swap; other desks' fact-checks are asked
about once per claim run."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from claims.models import (
    Job,
    JobStage,
    JobState,
    Mention,
    Quantity,
    SimilarClaim,
    SimilarityDecision,
)
from claims.services import job_start
from claims.services.jobs import claiming
from workers import gather, histories, pipeline
from workers.reads import Reads

from .factories import ArticleFactory, ClaimFactory, EntityFactory

pytestmark = pytest.mark.django_db


def a_batch():
    """A claim with a figure reported elsewhere, an earlier claim by its claimant on its topic,
    and two similar claims (one rejected by an editor)."""
    speaker, topic = EntityFactory(name="Ana Costa"), EntityFactory(name="Porto")
    earlier = ClaimFactory(claimant=speaker, text="Costa said Porto grew by 7 percent.")
    Mention.objects.create(claim=earlier, entity=topic, text="Porto", start=0, end=5)
    elsewhere = ClaimFactory(text="Porto's harbour traffic grew 12 percent last year.")
    Quantity.objects.create(
        claim=elsewhere, text="12 percent", value=12.0, unit="percent", start=0, end=2
    )
    claim = ClaimFactory(claimant=speaker, text="Costa said traffic in Porto grew 12 percent.")
    kept, rejected = ClaimFactory(), ClaimFactory()
    SimilarClaim.objects.create(claim=claim, other=kept, score=0.9)
    SimilarClaim.objects.create(
        claim=claim, other=rejected, score=0.95, decision=SimilarityDecision.REJECTED
    )
    rows = gather.ClaimRows(
        dates=(),
        quantities=(("12 percent", 12.0, "percent", ""),),
        entity_ids=frozenset({topic.pk}),
    )
    return claim, {claim.pk: rows}, earlier, elsewhere, kept


def test_the_checks_context_is_read_in_one_round_trip_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("several statements in one query: PostgreSQL's")
    claim, rows, *_ = a_batch()
    with CaptureQueriesContext(connection) as queries:
        gather.check_contexts([claim], rows, imported=False)
    assert len(queries) == 1, [q["sql"][:80] for q in queries]


def test_the_reads_sent_together_give_what_each_gives_alone():
    claim, rows, earlier, elsewhere, kept = a_batch()
    context = gather.check_contexts([claim], rows, imported=False)[claim.pk]
    assert context.corroborations == ((elsewhere.article.title, elsewhere.text),)
    assert context.claimant_history == ((earlier.pk, earlier.text),)
    assert [other for other, _, _ in context.similar] == [kept.pk]  # the rejected one left out
    alone = Reads()
    history = histories.claimant_histories([claim], rows, alone)
    similar = gather._similar_read([claim.pk], alone)
    figures = gather._corroborations([claim], rows, alone)
    alone.run()
    assert tuple(history[claim.pk]) == context.claimant_history
    assert tuple(similar[claim.pk]) == context.similar
    assert tuple(figures[claim.pk]) == context.corroborations


def test_a_claimants_history_is_not_cut_by_other_claimants_rows():
    # Read ten per claim in the database, not the batch's newest rows in Python: a claimant with
    # many claims on the batch's topics does not crowd out another claimant's history.
    busy, quiet = EntityFactory(name="Busy Speaker"), EntityFactory(name="Quiet Speaker")
    topic = EntityFactory(name="Lagos")
    old = ClaimFactory(claimant=quiet, text="Quiet said Lagos doubled its budget.")
    Mention.objects.create(claim=old, entity=topic, text="Lagos", start=0, end=5)
    for n in range(12):
        said = ClaimFactory(claimant=busy, text=f"Busy said Lagos spent {n} million.")
        Mention.objects.create(claim=said, entity=topic, text="Lagos", start=0, end=5)
    now = [ClaimFactory(claimant=busy), ClaimFactory(claimant=quiet)]
    rows = {
        c.pk: gather.ClaimRows(dates=(), quantities=(), entity_ids=frozenset({topic.pk}))
        for c in now
    }
    found = histories.claimant_histories(now, rows)
    assert len(found[now[0].pk]) == 10
    assert found[now[1].pk] == [(old.pk, old.text)]


def test_a_stages_job_is_picked_by_its_own_sql_with_the_same_compare_and_swap():
    article = ArticleFactory()
    mine = Q(article_id=article.pk, stage=JobStage.EXTRACT)
    Job.objects.create(article=article, stage=JobStage.EXTRACT)
    assert claiming._simple_pick(mine, "t1") is not None
    assert claiming._simple_pick(Q(article__title="x"), "t1") is None  # the ORM builds that one
    assert claiming._simple_pick(~mine, "t1") is None
    started = job_start(job_filter=mine, task_id="t1")
    assert started is not None and started.state == JobState.RUNNING and started.attempts == 1
    assert job_start(job_filter=mine, task_id="t2") is None  # another run holds it
    again = job_start(job_filter=mine, task_id="t1")  # its redelivery takes it over
    assert again is not None and again.attempts == 2


def test_a_claim_run_asks_about_other_desks_fact_checks_once(seed_text):
    import datetime as dt

    from claims.services import article_ingest

    article = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article
    pipeline.stage_extract(article.pk, task_id="t", rollup=False)
    claim_ids = list(article.claims.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        pipeline.stage_claims(claim_ids, task_id="t", article_id=article.pk)
    asked = [q for q in queries if "claims_externalfactcheck" in q["sql"]]
    assert len(asked) == 1
