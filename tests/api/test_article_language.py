"""An article that is not English (issue 8, part 5): stored with its detected language, its extract
job ends with "language es is not supported yet", and no claim is read from it with English rules
("450.000 personas" never becomes 450)."""

import pytest

from claims.models import Article, Claim, Quantity
from tests.workers.language_samples import SAMPLES
from workers import pipeline

pytestmark = pytest.mark.django_db

SPANISH_BODY = "\n\n".join(text for lang, text in SAMPLES if lang == "es")


def spanish_payload(**extra):
    return {
        "title": "La violencia deja más de 450.000 muertos en México",
        "body": SPANISH_BODY,
        "published_at": "2025-05-04",
        "outlet": "Diario de Ejemplo",
        **extra,
    }


def test_a_spanish_article_ends_with_the_language_reason_and_no_claims(as_checker, as_viewer):
    created = as_checker.post("/api/v1/articles/", spanish_payload())
    assert created.status_code == 202, created.content
    article_id = created.json()["id"]

    assert pipeline.article_run_sync(article_id) == "failed"

    detail = as_viewer.get(f"/api/v1/articles/{article_id}/").json()
    assert (detail["language"], detail["detected_language"]) == ("es", "es")
    assert detail["pipeline_status"] == "failed"
    [job] = detail["jobs"]
    assert (job["stage"], job["state"]) == ("extract", "failed")
    assert "language es is not supported yet" in job["last_error"]
    assert detail["claims"] == []
    listed = {row["id"]: row for row in as_viewer.get("/api/v1/articles/").json()["results"]}
    assert listed[article_id]["language"] == "es"
    assert not Claim.objects.filter(article_id=article_id).exists()
    assert not Quantity.objects.filter(value=450).exists()


def test_the_declared_language_stands_when_the_text_is_too_short_to_tell(as_checker):
    created = as_checker.post(
        "/api/v1/articles/", spanish_payload(body="Madrid, 4 de mayo.", language="es")
    )
    article_id = created.json()["id"]

    pipeline.article_run_sync(article_id)

    article = Article.objects.get(pk=article_id)
    assert (article.language, article.detected_language) == ("es", "")
    assert "language es is not supported yet" in article.jobs.get().last_error


def test_english_full_of_foreign_names_is_read_as_english(as_checker, as_viewer):
    body = "\n\n".join(text for lang, text in SAMPLES if lang == "en")
    created = as_checker.post(
        "/api/v1/articles/", spanish_payload(title="Leaders meet", body=body, language="es")
    )
    article_id = created.json()["id"]

    assert pipeline.article_run_sync(article_id) == "done"

    detail = as_viewer.get(f"/api/v1/articles/{article_id}/").json()
    assert (detail["language"], detail["detected_language"]) == ("en", "en")
    assert detail["claims"]
