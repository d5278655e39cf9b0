"""article_ingest(): pasted text → a clean Article, deduplicated, with bad input refused whole."""

import datetime as dt

import pytest

from claims.exceptions import IngestError
from claims.models import Article, Job, JobStage, JobState, Outlet
from claims.parsing import parse_article
from claims.services import article_ingest
from evaluation.pastes import load_fixtures

pytestmark = pytest.mark.django_db

SEED_URL = (
    "https://www.radiohc.cu/en/noticias/internacionales/"
    "382138-sheinbaum-says-she-totally-rejects-trumps-offer-to-send-us-troops-to-mexico"
)


@pytest.fixture
def seed_article(seed_text):
    return article_ingest(
        text=seed_text, outlet="Radio Habana Cuba", published_at=dt.date(2025, 5, 4)
    ).article


def test_the_seed_becomes_a_clean_article(seed_article):
    article = seed_article
    assert article.title == (
        "Sheinbaum says she totally rejects Trump's offer to send U.S. troops to Mexico"
    )
    assert article.standfirst.startswith("Mexican president says she told Donald Trump")
    assert article.dateline_place == "Mexico City"
    assert article.published_at == dt.datetime(2025, 5, 4, tzinfo=dt.UTC)
    assert article.url == SEED_URL
    assert article.outlet.name == "Radio Habana Cuba"
    assert article.photo_credit == "File: Henry Romero/Reuters"
    assert article.photo_caption.startswith("\"I told him, 'No, President Trump")
    assert article.source_note == "teleSUR and NEWS AGENCIES"
    assert article.language == "en"


def test_the_body_is_article_prose_only(seed_article):
    body = seed_article.body
    assert body.startswith("Mexican President Claudia Sheinbaum says she rejected an offer")
    for furniture in (
        "Mexico City, May 4",
        "(RHC)",
        "Henry Romero",
        "[File",
        "SOURCE",
        "teleSUR",
        "http",
        "Radio Habana Cuba",
        "**",
        "# ",
        "---",
        "Mexican president says she told Donald Trump",  # the standfirst
    ):
        assert furniture not in body, furniture
    # The sentence broken across two paragraphs at the end is joined.
    assert body.endswith(
        "until they are transferred to civilian authorities in the "
        "U.S. Department of Homeland Security."
    )
    assert "\n\nU.S. Department" not in body


def test_ingest_keeps_the_input_as_received_and_queues_extraction(seed_article, seed_text):
    assert seed_article.raw_text == seed_text
    job = Job.objects.get(article=seed_article)
    assert (job.stage, job.state, job.attempts) == (JobStage.EXTRACT, JobState.QUEUED, 0)


def test_the_dateline_gives_the_date_when_none_is_given(seed_text):
    article = article_ingest(text=seed_text).article
    assert article.published_at.date().month == 5
    assert article.published_at.date().day == 4
    assert article.published_at.date() <= dt.date.today()


def test_ingesting_the_same_article_twice_gives_the_same_article(seed_article, seed_text):
    again = article_ingest(text=seed_text)
    assert (again.article.pk, again.created) == (seed_article.pk, False)
    # Re-pasted with Windows line endings, extra blank lines and trailing spaces: same prose.
    messy = seed_text.replace("\n", "  \r\n").replace("\r\n\r\n", "\r\n\r\n\r\n")
    assert article_ingest(text=messy).article.pk == seed_article.pk
    assert Article.objects.count() == 1
    assert Job.objects.count() == 1


def test_the_same_url_is_the_same_article_even_if_edited(seed_article, seed_text):
    edited = seed_text.replace("more than 450,000", "more than 460,000")
    result = article_ingest(text=edited)
    assert (result.article.pk, result.created) == (seed_article.pk, False)


def test_an_article_without_a_url_is_deduplicated_by_its_prose():
    text = "Unemployment fell to 4% in March, the ministry said. Critics disputed the method."
    first = article_ingest(text=text, title="Jobs")
    second = article_ingest(text=text + "\n", title="Jobs again")
    assert first.created and not second.created
    assert first.article.url is None
    assert Outlet.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"caf\xe9 au lait", "not UTF-8 text"),
        ("x" * 200_001, "the limit is 200,000"),
        ("---\n\n**Radio Habana Cuba**", "No article text found"),
    ],
    ids=["empty", "whitespace", "binary", "latin-1", "too-long", "furniture-only"],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_written(text, message):
    with pytest.raises(IngestError, match=message):
        article_ingest(text=text, title="t")
    assert Article.objects.count() == 0
    assert Job.objects.count() == 0
    assert Outlet.objects.count() == 0


def test_an_invalid_url_is_refused(seed_text):
    with pytest.raises(IngestError, match="is not a web address"):
        article_ingest(text=seed_text, url="javascript:alert(1)")
    assert Article.objects.count() == 0


@pytest.mark.parametrize("fixture", load_fixtures(), ids=lambda f: f.name)
def test_web_pastes_become_articles_with_their_headline_and_the_paste_kept(fixture):
    """Pages pasted from news sites (tests/fixtures/pastes): the title is the headline, the
    dateline is kept as metadata, the body is the parsed prose and raw_text is the paste as
    received, byte for byte."""
    article = article_ingest(text=fixture.raw).article
    expected = fixture.expected
    assert article.title == expected["title"]
    assert article.raw_text == fixture.raw
    assert article.body == parse_article(fixture.raw).body
    place = expected["dateline"]["place"] if expected["dateline"] else ""
    assert article.dateline_place == place
    assert not [f for f in expected["furniture"] if f in article.body]
