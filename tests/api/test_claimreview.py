"""ClaimReview JSON-LD (schema.org) for published claims, one at a time and as a feed: the whole
claim (or the editor's short summary) as `claimReviewed`, the published fact-check's URL (or the
service's own public page) as `url`."""

import datetime as dt

import pytest

from claims.claimreview import RATING_VALUES
from claims.models import ClaimStatus, EntityKind, SimilarityDecision, Verdict
from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, OutletFactory

from .factories import SimilarClaimFactory

pytestmark = pytest.mark.django_db

ORG = {"ORGANIZATION_NAME": "Desk Verifica", "ORGANIZATION_URL": "https://verifica.example/"}


def published_claim(**fields):
    if "article" in fields:
        article = fields.pop("article")
    else:
        article = ArticleFactory(
            outlet=OutletFactory(name="Radio Habana Cuba"),
            url="https://www.radiohc.cu/en/382138",
            title="Sheinbaum rejects Trump's offer",
            published_at=dt.datetime(2025, 5, 4, tzinfo=dt.UTC),
            body="More than 450,000 people have been killed over nearly two decades in Mexico. "
            "Others disagree.",
        )
    defaults = {
        "article": article,
        "status": ClaimStatus.PUBLISHED,
        "verdict": Verdict.MOSTLY_TRUE,
        "verdict_summary": "Official homicide figures put the toll at about 460,000.",
        "claimant": EntityFactory(name="Claudia Sheinbaum", kind=EntityKind.PERSON),
        "published_at": dt.datetime(2025, 5, 6, 12, tzinfo=dt.UTC),
    }
    return ClaimFactory(**{**defaults, **fields})


def test_the_claimreview_of_a_published_claim(as_viewer, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, **ORG}
    claim = published_claim()

    response = as_viewer.get(f"/api/v1/claims/{claim.pk}/claimreview/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    review = response.json()
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"http://testserver/factchecks/{claim.pk}-more-than-450000-people-have-been-killed-over-nearly-two/",
        "claimReviewed": "More than 450,000 people have been killed over nearly two decades in "
        "Mexico.",
        "datePublished": "2025-05-06",
        "author": {
            "@type": "Organization",
            "name": "Desk Verifica",
            "url": "https://verifica.example/",
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 5,
            "bestRating": 6,
            "worstRating": 1,
            "alternateName": "Mostly true",
            "ratingExplanation": "Official homicide figures put the toll at about 460,000.",
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Claudia Sheinbaum"},
            "datePublished": "2025-05-04",
            "firstAppearance": {
                "@type": "CreativeWork",
                "headline": "Sheinbaum rejects Trump's offer",
                "url": "https://www.radiohc.cu/en/382138",
                "datePublished": "2025-05-04",
                "publisher": {"@type": "Organization", "name": "Radio Habana Cuba"},
            },
            "appearance": [
                {
                    "@type": "CreativeWork",
                    "headline": "Sheinbaum rejects Trump's offer",
                    "url": "https://www.radiohc.cu/en/382138",
                    "datePublished": "2025-05-04",
                    "publisher": {"@type": "Organization", "name": "Radio Habana Cuba"},
                }
            ],
        },
    }


def test_the_rating_scale_runs_from_true_to_false():
    assert RATING_VALUES["true"] == 6
    assert RATING_VALUES["false"] == 1
    assert sorted(RATING_VALUES.values()) == list(range(1, 7))
    assert "unverifiable" not in RATING_VALUES


def test_an_unverifiable_verdict_has_a_label_but_no_point_on_the_scale():
    from claims.claimreview import _rating
    from claims.models import Claim

    rating = _rating(Claim(verdict="unverifiable", verdict_summary="No record exists."))
    assert rating == {
        "@type": "Rating",
        "alternateName": "Unverifiable",
        "ratingExplanation": "No record exists.",
    }


def test_claim_reviewed_is_the_editors_summary_when_there_is_one(as_viewer):
    claim = published_claim(summary="Arms from the U.S. killed 450,000 in Mexico")
    review = as_viewer.get(f"/api/v1/claims/{claim.pk}/claimreview/").json()
    assert review["claimReviewed"] == "Arms from the U.S. killed 450,000 in Mexico"


def test_url_is_where_the_desk_published_the_fact_check(as_viewer):
    claim = published_claim(review_url="https://verifica.example/2025/05/arms-450000")
    review = as_viewer.get(f"/api/v1/claims/{claim.pk}/claimreview/").json()
    feed = as_viewer.get("/api/v1/claimreview/").json()
    assert review["url"] == "https://verifica.example/2025/05/arms-450000"
    assert feed["dataFeedElement"][0]["url"] == "https://verifica.example/2025/05/arms-450000"


