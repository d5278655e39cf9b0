"""The claims changelist: columns, filters, search, order, and a query count that does not grow
with the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import ChecklistState, ClaimStatus, ClaimType, Verdict

from ..factories import ArticleFactory, ChecklistItemFactory, ClaimFactory, EntityFactory
from .conftest import claim_in

pytestmark = pytest.mark.django_db

URL = "/admin/claims/claim/"


def listed(response) -> list[int]:
    return [claim.pk for claim in response.context["cl"].result_list]


def test_rows_show_text_claimant_badges_assignee_progress_and_article(desk, fact_checker, login):
    claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker, verdict=Verdict.FALSE)
    # Automated checks that passed, and those with nothing to check (not applicable), are worked.
    worked = desk.figure.checklist.filter(
        state__in=[ChecklistState.DONE, ChecklistState.NOT_APPLICABLE]
    ).count()
    total = desk.figure.checklist.count()
    assert desk.figure.checklist.filter(state=ChecklistState.NOT_APPLICABLE).exists()

    response = login(fact_checker).get(URL, {"article": desk.article.pk})

    assert response.status_code == 200
    html = response.content.decode()
    row = html[html.index(f"/admin/claims/claim/{desk.figure.pk}/change/") :][:3000]
    assert "At the same time, the Mexican president said" in row
    assert "Claudia Sheinbaum" in row
    assert 'class="desk-badge status-researching">Researching<' in row
    assert 'class="desk-badge verdict-false">False<' in row
    assert ">fatima<" in row
    assert f">{worked}/{total}<" in row
    assert "Sheinbaum says she totally rejects" in row
    assert "4 May 2025" in row


def test_default_order_is_most_check_worthy_first_then_newest(fact_checker, login):
    old = ArticleFactory(published_at="2025-01-01T00:00:00Z")
    new = ArticleFactory(published_at="2025-05-01T00:00:00Z")
    low = ClaimFactory(article=new, checkworthiness=0.4)
    high_old = ClaimFactory(article=old, checkworthiness=0.9)
    high_new = ClaimFactory(article=new, start=1, checkworthiness=0.9)

    response = login(fact_checker).get(URL)

    assert listed(response) == [high_new.pk, high_old.pk, low.pk]


def test_the_changelist_costs_the_same_queries_for_1_and_50_rows(fact_checker, login):
    client = login(fact_checker)

    def add_claims(count):
        for _ in range(count):
            claim = ClaimFactory(assignee=fact_checker, claimant=EntityFactory())
            ChecklistItemFactory(claim=claim, state=ChecklistState.DONE)
            ChecklistItemFactory(claim=claim)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(URL)
        assert response.status_code == 200
        return len(response.context["cl"].result_list), len(ctx.captured_queries)

    add_claims(1)
    one = queries()
    add_claims(49)
    fifty = queries()
    # 1 session, 2 user, 3-4 the user's and their groups' permissions, 5 desk users for the
    # assignee filter, 6 recent articles for the article filter, 7 count of the filtered rows
    # (PostgreSQL's estimate on a large unfiltered table; no second count of all rows:
    # show_full_result_count is off), 8 the page: claims joined with article, outlet, claimant,
    # assignee and reviewer, checklist progress counted in subqueries.
    assert one == (1, 8)
    assert fifty == (50, 8)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "open"}, {"new_one", "researching"}),
        ({"status": "published"}, {"published"}),
        ({"verdict": "none"}, {"new_one", "researching"}),
        ({"verdict": "false"}, {"published"}),
        ({"claim_type__exact": "superlative"}, {"researching"}),
        ({"assignee": "me"}, {"researching"}),
        ({"assignee": "none"}, {"new_one", "published"}),
        ({"worthiness": "high"}, {"published"}),
        ({"worthiness": "medium"}, {"researching"}),
        ({"worthiness": "low"}, {"new_one"}),
        ({"open_items": "yes"}, {"researching"}),
        ({"open_items": "no"}, {"new_one", "published"}),
    ],
)
def test_filters(params, expected, fact_checker, login):
    claims = {
        "new_one": ClaimFactory(checkworthiness=0.3),
        "researching": ClaimFactory(
            status=ClaimStatus.RESEARCHING,
            assignee=fact_checker,
            claim_type=ClaimType.SUPERLATIVE,
            checkworthiness=0.6,
        ),
        "published": ClaimFactory(
            status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE, checkworthiness=0.9
        ),
    }
    ChecklistItemFactory(claim=claims["researching"], required=True)
    ChecklistItemFactory(claim=claims["researching"], required=False)
    ChecklistItemFactory(claim=claims["published"], state=ChecklistState.SKIPPED, note="n/a")
    ChecklistItemFactory(claim=claims["new_one"], required=False)

    response = login(fact_checker).get(URL, params)

    assert response.status_code == 200
    assert set(listed(response)) == {claims[name].pk for name in expected}


def test_article_filter_offers_recent_articles_and_narrows_to_one(desk, fact_checker, login):
    response = login(fact_checker).get(URL, {"article": desk.other_article.pk})

    assert set(listed(response)) == set(desk.other_article.claims.values_list("pk", flat=True))
    assert "Sheinbaum says she totally rejects" in response.content.decode()  # offered


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("450,000", "figure"),
        ("Sheinbaum", "figure"),  # the claimant's name
        ("death toll", "other"),  # the article's title
    ],
)
def test_search_covers_text_claimant_and_article_title(query, needle, desk, fact_checker, login):
    response = login(fact_checker).get(URL, {"q": query})

    found = listed(response)
    target = desk.figure if needle == "figure" else desk.similar.other
    assert target.pk in found


def test_a_deep_or_searched_page_lists_its_rows_in_order_with_their_progress(fact_checker, login):
    # Such pages are read in two steps (ids, then rows): the same rows, the same order.
    claims = [ClaimFactory(checkworthiness=n / 100, text=f"Claim number {n}.") for n in range(60)]
    ChecklistItemFactory(claim=claims[3], state=ChecklistState.DONE)
    expected = [claim.pk for claim in reversed(claims)]
    client = login(fact_checker)

    second = client.get(URL, {"p": 2})
    searched = client.get(URL, {"q": "claim", "p": 2})

    assert listed(second) == listed(searched) == expected[50:]
    assert ">1/1<" in second.content.decode()
