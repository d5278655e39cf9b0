"""The public fact-check pages (`/factchecks/`): a published claim's page with its ClaimReview
embedded, the index and its feeds; nothing unpublished reachable; cacheable; pinned query counts."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from claims.claimreview import public_path
from claims.models import ClaimStatus, Stance, Verdict
from tests.api.test_claimreview import ORG, published_claim
from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory

pytestmark = pytest.mark.django_db

TEXT = "More than 450,000 people have been killed over nearly two decades in Mexico."
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def published(**fields):
    """A published claim (tests/api/test_claimreview.py's), its sentence the casualty figure."""
    return published_claim(**{"text": TEXT, **fields})


def embedded_claimreview(html: str) -> dict:
    scripts = JSONLD.findall(html)
    assert len(scripts) == 1, "one JSON-LD document in the page"
    return json.loads(scripts[0])


def assert_valid_claimreview(review: dict) -> None:
    """The properties schema.org and Google's ClaimReview guidelines require, with their types."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
    assert review["url"].startswith(("http://", "https://"))
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
    assert item["appearance"] and all(a["@type"] == "CreativeWork" for a in item["appearance"])


def test_a_published_claim_has_a_public_page_that_validates_as_claimreview(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, **ORG}
    claim = published()
    EvidenceFactory(
        claim=claim,
        url="https://www.inegi.org.mx/homicidios",
        title="INEGI homicide statistics",
        publisher="INEGI",
        stance=Stance.SUPPORTS,
    )
    path = public_path(claim)
    assert re.fullmatch(rf"/factchecks/{claim.pk}-more-than-450000-people-[-a-z0-9]+/", path)

    response = Client().get(path)

    assert response.status_code == 200
    html = response.content.decode()
    for shown in (
        "More than 450,000 people have been killed over nearly two decades in Mexico.",
        "Claudia Sheinbaum",
        "Mostly true",
        "Official homicide figures put the toll at about 460,000.",
        '<a href="https://www.inegi.org.mx/homicidios" rel="nofollow noopener">INEGI homicide '
        "statistics</a>",
        '<a href="https://www.radiohc.cu/en/382138" rel="nofollow noopener">',
    ):
        assert shown in html
    review = embedded_claimreview(html)
    assert_valid_claimreview(review)
    assert review["url"] == f"http://testserver{path}"  # the page is the ClaimReview's url
    assert review["author"]["name"] == "Desk Verifica"
    assert review["reviewRating"]["alternateName"] == "Mostly true"
    # The API's ClaimReview names the same page.
    api = Client().get("/api/v1/claimreview/").json()["dataFeedElement"][0]
    assert api == {k: v for k, v in review.items() if k != "@context"}


def test_the_desks_own_article_url_is_the_claimreview_url_when_recorded():
    claim = published(review_url="https://verifica.example/2025/05/arms-450000")
    html = Client().get(public_path(claim)).content.decode()
    assert embedded_claimreview(html)["url"] == "https://verifica.example/2025/05/arms-450000"
    assert '<link rel="canonical" href="https://verifica.example/2025/05/arms-450000">' in html


@pytest.mark.parametrize("status", [s for s in ClaimStatus.values if s != ClaimStatus.PUBLISHED])
def test_an_unpublished_claims_page_is_a_404(status):
    claim = published(status=status)  # a verdict in review is not public yet
    visitor = Client()
    assert visitor.get(f"/factchecks/{claim.pk}/").status_code == 404
    assert visitor.get(f"/factchecks/{claim.pk}-more-than-450000/").status_code == 404
    index = visitor.get("/factchecks/").content.decode()
    assert "No fact-check has been published yet." in index
    assert f"/factchecks/{claim.pk}" not in index
    assert "450,000" not in visitor.get("/factchecks/feed/").content.decode()


def test_addresses_that_name_no_claim_are_404s():
    visitor = Client()
    assert visitor.get("/factchecks/999999/").status_code == 404
    assert visitor.get("/factchecks/abc/").status_code == 404
    assert visitor.get("/factchecks/?page=7").status_code == 404


def test_the_address_stays_good_when_the_claim_text_changes():
    claim = published()
    old = public_path(claim)
    claim.summary = "Arms from the U.S. killed 450,000 in Mexico"
    claim.save()
    new = public_path(claim)
    assert new == f"/factchecks/{claim.pk}-arms-from-the-us-killed-450000-in-mexico/"
    visitor = Client()
    for before in (old, f"/factchecks/{claim.pk}/"):
        response = visitor.get(before)
        assert (response.status_code, response["Location"]) == (301, new)
    assert visitor.get(new).status_code == 200


def test_claim_text_cannot_break_out_of_the_embedded_json():
    hostile = 'Troops </script><script>alert("x")</script> & <!-- more'
    claim = published(summary=hostile, verdict_summary="</script>")
    html = Client().get(public_path(claim)).content.decode()
    head = html.split("</head>")[0]
    assert head.count("<script") == 1 and head.count("</script>") == 1
    review = embedded_claimreview(html)
    assert review["claimReviewed"] == hostile  # readers of the JSON get the text back exactly
    assert review["reviewRating"]["ratingExplanation"] == "</script>"
    assert "&lt;/script&gt;" in html.split("</head>")[1]  # and the page shows it escaped


def test_the_index_lists_published_factchecks_newest_first_paginated():
    first = published(published_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC), text="Oldest claim.")
    for day in range(2, 23):  # 21 more: two pages of 20
        published(
            article=ArticleFactory(),
            published_at=dt.datetime(2025, 5, day, tzinfo=dt.UTC),
            text=f"Claim of day {day}.",
        )
    ClaimFactory(text="Still researching.", status=ClaimStatus.RESEARCHING)
    visitor = Client()

    page1 = visitor.get("/factchecks/").content.decode()
    page2 = visitor.get("/factchecks/?page=2").content.decode()

    titles = re.findall(r"<strong>(Claim of day \d+\.|Oldest claim\.)</strong>", page1 + page2)
    assert titles == [f"Claim of day {d}." for d in range(22, 1, -1)] + ["Oldest claim."]
    assert len(re.findall(r"<strong>", page1.split("<main>")[1])) == 20
    assert f'href="{public_path(first)}"' in page2 and 'rel="prev" href="?page=1"' in page2
    assert "Still researching." not in page1 + page2


def test_rss_and_atom_feeds_follow_the_index():
    older = published(published_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC), text="Older claim.")
    newer = published(
        article=ArticleFactory(),
        published_at=dt.datetime(2025, 5, 2, tzinfo=dt.UTC),
        text="Newer claim.",
        verdict=Verdict.FALSE,
    )
    visitor = Client()
    rss = visitor.get("/factchecks/feed/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(rss.content).findall("./channel/item")
    titles = [i.findtext("title") for i in items]
    assert titles == ["False: Newer claim.", "Mostly true: Older claim."]
    assert items[0].findtext("link") == f"http://testserver{public_path(newer)}"
    atom = visitor.get("/factchecks/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(atom.content).findall("a:entry", ns)
    links = [e.find("a:link", ns).get("href") for e in entries]
    assert links == [f"http://testserver{public_path(c)}" for c in (newer, older)]
    index = visitor.get("/factchecks/").content.decode()
    assert 'type="application/rss+xml"' in index and 'href="/factchecks/feed/"' in index


def test_pages_are_publicly_cacheable_with_an_etag():
    claim = published()
    visitor = Client()
    for path in (public_path(claim), "/factchecks/", "/factchecks/feed/"):
        response = visitor.get(path)
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
        if path != "/factchecks/feed/":
            again = visitor.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
            assert again.status_code == 304
    assert visitor.post("/factchecks/").status_code == 405


def count_queries(path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(path).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_rows():
    claims = [published(article=ArticleFactory()) for _ in range(3)]
    for claim in claims:
        EvidenceFactory.create_batch(3, claim=claim)
        ClaimFactory(article=ArticleFactory(), duplicate_of=claim)
    # The index: the count, the page (claims with their claimant and their article's outlet).
    assert count_queries("/factchecks/") == 2
    # A page: the claim (article, outlet, claimant joined), the articles of its duplicates, of its
    # confirmed similar claims, its evidence.
    assert count_queries(public_path(claims[0])) == 4
    # The feeds: the newest claims, with their claimant.
    assert count_queries("/factchecks/feed/") == 1
    assert count_queries("/factchecks/feed/atom/") == 1
    for _ in range(5):
        published(article=ArticleFactory())
    assert count_queries("/factchecks/") == 2
    assert count_queries("/factchecks/feed/") == 1
