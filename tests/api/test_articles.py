"""Articles: ingest (202 + status URL), duplicates, retrieve with pipeline and claims, reprocess,
and the checklist and evidence of a claim."""

import pytest

from claims.models import (
    Article,
    ChecklistState,
    ClaimStatus,
    Evidence,
    Job,
    JobStage,
    JobState,
    PipelineStatus,
)
from tests.factories import (
    ArticleFactory,
    ChecklistItemFactory,
    ClaimFactory,
    EvidenceFactory,
)

from .factories import JobFactory

pytestmark = pytest.mark.django_db


def ingest_payload(seed_text):
    return {
        "title": "Sheinbaum says she totally rejects Trump's offer to send U.S. troops to Mexico",
        "body": seed_text,
        "published_at": "2025-05-04",
        "url": "https://www.radiohc.cu/en/noticias/internacionales/382138",
        "outlet": "Radio Habana Cuba",
        "language": "en",
    }


def test_ingesting_an_article_answers_202_with_its_status_url(as_checker, seed_text, fact_checker):
    response = as_checker.post("/api/v1/articles/", ingest_payload(seed_text))

    assert response.status_code == 202, response.content
    body = response.json()
    article = Article.objects.get()
    assert body["id"] == article.pk
    assert body["created"] is True
    assert body["status_url"] == f"http://testserver/api/v1/articles/{article.pk}/"
    assert response["Location"] == body["status_url"]
    assert body["pipeline_status"] == "queued"
    assert [(j["stage"], j["state"]) for j in body["jobs"]] == [("extract", "queued")]
    assert body["outlet"]["name"] == "Radio Habana Cuba"
    assert body["published_at"].startswith("2025-05-04")
    assert article.created_by == fact_checker
    assert "Sheinbaum" in body["body"]


def test_ingesting_the_same_article_again_answers_200_and_creates_nothing(as_checker, seed_text):
    first = as_checker.post("/api/v1/articles/", ingest_payload(seed_text))
    again = as_checker.post("/api/v1/articles/", ingest_payload(seed_text))
    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["created"] is False
    assert Article.objects.count() == 1


def test_ingest_requires_a_body_or_a_url(as_checker):
    # Each field's own errors first; then what goes together (a body needs its title and date,
    # a URL alone fetches the page: tests/api/test_webhooks.py has every combination).
    response = as_checker.post("/api/v1/articles/", {"url": 7, "published_at": "May 4"})
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"published_at"}
    response = as_checker.post("/api/v1/articles/", {"published_at": "2025-05-04"})
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"body"}


