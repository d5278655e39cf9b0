"""The claims list (API 1.1): compact claims with counts and links, `expand=` for nested parts,
cursor pages that visit every claim once in every order, and the search behind `q`."""

import datetime as dt

import pytest
from django.db import connection

from claims.models import ChecklistState, Claim, SimilarityDecision
from tests.factories import ArticleFactory, ChecklistItemFactory, ClaimFactory, EntityFactory

from .factories import SimilarClaimFactory, enriched_claim

pytestmark = pytest.mark.django_db

COMPACT_KEYS = {
    "id",
    "article",
    "text",
    "start",
    "end",
    "claim_type",
    "checkworthiness",
    "claimant",
    "status",
    "verdict",
    "assignee",
    "priority",
    "due_at",
    "version",
    "updated_at",
    "counts",
    "links",
}


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_a_listed_claim_is_compact_with_counts_and_links(as_viewer, fact_checker):
    claim = enriched_claim(assignee=fact_checker)
    ChecklistItemFactory(claim=claim, state=ChecklistState.DONE)
    SimilarClaimFactory(claim=claim, decision=SimilarityDecision.REJECTED)

    [row] = [r for r in as_viewer.get("/api/v1/claims/").json()["results"] if r["id"] == claim.pk]

    assert set(row) == COMPACT_KEYS
    assert row["counts"] == {
        "checklist": 2,
        "checklist_worked": 1,
        "evidence": 1,
        "similar": 1,  # the rejected one is not counted
        "entities": 1,
        "already_checked": 0,
    }
    assert row["assignee"] == "fatima"
    assert row["links"]["self"] == f"http://testserver/api/v1/claims/{claim.pk}/"
    assert row["links"]["article"] == f"http://testserver/api/v1/articles/{claim.article_id}/"
    assert row["links"]["checklist"].endswith(f"/api/v1/claims/{claim.pk}/checklist/")


def test_expand_adds_the_nested_parts_as_the_detail_shows_them(as_viewer):
    claim = enriched_claim()
    detail = as_viewer.get(f"/api/v1/claims/{claim.pk}/").json()

    url = f"/api/v1/claims/?article={claim.article_id}"
    [row] = as_viewer.get(f"{url}&expand=checklist,similar&expand=mentions").json()["results"]

    assert set(row) == COMPACT_KEYS | {"checklist", "similar", "entities"}
    for part in ("checklist", "similar", "entities", "updated_at", "due_at", "claimant"):
        assert row[part] == detail[part]
    [row] = as_viewer.get(f"{url}&expand=evidence").json()["results"]
    assert row["evidence"] == detail["evidence"]


def walk(client, url) -> list[int]:
    seen, pages = [], 0
    while url:
        response = client.get(url)
        seen += ids(response)
        url = response.json()["next"]
        pages += 1
        assert pages < 50
    return seen


@pytest.mark.parametrize(
    "ordering", ["", "-checkworthiness", "due_at", "-due_at", "status", "-priority", "created_at"]
)
def test_cursor_pages_visit_every_claim_once_in_order(as_viewer, ordering):
    days = [None, 1, 1, 2, None, 3]
    for n in range(23):
        day = days[n % len(days)]
        ClaimFactory(
            checkworthiness=[0.5, 0.9, 0.7][n % 3],
            priority=1 + n % 4,
            due_at=None if day is None else dt.datetime(2025, 5, day, tzinfo=dt.UTC),
        )
    everything = ids(as_viewer.get(f"/api/v1/claims/?page_size=200&ordering={ordering}"))

    paged = walk(as_viewer, f"/api/v1/claims/?page_size=4&ordering={ordering}")

    assert paged == everything
    assert sorted(paged) == sorted(Claim.objects.values_list("pk", flat=True))


@pytest.mark.parametrize("ordering", ["due_at", "-priority"])
def test_cursor_pages_of_a_filtered_list_in_another_order_keep_the_filter(as_viewer, ordering):
    # Another order than the default reads each page's ids first (the filters and the cursor in
    # that query only): the pages still hold exactly the filtered claims.
    for n in range(17):
        ClaimFactory(
            status=["new", "triaged"][n % 2],
            priority=1 + n % 4,
            due_at=dt.datetime(2025, 5, 1 + n % 5, tzinfo=dt.UTC),
        )
    url = f"/api/v1/claims/?status=new&ordering={ordering}"
    everything = ids(as_viewer.get(f"{url}&page_size=200"))

    paged = walk(as_viewer, f"{url}&page_size=3")

    assert paged == everything
    assert sorted(paged) == sorted(Claim.objects.filter(status="new").values_list("pk", flat=True))


