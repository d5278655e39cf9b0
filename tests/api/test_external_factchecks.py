"""Other desks' fact-checks through the API: importing ClaimReview (idempotent by url, all or
nothing, problems named), the list, who may do what, and a match on the claim."""

import json

import pytest
from django.core.management import CommandError, call_command

from claims.models import ExternalFactCheck
from claims.services import claim_external_matches_apply
from tests.factories import ClaimFactory

from .conftest import assert_problem

pytestmark = pytest.mark.django_db

IMPORT = "/api/v1/external-factchecks/import/"


def review(n=1, **fields):
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://desk.example/checks/{n}",
        "claimReviewed": "More than 450,000 people killed in Mexico over nearly two decades",
        "reviewRating": {"@type": "Rating", "alternateName": "Mostly true", "ratingValue": 5},
        "author": {"@type": "Organization", "name": "Desk Example"},
        "datePublished": "2025-05-06",
        **fields,
    }


def feed(*reviews):
    return {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": list(reviews)}


def test_importing_a_datafeed_is_idempotent_by_url(as_editor):
    body = feed(review(1), review(2))
    first = as_editor.post(IMPORT, body, format="json")
    assert (first.status_code, first.json()) == (200, {"created": 2, "updated": 0, "unchanged": 0})
    again = as_editor.post(IMPORT, body, format="json")
    assert again.json() == {"created": 0, "updated": 0, "unchanged": 2}
    changed = review(2, reviewRating={"alternateName": "False"})
    third = as_editor.post(IMPORT, json.dumps(changed), content_type="application/ld+json")
    assert third.json() == {"created": 0, "updated": 1, "unchanged": 0}
    assert ExternalFactCheck.objects.get(url="https://desk.example/checks/2").rating == "False"
    listed = as_editor.get("/api/v1/external-factchecks/").json()
    assert listed["count"] == 2
    assert {r["author_name"] for r in listed["results"]} == {"Desk Example"}


def test_bad_claimreview_is_a_problem_naming_every_member_and_nothing_is_stored(as_editor):
    body = feed(review(1), review(2, url="ftp://x", claimReviewed=""))
    response = as_editor.post(IMPORT, body, format="json")
    problem = assert_problem(response)
    assert response.status_code == 400
    assert {(e["field"], e["message"]) for e in problem["errors"]} == {
        ("dataFeedElement[1].url", "an http(s) URL is required"),
        ("dataFeedElement[1].claimReviewed", "the claim reviewed is required"),
    }
    assert not ExternalFactCheck.objects.exists()
    not_json = as_editor.post(IMPORT, "{", content_type="application/json")
    assert not_json.status_code == 400


def test_only_editors_import_and_viewers_read(as_viewer, as_checker, as_editor):
    assert as_viewer.post(IMPORT, review(), format="json").status_code == 403
    assert as_checker.post(IMPORT, review(), format="json").status_code == 403
    assert as_viewer.get("/api/v1/external-factchecks/").status_code == 200


def test_a_match_shows_on_the_claim_with_the_other_desks_rating_and_link(as_viewer, as_editor):
    as_editor.post(IMPORT, review(7), format="json")
    claim = ClaimFactory()
    external = ExternalFactCheck.objects.get()
    claim_external_matches_apply(claim=claim, matches=[(external.pk, 0.97)])
    body = as_viewer.get(f"/api/v1/claims/{claim.pk}/").json()
    assert body["already_checked"] == [
        {
            "id": external.pk,
            "url": "https://desk.example/checks/7",
            "claim_reviewed": external.claim_reviewed,
            "rating": "Mostly true",
            "author_name": "Desk Example",
            "date_published": "2025-05-06",
            "score": 0.97,
        }
    ]
    assert claim.events.filter(comment__startswith="already checked by Desk Example").exists()


def test_the_command_imports_and_says_why_it_refuses(tmp_path, capsys):
    good = tmp_path / "feed.json"
    good.write_text(json.dumps(feed(review(1))))
    call_command("import_claimreview", str(good))
    assert "1 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"@type": "Article"}]))
    with pytest.raises(CommandError, match=r"bad.json: .*\[0\]: not a ClaimReview.*nothing was"):
        call_command("import_claimreview", str(bad))
    with pytest.raises(CommandError, match="not UTF-8 JSON"):
        (tmp_path / "x.json").write_text("{")
        call_command("import_claimreview", str(tmp_path / "x.json"))
    with pytest.raises(CommandError, match="cannot read it"):
        call_command("import_claimreview", str(tmp_path / "missing.json"))


def test_the_default_threshold_is_the_measured_one(settings):
    from workers.enrich.factchecks import DEFAULT_THRESHOLD

    assert settings.FACTCHECK["EXTERNAL_MATCH"] == DEFAULT_THRESHOLD


def test_enrichment_matches_a_new_claim_in_process(seed_text, as_viewer):
    import datetime as dt

    from claims.parsing.claimreview import read_claimreviews
    from claims.services import article_ingest, external_factchecks_import
    from workers import pipeline

    sentence = (
        "At the same time, the Mexican president said she had urged Trump to stop the "
        "cross-border arms trafficking that has contributed to a wave of violence that has "
        "killed more than 450,000 in Mexico over nearly two decades."
    )
    external_factchecks_import(reviews=read_claimreviews([review(1, claimReviewed=sentence)]))
    article = article_ingest(text=seed_text, published_at=dt.date(2025, 5, 4)).article
    pipeline.article_run_sync(article.pk)
    claims = as_viewer.get(
        f"/api/v1/claims/?article={article.pk}&page_size=200&expand=already_checked"
    ).json()
    checked = {c["id"]: c["already_checked"] for c in claims["results"] if c["already_checked"]}
    [(claim_id, [match])] = checked.items()
    assert (match["author_name"], match["rating"], match["score"]) == (
        "Desk Example",
        "Mostly true",
        1.0,
    )
    step = as_viewer.get(f"/api/v1/claims/{claim_id}/checklist/").json()["results"]
    [already] = [s for s in step if s["title"] == "Already checked by another desk"]
    assert already["state"] == "done"
    assert already["result"].startswith("Already checked by Desk Example: Mostly true")
