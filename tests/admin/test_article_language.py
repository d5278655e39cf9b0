"""The desk shows an article's language and why a non-English article has no claims (issue 8,
part 5): the list's language column, the detected language and the extract job's reason."""

import pytest

from claims.models import Article, Claim
from tests.workers.language_samples import SAMPLES
from workers import pipeline

pytestmark = pytest.mark.django_db

SPANISH_PASTE = "La violencia deja más de 450.000 muertos en México\n\n" + "\n\n".join(
    text for lang, text in SAMPLES if lang == "es"
)


def test_a_pasted_spanish_article_shows_its_language_and_the_reason(editor, login):
    client = login(editor)
    client.post(
        "/admin/claims/article/add/",
        {"text": SPANISH_PASTE, "published_at": "2025-05-04", "language": "en"},
    )
    article = Article.objects.get()

    assert pipeline.article_run_sync(article.pk) == "failed"

    page = client.get(f"/admin/claims/article/{article.pk}/change/").content.decode()
    assert "language es is not supported yet" in page
    assert "450.000" in page  # the body as it is
    assert not Claim.objects.exists()
    listing = client.get("/admin/claims/article/", {"language": "es"}).content.decode()
    assert article.title in listing
    article.refresh_from_db()
    assert (article.language, article.detected_language) == ("es", "es")