def test_an_organisation_claimant_and_later_appearances(as_viewer):
    claim = published_claim(
        claimant=EntityFactory(name="Wall Street Journal", kind=EntityKind.ORGANIZATION)
    )
    later = ArticleFactory(
        title="Later article",
        url="https://example.org/later",
        published_at=dt.datetime(2025, 5, 10, tzinfo=dt.UTC),
    )
    ClaimFactory(article=later, duplicate_of=claim)
    earlier = ArticleFactory(
        title="Earlier article", url=None, published_at=dt.datetime(2025, 4, 1, tzinfo=dt.UTC)
    )
    SimilarClaimFactory(
        claim=claim, other=ClaimFactory(article=earlier), decision=SimilarityDecision.CONFIRMED
    )
    SimilarClaimFactory(claim=claim)  # only suggested: not an appearance

    item = as_viewer.get(f"/api/v1/claims/{claim.pk}/claimreview/").json()["itemReviewed"]

    assert item["author"] == {"@type": "Organization", "name": "Wall Street Journal"}
    assert [a["headline"] for a in item["appearance"]] == [
        "Earlier article",
        "Sheinbaum rejects Trump's offer",
        "Later article",
    ]
    assert item["firstAppearance"]["headline"] == "Earlier article"
    assert "url" not in item["firstAppearance"]
    assert item["datePublished"] == "2025-04-01"


@pytest.mark.parametrize(
    "status",
    [s for s in ClaimStatus.values if s != ClaimStatus.PUBLISHED],
)
def test_a_claim_not_published_has_no_claimreview(as_viewer, status):
    claim = published_claim(status=status)
    response = as_viewer.get(f"/api/v1/claims/{claim.pk}/claimreview/")
    assert response.status_code == 404
    assert response.json()["detail"] == f"No published claim {claim.pk}."


def test_the_feed_lists_published_claims_newest_first_as_a_datafeed(as_viewer, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, **ORG}
    older = published_claim(published_at=dt.datetime(2025, 5, 6, tzinfo=dt.UTC))
    newer = published_claim(
        article=ArticleFactory(), published_at=dt.datetime(2025, 5, 8, tzinfo=dt.UTC)
    )
    ClaimFactory(status=ClaimStatus.IN_REVIEW, verdict=Verdict.FALSE)

    response = as_viewer.get("/api/v1/claimreview/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    feed = response.json()
    assert (feed["@context"], feed["@type"], feed["count"]) == ("https://schema.org", "DataFeed", 2)
    urls = [review["url"] for review in feed["dataFeedElement"]]
    assert [url.split("/")[4].split("-")[0] for url in urls] == [str(newer.pk), str(older.pk)]
    assert all(url.startswith("http://testserver/factchecks/") for url in urls)
    assert all(r["@type"] == "ClaimReview" for r in feed["dataFeedElement"])
    assert all("@context" not in r for r in feed["dataFeedElement"])


def test_the_feed_is_paginated(as_viewer):
    for _ in range(3):
        published_claim(article=ArticleFactory())
    feed = as_viewer.get("/api/v1/claimreview/?page_size=2").json()
    assert (feed["count"], len(feed["dataFeedElement"])) == (3, 2)
    assert "page=2" in feed["next"]


def test_claimreview_also_answers_plain_json_when_asked(as_viewer):
    claim = published_claim()
    response = as_viewer.get(
        f"/api/v1/claims/{claim.pk}/claimreview/", HTTP_ACCEPT="application/json"
    )
    assert response["Content-Type"] == "application/json"
    assert response.json()["@type"] == "ClaimReview"


HOSTILE = "</script><script>alert(1)</script> & more\u2028\u2029"


@pytest.mark.parametrize("accept", ["application/ld+json", "application/json"])
@pytest.mark.parametrize("feed", [False, True])
def test_claimreview_json_can_be_embedded_in_an_html_script_element(as_viewer, accept, feed):
    """A claim's text ends up in a page's <script type="application/ld+json">: nothing in the
    JSON may close the element or start markup (<, >, & and U+2028/2029 are \\u escapes)."""
    claim = published_claim(text=HOSTILE, verdict_summary=HOSTILE)
    url = "/api/v1/claimreview/" if feed else f"/api/v1/claims/{claim.pk}/claimreview/"

    response = as_viewer.get(url, HTTP_ACCEPT=accept)

    raw = response.content.decode()
    for character in "<>&\u2028\u2029":
        assert character not in raw
    assert "\\u003c/script\\u003e\\u003cscript\\u003e" in raw
    review = response.json()["dataFeedElement"][0] if feed else response.json()
    assert review["reviewRating"]["ratingExplanation"] == HOSTILE  # the same text, escaped
