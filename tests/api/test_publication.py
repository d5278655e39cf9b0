"""The desk's rough edges (issue 11), through the API: the short claim summary (`claimReviewed`,
the whole sentence by default) and the published fact-check's URL (`url`, required to publish when
FACTCHECK_REQUIRE_REVIEW_URL is set), both versioned and locked on publish; the status and
published verdict of similar claims; automated checks that did not apply."""

import io

import pytest
from django.core.management import call_command

from claims.models import Article, ChecklistState, ClaimStatus, SimilarityDecision, Verdict
from tests.factories import ChecklistItemFactory, ClaimFactory, EvidenceFactory

from .factories import SimilarClaimFactory

pytestmark = pytest.mark.django_db

FACT_CHECK_URL = "https://verifica.example/2025/05/us-arms-450000-deaths-mexico"


@pytest.fixture
def require_review_url(settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "REQUIRE_REVIEW_URL": True}


def test_the_seed_casualty_claim_publishes_the_whole_figure_at_the_fact_checks_url(
    client_for, editor, second_editor, fact_checker, require_review_url
):
    """Issue 11's "done when": the 450,000 figure, whole, and the fact-check page's URL."""
    call_command("load_seeds", "--sync", stdout=io.StringIO())
    article = Article.objects.get(title__startswith="Sheinbaum says she totally rejects")
    claim = article.claims.get(text__contains="more than 450,000")
    url = f"/api/v1/claims/{claim.pk}/"
    checker, publisher = client_for(fact_checker), client_for(second_editor)

    def move(client, to):
        return client.post(url + "transition/", {"to": to})

    assert move(client_for(editor), "triaged").status_code == 200
    assert client_for(editor).patch(url, {"assignee": "fatima"}).status_code == 200
    assert move(checker, "researching").status_code == 200
    for item in claim.checklist.filter(required=True):
        checker.patch(f"{url}checklist/{item.pk}/", {"state": "done"})
    checker.post(f"{url}evidence/", {"url": "https://www.inegi.org.mx/temas/mortalidad/"})
    checker.patch(
        url,
        {
            "verdict": "mostly_true",
            "verdict_summary": "INEGI records more than 450,000 homicides since 2006.",
        },
    )
    assert move(checker, "in_review").status_code == 200

    refused = move(publisher, "published")
    assert refused.status_code == 409
    assert refused.json()["reasons"] == [
        "no “published at URL” is recorded: give the address of the published fact-check"
    ]
    assert publisher.patch(url, {"review_url": FACT_CHECK_URL}).status_code == 200
    assert move(publisher, "published").status_code == 200

    review = client_for(None).get("/api/v1/claimreview/").json()["dataFeedElement"][0]
    assert review["claimReviewed"] == claim.text
    assert "killed more than 450,000 in Mexico over nearly two decades." in claim.text
    assert review["url"] == FACT_CHECK_URL


def test_summary_and_review_url_are_edited_and_versioned_like_the_other_fields(as_checker):
    claim = ClaimFactory()
    url = f"/api/v1/claims/{claim.pk}/"

    response = as_checker.patch(
        url,
        {"summary": "  Arms from the U.S.\nkilled 450,000  ", "review_url": f" {FACT_CHECK_URL} "},
        HTTP_IF_MATCH='"1"',
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["summary"], body["review_url"], body["version"]) == (
        "Arms from the U.S. killed 450,000",
        FACT_CHECK_URL,
        2,
    )
    record = claim.history.order_by("-history_date", "-history_id").first()
    assert (record.summary, record.review_url) == (body["summary"], FACT_CHECK_URL)
    assert record.history_change_reason == "edit: review_url, summary"


def test_a_review_url_that_is_not_a_web_address_is_a_field_error_and_writes_nothing(as_checker):
    claim = ClaimFactory()
    response = as_checker.patch(
        f"/api/v1/claims/{claim.pk}/", {"review_url": "javascript:alert(1)", "summary": "Short"}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "review_url",
            "message": "“javascript:alert(1)” is not a web address: give an http:// or https:// "
            "URL",
            "code": "invalid",
        }
    ]
    claim.refresh_from_db()
    assert (claim.review_url, claim.summary, claim.version) == ("", "", 1)


def test_an_empty_review_url_clears_it(as_checker):
    claim = ClaimFactory(review_url=FACT_CHECK_URL)
    response = as_checker.patch(f"/api/v1/claims/{claim.pk}/", {"review_url": ""})
    assert response.status_code == 200
    assert response.json()["review_url"] == ""


@pytest.mark.parametrize("field", ["summary", "review_url"])
def test_a_published_claims_summary_and_url_change_only_through_a_correction(as_editor, field):
    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE)
    response = as_editor.patch(f"/api/v1/claims/{claim.pk}/", {field: "https://example.org/x"})
    assert response.status_code == 409
    assert response.json()["detail"].startswith(f"{field} cannot change: a published claim")


def test_without_the_setting_a_verdict_is_published_without_a_url(client_for, second_editor):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, verdict=Verdict.FALSE, verdict_summary="No.")
    EvidenceFactory(claim=claim)
    response = client_for(second_editor).post(
        f"/api/v1/claims/{claim.pk}/transition/", {"to": "published"}
    )
    assert response.status_code == 200, response.content


def test_similar_claims_show_their_status_and_only_a_published_verdict(as_viewer):
    claim = ClaimFactory()
    published = ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE)
    researching = ClaimFactory(status=ClaimStatus.RESEARCHING, verdict=Verdict.TRUE)
    SimilarClaimFactory(claim=claim, other=published, score=0.9)
    SimilarClaimFactory(
        claim=claim, other=researching, score=0.7, decision=SimilarityDecision.CONFIRMED
    )

    similar = as_viewer.get(f"/api/v1/claims/{claim.pk}/").json()["similar"]

    assert [(s["id"], s["status"], s["published_verdict"]) for s in similar] == [
        (published.pk, "published", "false"),
        (researching.pk, "researching", None),  # a verdict in research is not the desk's
    ]


# --- Automated checks ----------------------------------------------------------------------------
def test_a_check_that_did_not_apply_shows_its_state_and_reason(as_viewer):
    item = ChecklistItemFactory(
        automated=True,
        check_key="figure_corroborated",
        state=ChecklistState.NOT_APPLICABLE,
        result="No other ingested article reports this figure.",
    )
    body = as_viewer.get(f"/api/v1/claims/{item.claim_id}/checklist/").json()
    [shown] = body["results"]
    assert (shown["state"], shown["result"]) == (
        "not_applicable",
        "No other ingested article reports this figure.",
    )


def test_only_an_automated_step_can_be_not_applicable(as_checker):
    manual = ChecklistItemFactory(title="Find the primary source")
    automated = ChecklistItemFactory(
        claim=manual.claim, automated=True, check_key="claimant_identified", state="failed"
    )
    url = f"/api/v1/claims/{manual.claim_id}/checklist/"

    refused = as_checker.patch(f"{url}{manual.pk}/", {"state": "not_applicable"})
    agreed = as_checker.patch(f"{url}{automated.pk}/", {"state": "not_applicable"})

    assert refused.status_code == 400
    assert refused.json()["errors"] == [
        {
            "field": "state",
            "message": "only an automated check can be not applicable: skip “Find the primary "
            "source” and say why in its note",
            "code": "invalid",
        }
    ]
    assert agreed.status_code == 200
    assert (agreed.json()["state"], agreed.json()["done_by"]) == ("not_applicable", "fatima")
