"""Reading other desks' ClaimReview (pure): the shapes desks publish, and every problem named."""

import datetime as dt

import pytest

from claims.parsing.claimreview import ClaimReviewError, read_claimreviews


def review(**fields):
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://desk.example/checks/1",
        "claimReviewed": "More than 450,000 killed in Mexico",
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 5,
            "bestRating": 6,
            "worstRating": 1,
            "alternateName": "Mostly true",
        },
        "author": {"@type": "Organization", "name": "Desk Example", "url": "https://desk.example/"},
        "datePublished": "2025-05-06",
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "C. Sheinbaum"}},
        **fields,
    }


def test_one_claimreview():
    [r] = read_claimreviews(review())
    assert (r.url, r.claim_reviewed, r.rating, r.rating_value, r.best_rating) == (
        "https://desk.example/checks/1",
        "More than 450,000 killed in Mexico",
        "Mostly true",
        5.0,
        6.0,
    )
    assert (r.author_name, r.author_url, r.claimant) == (
        "Desk Example",
        "https://desk.example/",
        "C. Sheinbaum",
    )
    assert r.date_published == dt.date(2025, 5, 6)


def test_a_list_a_graph_a_datafeed_and_datafeeditems():
    two = [review(), review(url="https://desk.example/checks/2")]
    feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": two}
    items = {
        "@type": "DataFeed",
        "dataFeedElement": [{"@type": "DataFeedItem", "item": r} for r in two],
    }
    for document in (two, {"@graph": two}, feed, items):
        assert [r.url for r in read_claimreviews(document)] == [
            "https://desk.example/checks/1",
            "https://desk.example/checks/2",
        ]


def test_a_rating_without_a_label_is_named_by_its_value_and_types_may_be_lists():
    [r] = read_claimreviews(
        review(**{"@type": ["ClaimReview"]}, reviewRating={"ratingValue": "2", "bestRating": 5})
    )
    assert r.rating == "2 of 5"


def test_the_same_url_twice_is_one_review_the_last():
    reviews = read_claimreviews([review(), review(reviewRating={"alternateName": "False"})])
    assert [r.rating for r in reviews] == ["False"]


def test_every_problem_is_named_with_its_path():
    feed = {
        "@type": "DataFeed",
        "dataFeedElement": [
            review(),
            review(url="javascript:alert(1)", author={}),
            {"@type": "Article"},
        ],
    }
    with pytest.raises(ClaimReviewError) as caught:
        read_claimreviews(feed)
    assert sorted(caught.value.problems) == [
        ("dataFeedElement[1].author", "the reviewing desk's name is required"),
        ("dataFeedElement[1].url", "an http(s) URL is required"),
        ("dataFeedElement[2]", "not a ClaimReview, a DataFeed or a list"),
    ]


@pytest.mark.parametrize("document", [{}, [], "text", {"@type": "DataFeed"}])
def test_nothing_to_import_is_refused(document):
    with pytest.raises(ClaimReviewError):
        read_claimreviews(document)


def test_a_date_that_is_not_iso_is_refused():
    with pytest.raises(ClaimReviewError, match="datePublished"):
        read_claimreviews(review(datePublished="6 May 2025"))
