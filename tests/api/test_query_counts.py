"""Query counts, pinned: every list endpoint costs the same for 1 row as for 50, and a claim's
detail stays within 10 queries. Each test's comment lists the queries.

Every authenticated request starts with the same two:
  1. the token, joined with its user;
  2. the user's permissions, own and through groups, in one query (claims.api.permissions).
"""

import pytest

from claims.models import ClaimStatus, ExternalFactCheck, ExternalMatch, Verdict
from tests.factories import (
    ArticleFactory,
    ChecklistItemFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
)

from .factories import (
    ClaimEventFactory,
    DateMentionFactory,
    JobFactory,
    MentionFactory,
    QuantityFactory,
    SimilarClaimFactory,
)

pytestmark = pytest.mark.django_db

AUTH = 2


def enriched():
    """A claim with a row in every enrichment relation; its similar claim is the first claim."""
    first = ClaimFactory._meta.model.objects.order_by("pk").first()
    claim = ClaimFactory(article=ArticleFactory())
    MentionFactory(claim=claim)
    QuantityFactory(claim=claim)
    DateMentionFactory(claim=claim)
    ChecklistItemFactory(claim=claim)
    EvidenceFactory(claim=claim)
    if first is not None:
        SimilarClaimFactory(claim=claim, other=first)
    external = ExternalFactCheck.objects.create(
        url=f"https://desk.example/checks/{claim.pk}",
        claim_reviewed=claim.text,
        rating="False",
        author_name="Desk Example",
    )
    ExternalMatch.objects.create(claim=claim, external=external, score=0.95)
    return claim


def rows(make, n):
    for _ in range(n):
        make()


def check(client, url, make, queries, django_assert_num_queries):
    """The list answers with `queries` queries after 1 row and after 50 rows."""
    for total in (1, 50):
        rows(make, total - (0 if total == 1 else 1))
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        listed = body.get("results", body.get("dataFeedElement"))
        assert len(listed) == total


def test_claims_list(as_viewer, django_assert_num_queries):
    # auth (2) + one cursor page of compact claims (claimant and assignee joined, the counts of
    # their parts in correlated subqueries; no count of every claim) = 3
    check(as_viewer, "/api/v1/claims/", enriched, AUTH + 1, django_assert_num_queries)


def test_claims_list_filtered(as_viewer, django_assert_num_queries):
    # the same 3, the filters being WHERE clauses of the claims query
    check(
        as_viewer,
        "/api/v1/claims/?claim_type=statistic&min_checkworthiness=0.5&q=minister&ordering=-id",
        enriched,
        AUTH + 1,
        django_assert_num_queries,
    )


def test_claims_list_expanded(as_viewer, django_assert_num_queries):
    # auth (2) + the page + mentions with their entities + checklist items + evidence + similar
    # claims = 7
    check(
        as_viewer,
        "/api/v1/claims/?expand=mentions,checklist,evidence,similar",
        enriched,
        AUTH + 5,
        django_assert_num_queries,
    )


def test_claims_list_numbered_page(as_viewer, django_assert_num_queries):
    # auth (2) + count + the page = 4
    check(as_viewer, "/api/v1/claims/?page=1", enriched, AUTH + 2, django_assert_num_queries)


def test_claim_detail_within_ten_queries(as_viewer, django_assert_num_queries):
    # auth (2) + the claim with its joins + the seven enrichment prefetches = 10
    enriched()
    claim = enriched()
    with django_assert_num_queries(AUTH + 8):
        assert as_viewer.get(f"/api/v1/claims/{claim.pk}/").status_code == 200


def test_articles_list(as_viewer, django_assert_num_queries):
    # auth (2) + count + articles with outlet joined and claims counted = 4
    check(as_viewer, "/api/v1/articles/", ArticleFactory, AUTH + 2, django_assert_num_queries)


def test_article_detail(as_viewer, django_assert_num_queries):
    # auth (2) + the article + its claims with claimants + its pipeline's jobs = 5
    article = ArticleFactory()
    for start in range(0, 50, 5):
        claim = ClaimFactory(article=article, start=start, end=start + 4)
        JobFactory(article=None, claim=claim)
    with django_assert_num_queries(AUTH + 3):
        assert as_viewer.get(f"/api/v1/articles/{article.pk}/").status_code == 200


