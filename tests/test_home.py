"""The home page (`/`, the admin's "View site"): the desk, the public fact-checks, the ClaimReview
feed, the API docs, each reachable from it by an anonymous visitor."""

import re

import pytest
from django.test import Client

from claims.models import ClaimStatus, Verdict

from .factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', html)


def test_the_home_page_links_the_desk_the_factchecks_the_feed_and_the_api_docs(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "ORGANIZATION_NAME": "Example Desk"}
    response = Client().get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Example Desk</title>" in html
    assert links(html) == ["/admin/", "/factchecks/", "/api/v1/claimreview/", "/api/docs/"]


def test_each_link_answers_an_anonymous_visitor():
    ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE, verdict_summary="No.")
    visitor = Client()
    desk = visitor.get("/admin/")
    assert desk.status_code == 302 and desk["Location"].startswith("/admin/login/")
    assert visitor.get("/factchecks/").status_code == 200
    feed = visitor.get("/api/v1/claimreview/")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/ld+json")
    assert [r["@type"] for r in feed.json()["dataFeedElement"]] == ["ClaimReview"]
    assert visitor.get("/api/docs/").status_code == 200


def test_the_admins_view_site_leads_home():
    browser = Client()
    browser.force_login(UserFactory(username="staffer", is_staff=True, is_superuser=True))
    html = browser.get("/admin/").content.decode()
    assert '<a href="/">View site</a>' in html
