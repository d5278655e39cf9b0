"""How fast the pipeline is: the pure extractor (sentences per second), one article through
`ingest --sync` (in-process), and one article through a real worker (queued, then waited for)."""

import datetime as dt
import itertools

import pytest

from claims.models import PipelineStatus
from claims.parsing import parse_article
from claims.services import article_ingest
from factcheck.celery import app as celery_app
from tests.worker_process import WorkerProcess, wait_until
from workers import enrichment, extraction, pipeline

ROUNDS = 5
_counter = itertools.count()


def fresh_article(seed_text: str):
    """The seed with one word changed, so each round ingests a new article (no dedupe)."""
    n = next(_counter)
    text = seed_text.replace("Radio Habana Cuba**", f"Radio Habana Cuba {n}**").replace(
        "https://www.radiohc.cu/", f"https://www.radiohc.cu/bench-{n}/"
    )
    text = text.replace("more than 450,000", f"more than {450_000 + n:,}")
    return article_ingest(text=text, published_at=dt.date(2025, 5, 4)).article


@pytest.mark.parametrize("scorer", list(extraction.SCORERS))
def test_extractor_sentences_per_second(benchmark, seed_text, scorer):
    """The extractor with each check-worthiness scorer side by side (the model is the default;
    it must keep extraction at 500 sentences/s or more on one core)."""
    body = parse_article(seed_text).body
    sentences = len(extraction.split_sentences(body))
    chosen = extraction.get_scorer(scorer)
    extraction.extract_claims(body, scorer=chosen)  # build spaCy and load the model untimed
    benchmark.group = "pure modules"
    claims = benchmark(extraction.extract_claims, body, outlet="Radio Habana Cuba", scorer=chosen)
    benchmark.extra_info["sentences"] = sentences
    benchmark.extra_info["sentences_per_second"] = round(sentences / benchmark.stats["mean"], 1)
    assert len(claims) >= 12


def test_enrichment_of_the_seed_claims(benchmark, seed_text):
    body = parse_article(seed_text).body
    claims = extraction.extract_claims(body)
    reference = dt.date(2025, 5, 4)

    def enrich_all():
        return [enrichment.enrich(c.text, reference_date=reference, offset=c.start) for c in claims]

    enrich_all()
    benchmark.group = "pure modules"
    benchmark(enrich_all)
    benchmark.extra_info["claims"] = len(claims)


@pytest.mark.django_db
def test_one_article_in_process_sync(benchmark, seed_text):
    pipeline.article_run_sync(fresh_article(seed_text).pk)  # warm caches outside the timing
    benchmark.group = "one article, ingest to done"

    def run(article):
        assert pipeline.article_run_sync(article.pk) == PipelineStatus.DONE

    benchmark.pedantic(
        run, setup=lambda: ((fresh_article(seed_text),), {}), rounds=ROUNDS, iterations=1
    )


@pytest.mark.django_db(transaction=True)
def test_one_article_through_a_worker(benchmark, seed_text):
    celery_app.control.purge()
    worker = WorkerProcess(concurrency=2).start()
    try:

        def run(text_round):
            article = fresh_article(seed_text)

            def finished():
                article.refresh_from_db()
                return article.pipeline_status in (PipelineStatus.DONE, PipelineStatus.FAILED)

            wait_until(finished, timeout=120, interval=0.02, message=worker.log)
            assert article.pipeline_status == PipelineStatus.DONE

        run(0)  # the worker's first task loads spaCy and dateparser: keep it out of the timing
        benchmark.group = "one article, ingest to done"
        benchmark.pedantic(run, args=(1,), rounds=ROUNDS, iterations=1)
    finally:
        worker.stop()