def test_checklist_list(as_viewer, django_assert_num_queries):
    # auth (2) + the parent claim + count + items with who did them = 5
    claim = ClaimFactory()
    counter = iter(range(1000))
    check(
        as_viewer,
        f"/api/v1/claims/{claim.pk}/checklist/",
        lambda: ChecklistItemFactory(claim=claim, title=f"Step {next(counter)}"),
        AUTH + 3,
        django_assert_num_queries,
    )


def test_evidence_list(as_viewer, django_assert_num_queries):
    # auth (2) + the parent claim + count + evidence with who added it = 5
    claim = ClaimFactory()
    check(
        as_viewer,
        f"/api/v1/claims/{claim.pk}/evidence/",
        lambda: EvidenceFactory(claim=claim),
        AUTH + 3,
        django_assert_num_queries,
    )


def test_history_list(as_viewer, django_assert_num_queries):
    # auth (2) + the parent claim + count + events with their actors = 5
    claim = ClaimFactory()
    check(
        as_viewer,
        f"/api/v1/claims/{claim.pk}/history/",
        lambda: ClaimEventFactory(claim=claim),
        AUTH + 3,
        django_assert_num_queries,
    )


def test_claimreview_feed(as_viewer, django_assert_num_queries):
    # (public: no token, no permissions) count + published claims with article, outlet and
    # claimant joined + their duplicates' articles + their confirmed similar claims' articles = 4
    check(
        as_viewer,
        "/api/v1/claimreview/",
        lambda: ClaimFactory(
            article=ArticleFactory(),
            status=ClaimStatus.PUBLISHED,
            verdict=Verdict.FALSE,
            claimant=EntityFactory(),
        ),
        4,
        django_assert_num_queries,
    )


def test_entities_list(as_viewer, django_assert_num_queries):
    # auth (2) + count + entities = 4
    check(as_viewer, "/api/v1/entities/", EntityFactory, AUTH + 2, django_assert_num_queries)


def test_jobs_list(as_viewer, django_assert_num_queries):
    # auth (2) + count + jobs = 4
    check(as_viewer, "/api/v1/jobs/", JobFactory, AUTH + 2, django_assert_num_queries)


# --- Writes: the claim is read once (as the API shows it) plus its row lock, and the answer is
# built from the row as written. In these tests each write's transaction is a savepoint of the
# test's own (SAVEPOINT … RELEASE: 2 queries); in production it is BEGIN … COMMIT, not counted.
SAVEPOINT = 2


def test_editing_a_claim(as_checker, django_assert_num_queries):
    # auth (2) + the claim with its joins and seven prefetches (8) + its row lock + the update +
    # its field history = 13, and the savepoint
    claim = enriched()
    with django_assert_num_queries(AUTH + 11 + SAVEPOINT):
        response = as_checker.patch(
            f"/api/v1/claims/{claim.pk}/", {"priority": 3}, HTTP_IF_MATCH='"1"'
        )
    assert (response.status_code, response.json()["version"], response["ETag"]) == (200, 2, '"2"')


def test_moving_a_claim(as_editor, django_assert_num_queries):
    # auth (2) + the claim (8) + its row lock + the update + its event + its field history + the
    # webhook endpoints subscribed to the move (none here) = 15, and the savepoint (triage has no
    # precondition to query)
    claim = enriched()
    with django_assert_num_queries(AUTH + 13 + SAVEPOINT):
        response = as_editor.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "triaged"})
    assert (response.status_code, response.json()["status"]) == (200, "triaged")


def test_working_a_checklist_item(as_checker, django_assert_num_queries):
    # auth (2) + the item joined with its claim + the claim's row lock + the update + its field
    # history = 6, and the savepoint
    claim = enriched()
    item = claim.checklist.get()
    with django_assert_num_queries(AUTH + 4 + SAVEPOINT):
        response = as_checker.patch(
            f"/api/v1/claims/{claim.pk}/checklist/{item.pk}/",
            {"state": "done"},
            HTTP_IF_MATCH='"1"',
        )
    assert (response.status_code, response.json()["done_by"]) == (200, "fatima")


def test_attaching_evidence(as_checker, django_assert_num_queries):
    # auth (2) + the claim (id, status, version) + its row lock + the insert + its field history
    # = 6, and the savepoint
    claim = enriched()
    with django_assert_num_queries(AUTH + 4 + SAVEPOINT):
        response = as_checker.post(
            f"/api/v1/claims/{claim.pk}/evidence/", {"url": "https://example.org/report"}
        )
    assert (response.status_code, response.json()["added_by"]) == (201, "fatima")