def test_numbered_pages_hand_over_to_cursors_after_the_last_numbered_page(as_viewer):
    ClaimFactory.create_batch(23)
    last_numbered = as_viewer.get("/api/v1/claims/?page_size=1&page=20").json()
    assert last_numbered["count"] == 23
    rest = walk(as_viewer, last_numbered["next"])
    everything = ids(as_viewer.get("/api/v1/claims/?page_size=100"))
    assert [r["id"] for r in last_numbered["results"]] + rest == everything[19:]


def test_a_numbered_page_counts_the_parts_of_its_own_rows_only(as_viewer):
    # The offset's skipped rows are skipped in a query of ids; the counts are the page's.
    from django.test.utils import CaptureQueriesContext

    ClaimFactory.create_batch(5)
    everything = ids(as_viewer.get("/api/v1/claims/?page_size=100"))
    with CaptureQueriesContext(connection) as ctx:
        assert ids(as_viewer.get("/api/v1/claims/?page_size=2&page=2")) == everything[2:4]
    [page] = [q["sql"] for q in ctx.captured_queries if "IN (SELECT" in q["sql"]]
    assert "OFFSET 2" in page[page.index("IN (SELECT") :]


def test_an_empty_list_has_an_empty_first_numbered_page(as_viewer):
    body = as_viewer.get("/api/v1/claims/?page=1").json()
    assert (body["count"], body["results"]) == (0, [])


# --- Search (q) ----------------------------------------------------------------------------------
@pytest.fixture
def texts():
    trump = EntityFactory(name="Donald Trump")
    article = ArticleFactory(title="Tariff war")
    return {
        "care": ClaimFactory(text="Health care costs doubled since 2010."),
        "reversed": ClaimFactory(text="Costs of care for health rose, the minister said."),
        "career": ClaimFactory(text="Her career in health policy began in 1990."),
        "tariffs": ClaimFactory(text="He imposed tariffs on steel.", claimant=trump),
        "titled": ClaimFactory(article=article, text="Imports fell by half."),
        "immigration": ClaimFactory(text="Immigration reached 450,000 people last year."),
    }


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        pytest.param(  # any order (on SQLite, substrings: "career" holds "care")
            "care health",
            {"care", "reversed"},
            marks=pytest.mark.skipif(
                connection.vendor != "postgresql", reason="whole words on PostgreSQL only"
            ),
        ),
        ('"health care"', {"care"}),  # a phrase
        ("trump steel", {"tariffs"}),  # the claimant's name with the text
        ("tariff", {"tariffs", "titled"}),  # a stem; the article's title
        ("immig*", {"immigration"}),  # a prefix
        ("450,000", {"immigration"}),
        ("health -career", {"care", "reversed"}),  # an excluded word
    ],
)
def test_search_finds_words_phrases_prefixes_and_claimants(as_viewer, texts, q, expected):
    found = set(ids(as_viewer.get("/api/v1/claims/", {"q": q})))
    assert found == {texts[name].pk for name in expected}


def test_search_pages_by_cursor_in_rank_order(as_viewer):
    for n in range(7):
        ClaimFactory(text="Steel steel tariffs. " * (n % 3 + 1) + f"Number {n}.")
    everything = ids(as_viewer.get("/api/v1/claims/", {"q": "steel", "page_size": 100}))
    assert len(everything) == 7
    assert walk(as_viewer, "/api/v1/claims/?q=steel&page_size=2") == everything


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the ranked search's SQL")
def test_a_ranked_page_is_chosen_on_the_claims_table_alone(as_viewer):
    # Ranking sorts every match: the page's ids are chosen without the counts (which the outer
    # query computes for the page's rows only), or the database joins them to every match.
    from django.test.utils import CaptureQueriesContext

    ClaimFactory.create_batch(3, text="Steel output rose.", claimant=EntityFactory())
    with CaptureQueriesContext(connection) as ctx:
        assert len(ids(as_viewer.get("/api/v1/claims/", {"q": "steel"}))) == 3
    [page] = [q["sql"] for q in ctx.captured_queries if "ts_rank" in q["sql"]]
    inner = page[page.index("IN (SELECT") :]
    assert "LIMIT 51" in inner
    assert "ts_rank" in inner and "count(*)" not in inner


