"""Ingest from a URL: the seed article served as a web page from 127.0.0.1 (allowed by
FACTCHECK_FETCH_ALLOW_HOSTS) becomes an article whose claims appear, through the same stage
functions the workers run (`article_run_sync`); every refusal ends the fetch job with its reason,
without a packet beyond loopback. The real-worker run is in test_worker.py."""

from __future__ import annotations

import datetime as dt
import html
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from claims import services
from claims.models import Article, Claim, Job, JobStage, JobState, PipelineStatus
from tests.localhttp import LocalServer, LoopbackGuard, drip, huge, page, redirect, status
from tests.workers.conftest import SEED_OUTLET, SEED_PARAGRAPHS
from workers import extraction
from workers.pipeline import article_run_sync

pytestmark = pytest.mark.django_db

SEED_TITLE = "Sheinbaum says she totally rejects Trump's offer to send U.S. troops to Mexico"


def seed_page() -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in SEED_PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(SEED_TITLE)} | {SEED_OUTLET}</title>
<meta property="og:title" content="{html.escape(SEED_TITLE)}">
<meta property="og:site_name" content="{SEED_OUTLET}">
<meta property="article:published_time" content="2025-05-04T10:00:00-04:00">
<meta name="author" content="Redacción Internacional">
</head><body>
<nav><a href="/">Portada</a> <a href="/en/noticias">News</a> <a href="/radio">Live radio</a></nav>
<article><h1>{html.escape(SEED_TITLE)}</h1>
{paragraphs}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Cuban baseball: the season opens</a></li></ul></aside>
<footer>Radio Habana Cuba. All rights reserved.</footer></body></html>""".encode()


@pytest.fixture(autouse=True)
def outbound(settings, monkeypatch):
    settings.FACTCHECK = {**settings.FACTCHECK, "FETCH_ALLOW_HOSTS": ["127.0.0.1"]}
    guard = LoopbackGuard().install(monkeypatch)
    yield guard
    assert guard.outside == [], f"reached beyond loopback: {guard.outside}"


def ingest(url: str) -> Article:
    result = services.article_ingest_url(url=url)
    article_run_sync(result.article.pk)
    result.article.refresh_from_db()
    return result.article


def fetch_job(article: Article) -> Job:
    return Job.objects.get(article=article, stage=JobStage.FETCH)


def test_the_claims_of_a_page_served_from_loopback_appear(outbound):
    with LocalServer({"/news/382138": page(seed_page())}) as server:
        article = ingest(server.url("/news/382138"))
    assert article.pipeline_status == PipelineStatus.DONE
    assert article.url == server.url("/news/382138")
    assert article.title == SEED_TITLE
    assert article.outlet.name == SEED_OUTLET
    assert article.byline == "Redacción Internacional"
    assert article.published_at.date() == dt.date(2025, 5, 4)
    assert article.body == "\n\n".join(SEED_PARAGRAPHS)  # the prose, no page furniture
    expected = extraction.extract_claims(article.body, outlet=SEED_OUTLET)
    spans = set(Claim.objects.filter(article=article).values_list("start", "end"))
    assert spans == {(c.start, c.end) for c in expected} and len(spans) >= 10
    casualty = Claim.objects.get(article=article, text__contains="450,000")
    assert casualty.claimant.name == "Claudia Sheinbaum"
    assert set(outbound.connects) == {"127.0.0.1"}


def test_a_url_already_ingested_is_the_same_article():
    with LocalServer({"/a": page(seed_page())}) as server:
        first = services.article_ingest_url(url=server.url("/a"))
        again = services.article_ingest_url(url=server.url("/a"))  # before the fetch
        article_run_sync(first.article.pk)
        later = services.article_ingest_url(url=server.url("/a"))  # after it
    assert (first.created, again.created, later.created) == (True, False, False)
    assert again.article.pk == first.article.pk == later.article.pk
    assert Article.objects.count() == 1


def test_a_page_whose_text_is_already_an_article_is_refused():
    services.article_ingest(text="\n\n".join(SEED_PARAGRAPHS), title="Pasted earlier")
    with LocalServer({"/copy": page(seed_page())}) as server:
        article = ingest(server.url("/copy"))
    job = fetch_job(article)
    assert job.state == JobState.FAILED and "is already article #" in job.last_error
    assert article.pipeline_status == PipelineStatus.FAILED and article.body == ""


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://10.0.0.5/news", "10.0.0.5 is a private address"),
        ("http://10.200.3.4:8080/", "10.200.3.4 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:127.0.0.1]:9/", "(IPv4-mapped form of 127.0.0.1)"),
    ],
)
def test_addresses_beyond_the_internet_end_the_job_with_their_reason(url, reason, outbound):
    article = ingest(url)
    job = fetch_job(article)
    assert job.state == JobState.FAILED
    assert reason in job.last_error and "(address_not_allowed)" in job.last_error
    assert article.pipeline_status == PipelineStatus.FAILED
    assert outbound.connects == []  # refused before connecting


def test_loopback_without_the_allow_list_is_refused(settings, outbound):
    settings.FACTCHECK = {**settings.FACTCHECK, "FETCH_ALLOW_HOSTS": []}
    with LocalServer({"/a": page(seed_page())}) as server:
        article = ingest(server.url("/a"))
        assert server.received == []
    assert "127.0.0.1 is a loopback address" in fetch_job(article).last_error
    assert outbound.connects == []


def test_a_redirect_to_a_private_address_ends_the_job(outbound):
    with LocalServer({"/moved": redirect("http://10.0.0.9/internal")}) as server:
        article = ingest(server.url("/moved"))
    error = fetch_job(article).last_error
    assert "10.0.0.9 is a private address" in error and "(address_not_allowed)" in error
    assert set(outbound.connects) == {"127.0.0.1"}


def test_a_50_mb_page_ends_the_job():
    with LocalServer({"/big": huge(50 * 1024 * 1024, declare_length=False)}) as server:
        article = ingest(server.url("/big"))
    assert "(too_large)" in fetch_job(article).last_error


def test_a_slow_server_ends_the_job_at_the_time_limit(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "FETCH_TIMEOUT": 1}
    with LocalServer({"/slow": drip(interval=0.05, seconds=10)}) as server:
        article = ingest(server.url("/slow"))
    assert "the total time limit ran out (timeout)" in fetch_job(article).last_error


@pytest.mark.parametrize(
    ("handler", "reason"),
    [
        (page(b'{"not": "a page"}', "application/json"), "(content_type_not_allowed)"),
        (status(404, b"gone"), "answered HTTP 404 (http_status)"),
        (page(b"<html><body><script>render()</script></body></html>"), "PageError: no article"),
    ],
    ids=["json", "404", "no text"],
)
def test_pages_that_cannot_be_ingested(handler, reason):
    with LocalServer({"/p": handler}) as server:
        article = ingest(server.url("/p"))
    assert reason in fetch_job(article).last_error


def test_reprocessing_an_article_never_fetched_fetches_it_again(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "FETCH_ALLOW_HOSTS": []}
    with LocalServer({"/a": page(seed_page())}) as server:
        article = ingest(server.url("/a"))
        assert fetch_job(article).state == JobState.FAILED
        settings.FACTCHECK = {**settings.FACTCHECK, "FETCH_ALLOW_HOSTS": ["127.0.0.1"]}
        job = services.article_reprocess(article=article)
        assert job.stage == JobStage.FETCH
        article_run_sync(article.pk)
    article.refresh_from_db()
    assert article.pipeline_status == PipelineStatus.DONE and article.claims.exists()


# --- The command line and the admin ---------------------------------------------------------------
def test_the_ingest_command_takes_a_url_with_sync():
    out = io.StringIO()
    with LocalServer({"/a": page(seed_page())}) as server:
        call_command("ingest", server.url("/a"), "--sync", stdout=out)
    article = Article.objects.get()
    assert f"queued for fetching as article {article.pk}" in out.getvalue()
    assert f"article {article.pk}: pipeline done" in out.getvalue()
    assert article.claims.count() >= 10


def test_the_ingest_command_names_the_refusal():
    with pytest.raises(CommandError, match=r"fetch of article \d+: .*10\.0\.0\.5 is a private"):
        call_command("ingest", "http://10.0.0.5/news", "--sync", stdout=io.StringIO())


def test_the_ingest_command_refuses_metadata_with_a_url():
    with pytest.raises(CommandError, match="--title: with a URL"):
        call_command("ingest", "https://news.example.org/a", "--title", "Mine")
    assert not Article.objects.exists()


def test_the_admin_add_form_takes_a_url_alone(editor, monkeypatch):
    from claims.services.jobs import outbox

    monkeypatch.setattr(outbox, "job_publish", lambda *, job_id, force=False: True)
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(editor)
    add = reverse("admin:claims_article_add")
    url = "https://news.example.org/2025/05/04/troops"
    response = client.post(add, {"url": url, "language": "en"})
    article = Article.objects.get()
    assert response.status_code == 302 and article.url == url
    assert fetch_job(article).state == JobState.QUEUED
    refused = client.post(add, {"url": url + "/2", "title": "Mine", "language": "en"})
    assert "With a URL alone this comes from the page." in refused.content.decode()
    empty = client.post(add, {"language": "en"})
    assert "give its URL alone" in empty.content.decode()
    assert Article.objects.count() == 1