def test_an_article_url_that_is_not_a_web_address_is_a_field_error(as_checker, seed_text):
    response = as_checker.post(
        "/api/v1/articles/", {**ingest_payload(seed_text), "url": "ftp://radiohc.cu/382138"}
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "url"
    assert error["message"] == (
        "“ftp://radiohc.cu/382138” is not a web address: give an http:// or https:// URL"
    )
    assert not Article.objects.exists()


def test_ingest_accepts_a_date_time(as_checker, seed_text):
    payload = {**ingest_payload(seed_text), "published_at": "2025-05-04T09:30:00+02:00"}
    body = as_checker.post("/api/v1/articles/", payload).json()
    assert body["published_at"] == "2025-05-04T07:30:00Z"


def test_text_that_cannot_be_an_article_is_a_400(as_checker):
    response = as_checker.post(
        "/api/v1/articles/",
        {"title": "Empty", "body": "   \n\n  ", "published_at": "2025-05-04"},
    )
    assert response.status_code == 400
    assert not Article.objects.exists()


def test_an_article_shows_its_pipeline_jobs_and_claims(as_viewer):
    article = ArticleFactory(pipeline_status=PipelineStatus.RUNNING)
    claim = ClaimFactory(article=article)
    JobFactory(article=article, stage=JobStage.EXTRACT, state=JobState.DONE)
    JobFactory(article=None, claim=claim, stage=JobStage.ENRICH, state=JobState.RUNNING)
    JobFactory(article=ArticleFactory())  # another article's job

    body = as_viewer.get(f"/api/v1/articles/{article.pk}/").json()

    assert body["pipeline_status"] == "running"
    assert [(j["stage"], j["state"], j["claim"]) for j in body["jobs"]] == [
        ("extract", "done", None),
        ("enrich", "running", claim.pk),
    ]
    assert [c["id"] for c in body["claims"]] == [claim.pk]
    assert body["claim_count"] == 1


def test_articles_are_listed_newest_first_with_claim_counts(as_viewer):
    article = ArticleFactory()
    ClaimFactory(article=article, start=0, end=10)
    ClaimFactory(article=article, start=11, end=20)
    body = as_viewer.get("/api/v1/articles/").json()
    assert body["count"] == 1
    assert body["results"][0]["claim_count"] == 2


def test_an_editor_reprocesses_an_article(as_editor):
    article = ArticleFactory(pipeline_status=PipelineStatus.DONE)
    JobFactory(article=article, stage=JobStage.EXTRACT, state=JobState.DONE)

    response = as_editor.post(f"/api/v1/articles/{article.pk}/reprocess/")

    assert response.status_code == 202
    assert response.json()["pipeline_status"] == "queued"
    assert Job.objects.get(article=article).state == JobState.QUEUED


def test_reprocessing_an_unknown_article_is_404(as_editor):
    assert as_editor.post("/api/v1/articles/999999/reprocess/").status_code == 404


# --- Checklist ------------------------------------------------------------------------------------
def test_the_checklist_of_a_claim_is_listed_in_order(as_viewer):
    claim = ClaimFactory()
    second = ChecklistItemFactory(claim=claim, order=2)
    first = ChecklistItemFactory(claim=claim, order=1)
    ChecklistItemFactory()  # another claim's
    body = as_viewer.get(f"/api/v1/claims/{claim.pk}/checklist/").json()
    assert [i["id"] for i in body["results"]] == [first.pk, second.pk]


def test_a_fact_checker_ticks_an_item_done(as_checker, fact_checker):
    item = ChecklistItemFactory()
    response = as_checker.patch(
        f"/api/v1/claims/{item.claim_id}/checklist/{item.pk}/",
        {"state": "done", "note": "Found it in the ministry's report."},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["state"], body["done_by"]) == ("done", "fatima")
    item.refresh_from_db()
    assert (item.state, item.done_by, item.note) == (
        ChecklistState.DONE,
        fact_checker,
        "Found it in the ministry's report.",
    )


def test_an_item_of_another_claim_is_404(as_checker):
    item = ChecklistItemFactory()
    other = ClaimFactory()
    response = as_checker.patch(f"/api/v1/claims/{other.pk}/checklist/{item.pk}/", {"note": "x"})
    assert response.status_code == 404


def test_an_empty_checklist_patch_is_a_400(as_checker):
    item = ChecklistItemFactory()
    response = as_checker.patch(f"/api/v1/claims/{item.claim_id}/checklist/{item.pk}/", {})
    assert response.status_code == 400


def test_the_checklist_of_a_published_claim_is_frozen(as_checker):
    item = ChecklistItemFactory(claim=ClaimFactory(status=ClaimStatus.PUBLISHED, verdict="false"))
    response = as_checker.patch(
        f"/api/v1/claims/{item.claim_id}/checklist/{item.pk}/", {"state": "open"}
    )
    assert response.status_code == 409


def test_a_checklist_patch_with_a_stale_if_match_is_412(as_checker):
    item = ChecklistItemFactory(claim=ClaimFactory(version=3))
    response = as_checker.patch(
        f"/api/v1/claims/{item.claim_id}/checklist/{item.pk}/",
        {"state": "done"},
        HTTP_IF_MATCH='"2"',
    )
    assert response.status_code == 412


# --- Evidence -------------------------------------------------------------------------------------
def test_a_fact_checker_attaches_evidence(as_checker, fact_checker):
    claim = ClaimFactory()
    response = as_checker.post(
        f"/api/v1/claims/{claim.pk}/evidence/",
        {
            "url": "https://www.inegi.org.mx/report",
            "title": "Homicide statistics",
            "publisher": "INEGI",
            "excerpt": "…",
            "stance": "supports",
        },
    )
    assert response.status_code == 201, response.content
    evidence = Evidence.objects.get()
    assert response.json()["added_by"] == "fatima"
    assert response["Location"].endswith(f"/api/v1/claims/{claim.pk}/evidence/{evidence.pk}/")
    assert (evidence.claim, evidence.added_by, evidence.stance) == (claim, fact_checker, "supports")


def test_evidence_needs_a_known_stance(as_checker):
    claim = ClaimFactory()
    response = as_checker.post(
        f"/api/v1/claims/{claim.pk}/evidence/", {"url": "https://example.org/x", "stance": "maybe"}
    )
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"stance"}


def test_evidence_needs_an_http_url(as_checker):
    claim = ClaimFactory()
    response = as_checker.post(
        f"/api/v1/claims/{claim.pk}/evidence/", {"url": "ftp://example.org/x", "stance": "refutes"}
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["field"], error["message"]) == (
        "url",
        "“ftp://example.org/x” is not a web address: give an http:// or https:// URL",
    )
    assert not Evidence.objects.exists()


def test_evidence_is_listed_and_deleted(as_checker):
    evidence = EvidenceFactory()
    url = f"/api/v1/claims/{evidence.claim_id}/evidence/"
    assert [e["id"] for e in as_checker.get(url).json()["results"]] == [evidence.pk]
    assert as_checker.delete(f"{url}{evidence.pk}/").status_code == 204
    assert not Evidence.objects.exists()


def test_evidence_of_a_published_claim_cannot_be_deleted(as_checker):
    evidence = EvidenceFactory(claim=ClaimFactory(status=ClaimStatus.PUBLISHED, verdict="false"))
    response = as_checker.delete(f"/api/v1/claims/{evidence.claim_id}/evidence/{evidence.pk}/")
    assert response.status_code == 409
    assert Evidence.objects.exists()


def test_evidence_of_an_unknown_claim_is_404(as_checker):
    assert as_checker.get("/api/v1/claims/999999/evidence/").status_code == 404
    response = as_checker.post("/api/v1/claims/999999/evidence/", {"url": "https://x.org/"})
    assert response.status_code == 404