def test_a_search_with_too_many_terms_is_a_400_saying_the_bound(as_viewer):
    response = as_viewer.get("/api/v1/claims/", {"q": " ".join(f"w{n}" for n in range(30))})
    assert response.status_code == 400
    assert "at most 12" in response.json()["errors"][0]["message"]


def test_the_worked_count_agrees_with_the_workflow_rule(as_viewer):
    # The list counts worked items in SQL; `workflow.CHECKLIST_WORKED` is the rule.
    from claims import workflow
    from claims.models import ChecklistItem

    claim = ClaimFactory()
    for n, state in enumerate(ChecklistState.values):
        for note in ("", "  ", "because"):
            ChecklistItemFactory(claim=claim, title=f"{n}{note!r}", state=state, note=note)
    [row] = as_viewer.get("/api/v1/claims/").json()["results"]
    worked = ChecklistItem.objects.filter(workflow.CHECKLIST_WORKED, claim=claim).count()
    assert 0 < row["counts"]["checklist_worked"] == worked < row["counts"]["checklist"]


def test_the_counts_follow_every_change_of_the_parts(as_viewer):
    # On PostgreSQL the counts are stored on the claim and kept by triggers (migration 0015):
    # each kind of change to each part moves them; on SQLite they are counted on reading.
    from claims.models import Evidence, Mention, SimilarClaim

    from .factories import MentionFactory

    claim, other = enriched_claim(), ClaimFactory()

    def counts(pk):
        rows = as_viewer.get("/api/v1/claims/?page_size=200").json()["results"]
        return next(row["counts"] for row in rows if row["id"] == pk)

    before = counts(claim.pk)
    item = ChecklistItemFactory(claim=claim, state=ChecklistState.SKIPPED, note="")
    assert counts(claim.pk)["checklist"] == before["checklist"] + 1
    assert counts(claim.pk)["checklist_worked"] == before["checklist_worked"]
    item.note = "Nothing to check: an opinion."
    item.save()
    assert counts(claim.pk)["checklist_worked"] == before["checklist_worked"] + 1
    item.claim = other
    item.save()
    assert counts(claim.pk) == before
    assert counts(other.pk)["checklist"] == counts(other.pk)["checklist_worked"] == 1
    item.delete()
    assert counts(other.pk)["checklist"] == 0

    similar = SimilarClaim.objects.filter(claim=claim).first()
    similar.decision = SimilarityDecision.REJECTED
    similar.save()
    assert counts(claim.pk)["similar"] == before["similar"] - 1
    Evidence.objects.filter(claim=claim).delete()
    MentionFactory(claim=claim)
    after = counts(claim.pk)
    assert (after["evidence"], after["entities"]) == (0, before["entities"] + 1)
    assert Mention.objects.filter(claim=claim).count() == after["entities"]


def test_the_counts_follow_bulk_writes_of_many_claims_parts_at_once(as_viewer):
    # The pipeline writes parts with bulk_create and queryset updates: one statement touches
    # several claims, several rows each (the triggers sum a statement's rows per claim).
    from claims.models import ChecklistItem

    first, second = ClaimFactory(), ClaimFactory()

    def counts():
        rows = as_viewer.get("/api/v1/claims/?page_size=200").json()["results"]
        by_id = {row["id"]: row["counts"] for row in rows}
        pairs = [by_id[claim.pk] for claim in (first, second)]
        return [(pair["checklist"], pair["checklist_worked"]) for pair in pairs]

    ChecklistItem.objects.bulk_create(
        ChecklistItem(claim=claim, title=f"item {n}", state=state, order=n)
        for claim, n, state in [
            (first, 1, ChecklistState.DONE),
            (first, 2, ChecklistState.OPEN),
            (first, 3, ChecklistState.OPEN),
            (second, 1, ChecklistState.OPEN),
        ]
    )
    assert counts() == [(3, 1), (1, 0)]
    ChecklistItem.objects.filter(state=ChecklistState.OPEN).update(state=ChecklistState.DONE)
    assert counts() == [(3, 3), (1, 1)]
    ChecklistItem.objects.filter(claim=first, order__gte=2).update(claim=second)
    assert counts() == [(1, 1), (3, 3)]
    ChecklistItem.objects.filter(title__in=["item 1", "item 3"]).delete()
    assert counts() == [(0, 0), (1, 1)]
