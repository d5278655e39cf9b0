"""Claims: the representation of the API contract (docs/architecture.md), every filter, ordering,
manual create, editing, the workflow through the API (with If-Match), and the history."""

import datetime as dt

import pytest
from django.utils import timezone

from claims.models import (
    ChecklistState,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    EntityKind,
    SimilarityDecision,
    Verdict,
)
from tests.factories import (
    ArticleFactory,
    ChecklistItemFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
    UserFactory,
)

from .factories import SimilarClaimFactory, enriched_claim

pytestmark = pytest.mark.django_db

CLAIM_KEYS = {
    "id",
    "article",
    "text",
    "start",
    "end",
    "sentence_index",
    "claim_type",
    "checkworthiness",
    "claimant",
    "attribution",
    "status",
    "verdict",
    "verdict_summary",
    "summary",
    "review_url",
    "assignee",
    "reviewer",
    "priority",
    "due_at",
    "published_at",
    "duplicate_of",
    "entities",
    "quantities",
    "dates",
    "checklist",
    "evidence",
    "similar",
    "already_checked",
    "version",
    "created_at",
    "updated_at",
}


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


# --- Representation -------------------------------------------------------------------------------
def test_a_claim_carries_every_field_of_the_contract(as_viewer, fact_checker):
    claimant = EntityFactory(name="Donald Trump", kind=EntityKind.PERSON)
    claim = enriched_claim(claimant=claimant, assignee=fact_checker, verdict=Verdict.FALSE)

    response = as_viewer.get(f"/api/v1/claims/{claim.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == CLAIM_KEYS
    assert body["claimant"] == {"id": claimant.pk, "name": "Donald Trump", "kind": "person"}
    assert body["assignee"] == "fatima"
    assert body["reviewer"] is None
    assert body["verdict"] == "false"
    assert body["article"] == claim.article_id
    assert (body["start"], body["end"]) == (claim.start, claim.end)
    assert body["entities"] == [
        {
            "text": "Claudia Sheinbaum",
            "kind": "person",
            "canonical": "Claudia Sheinbaum",
            "entity": claim.mentions.get().entity_id,
            "start": 4,
            "end": 21,
        }
    ]
    assert body["quantities"] == [
        {
            "text": "more than 450,000",
            "value": 450000.0,
            "unit": "people",
            "bound": "lower",
            "start": 10,
            "end": 27,
        }
    ]
    assert body["dates"] == [
        {"text": "on Friday", "value": "2025-05-02", "granularity": "day", "start": 30, "end": 39}
    ]
    [item] = body["checklist"]
    assert {"id", "title", "required", "automated", "state", "result", "note"} <= set(item)
    [evidence] = body["evidence"]
    assert {"id", "url", "title", "publisher", "excerpt", "stance"} <= set(evidence)
    [similar] = body["similar"]
    other = claim.similar.get().other
    assert similar == {
        "id": other.pk,
        "text": other.text,
        "score": 0.82,
        "decision": "suggested",
        "status": "new",
        "published_verdict": None,
    }
    assert body["version"] == 1
    # ISO 8601 timestamps
    dt.datetime.fromisoformat(body["created_at"])
    dt.datetime.fromisoformat(body["updated_at"])


def test_a_claim_without_verdict_claimant_or_people_shows_nulls(as_viewer):
    claim = ClaimFactory()
    body = as_viewer.get(f"/api/v1/claims/{claim.pk}/").json()
    assert (body["verdict"], body["claimant"], body["assignee"], body["reviewer"]) == (
        None,
        None,
        None,
        None,
    )


def test_rejected_similar_claims_are_not_shown(as_viewer):
    claim = ClaimFactory()
    SimilarClaimFactory(claim=claim, decision=SimilarityDecision.REJECTED)
    assert as_viewer.get(f"/api/v1/claims/{claim.pk}/").json()["similar"] == []


def test_claim_detail_has_its_version_as_etag(as_viewer):
    claim = ClaimFactory(version=7)
    response = as_viewer.get(f"/api/v1/claims/{claim.pk}/")
    assert response["ETag"] == '"7"'


def test_an_unknown_claim_is_404(as_viewer):
    assert as_viewer.get("/api/v1/claims/999999/").status_code == 404
    assert as_viewer.get("/api/v1/claims/99999999999999999999999/").status_code == 404
    assert as_viewer.get("/api/v1/claims/abc/").status_code == 404


def test_the_list_is_paginated_with_page_size(as_viewer):
    ClaimFactory.create_batch(5)
    body = as_viewer.get("/api/v1/claims/?page_size=2").json()
    assert set(body) == {"next", "results"}  # cursor pages (API 1.1): no count
    assert len(body["results"]) == 2
    assert "cursor=" in body["next"]
    body = as_viewer.get("/api/v1/claims/?page_size=2&page=1").json()  # API 1.0 pages
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert "page=2" in body["next"]
    assert body["previous"] is None


def test_an_oversized_page_size_is_clipped_not_refused(as_viewer):
    ClaimFactory.create_batch(3)
    response = as_viewer.get("/api/v1/claims/?page_size=100000")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3


# --- Filters (one test each) ----------------------------------------------------------------------
def test_filter_status(as_viewer):
    new = ClaimFactory()
    triaged = ClaimFactory(status=ClaimStatus.TRIAGED)
    ClaimFactory(status=ClaimStatus.DISMISSED)
    assert ids(as_viewer.get("/api/v1/claims/?status=triaged")) == [triaged.pk]
    assert set(ids(as_viewer.get("/api/v1/claims/?status=triaged&status=new"))) == {
        new.pk,
        triaged.pk,
    }


def test_filter_verdict(as_viewer):
    false = ClaimFactory(verdict=Verdict.FALSE)
    ClaimFactory(verdict=Verdict.TRUE)
    ClaimFactory()
    assert ids(as_viewer.get("/api/v1/claims/?verdict=false")) == [false.pk]


def test_filter_claim_type(as_viewer):
    quote = ClaimFactory(claim_type=ClaimType.QUOTE)
    ClaimFactory(claim_type=ClaimType.STATISTIC)
    assert ids(as_viewer.get("/api/v1/claims/?claim_type=quote")) == [quote.pk]


def test_filter_claimant(as_viewer):
    trump = EntityFactory(name="Donald Trump")
    said = ClaimFactory(claimant=trump)
    ClaimFactory(claimant=EntityFactory(name="Claudia Sheinbaum"))
    assert ids(as_viewer.get(f"/api/v1/claims/?claimant={trump.pk}")) == [said.pk]


def test_filter_article(as_viewer):
    claim = ClaimFactory()
    ClaimFactory()
    assert ids(as_viewer.get(f"/api/v1/claims/?article={claim.article_id}")) == [claim.pk]


def test_filter_assignee_by_username(as_viewer, fact_checker):
    mine = ClaimFactory(assignee=fact_checker)
    ClaimFactory(assignee=UserFactory(username="someone"))
    ClaimFactory()
    assert ids(as_viewer.get("/api/v1/claims/?assignee=fatima")) == [mine.pk]


def test_filter_min_checkworthiness(as_viewer):
    high = ClaimFactory(checkworthiness=0.9)
    edge = ClaimFactory(checkworthiness=0.7)
    ClaimFactory(checkworthiness=0.4)
    assert ids(as_viewer.get("/api/v1/claims/?min_checkworthiness=0.7")) == [high.pk, edge.pk]


def test_filter_q_searches_text_and_claimant(as_viewer):
    by_text = ClaimFactory(article=ArticleFactory(body="Troops were offered to Mexico. Fine."))
    by_claimant = ClaimFactory(claimant=EntityFactory(name="Troopers Union"))
    ClaimFactory()
    assert set(ids(as_viewer.get("/api/v1/claims/?q=troop*"))) == {by_text.pk, by_claimant.pk}
    assert ids(as_viewer.get("/api/v1/claims/?q=mexico troops")) == [by_text.pk]


def test_filter_created_after_and_before(as_viewer):
    old, new = ClaimFactory(), ClaimFactory()
    Claim.objects.filter(pk=old.pk).update(created_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    Claim.objects.filter(pk=new.pk).update(created_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC))
    assert ids(as_viewer.get("/api/v1/claims/?created_after=2025-03-01T00:00:00Z")) == [new.pk]
    assert ids(as_viewer.get("/api/v1/claims/?created_before=2025-03-01T00:00:00Z")) == [old.pk]


def test_ordering(as_viewer):
    low = ClaimFactory(checkworthiness=0.6, priority=4)
    high = ClaimFactory(checkworthiness=0.9, priority=1)
    assert ids(as_viewer.get("/api/v1/claims/")) == [high.pk, low.pk]  # default: most worthy
    assert ids(as_viewer.get("/api/v1/claims/?ordering=checkworthiness")) == [low.pk, high.pk]
    assert ids(as_viewer.get("/api/v1/claims/?ordering=-priority")) == [low.pk, high.pk]
    assert ids(as_viewer.get("/api/v1/claims/?ordering=created_at")) == [low.pk, high.pk]


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "min_checkworthiness=high",
        "min_checkworthiness=NaN",
        "created_after=yesterday",
        "claimant=1.5",
        "ordering=text",
        "q=" + "x" * 201,
        "q=nul%00byte",
        "q=" + "+".join(["word"] * 13),  # more than 12 terms
        "expand=history",
        "cursor=not-a-cursor",
        "page=21",
    ],
)
def test_invalid_query_parameters_are_a_400_naming_the_parameter(as_viewer, query):
    response = as_viewer.get(f"/api/v1/claims/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["type"].endswith("/invalid-query")
    assert body["errors"][0]["field"] == query.split("=")[0]


# --- Manual create --------------------------------------------------------------------------------
def test_a_fact_checker_enters_a_claim_by_hand(as_checker, fact_checker):
    article = ArticleFactory(body="Officials said 12 people died. Others disagreed.")
    claimant = EntityFactory(name="Officials", kind=EntityKind.GROUP)

    response = as_checker.post(
        "/api/v1/claims/",
        {
            "text": "Officials said 12 people died.",
            "article": article.pk,
            "start": 0,
            "end": 30,
            "claim_type": "statistic",
            "claimant": claimant.pk,
            "attribution": "reported_speech",
            "priority": 3,
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    claim = Claim.objects.get(pk=body["id"])
    assert response["Location"].endswith(f"/api/v1/claims/{claim.pk}/")
    assert response["ETag"] == '"1"'
    assert (claim.created_by, claim.claimant, claim.priority) == (fact_checker, claimant, 3)
    assert body["claimant"]["name"] == "Officials"


def test_a_claim_whose_text_is_not_at_its_offsets_is_refused(as_checker):
    article = ArticleFactory(body="Officials said 12 people died. Others disagreed.")
    response = as_checker.post(
        "/api/v1/claims/", {"text": "Something else", "article": article.pk, "start": 0, "end": 5}
    )
    assert response.status_code == 400
    assert "not the claim's text" in response.json()["detail"]
    assert not Claim.objects.exists()


def test_create_lists_every_invalid_field(as_checker):
    response = as_checker.post(
        "/api/v1/claims/",
        {"text": "", "claim_type": "rumour", "claimant": 999999, "start": -1},
    )
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"text", "claim_type", "claimant", "start"}


# --- Editing --------------------------------------------------------------------------------------
def test_patch_changes_only_the_fields_sent_and_bumps_the_version(as_checker, fact_checker):
    claim = ClaimFactory()
    response = as_checker.patch(
        f"/api/v1/claims/{claim.pk}/",
        {"assignee": "fatima", "verdict": "mostly_false", "verdict_summary": "Close, but no."},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["assignee"], body["verdict"], body["version"]) == ("fatima", "mostly_false", 2)
    assert response["ETag"] == '"2"'
    claim.refresh_from_db()
    assert claim.assignee == fact_checker
    assert claim.claim_type == ClaimType.STATISTIC
    kinds = set(ClaimEvent.objects.filter(claim=claim).values_list("kind", flat=True))
    assert kinds == {"assignment", "verdict"}


def test_patch_with_null_clears_assignee_and_verdict(as_checker, fact_checker):
    claim = ClaimFactory(assignee=fact_checker, verdict=Verdict.TRUE)
    body = as_checker.patch(
        f"/api/v1/claims/{claim.pk}/", {"assignee": None, "verdict": None}
    ).json()
    assert (body["assignee"], body["verdict"]) == (None, None)


def test_an_unknown_assignee_is_a_field_error(as_checker):
    claim = ClaimFactory()
    response = as_checker.patch(f"/api/v1/claims/{claim.pk}/", {"assignee": "nobody"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "assignee"
    assert "nobody" in error["message"]


def test_a_viewer_cannot_be_assigned(as_checker, viewer):
    claim = ClaimFactory()
    response = as_checker.patch(f"/api/v1/claims/{claim.pk}/", {"assignee": "vera"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "assignee"


def test_status_cannot_be_patched(as_editor):
    claim = ClaimFactory()
    response = as_editor.patch(f"/api/v1/claims/{claim.pk}/", {"status": "published"})
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "field": "status",
        "message": "This field is not accepted here.",
        "code": "unknown_field",
    }
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_patch_with_a_stale_if_match_is_412_and_writes_nothing(as_checker):
    claim = ClaimFactory(version=3)
    response = as_checker.patch(f"/api/v1/claims/{claim.pk}/", {"priority": 4}, HTTP_IF_MATCH='"2"')
    assert response.status_code == 412
    assert response.json()["type"].endswith("/precondition-failed")
    claim.refresh_from_db()
    assert (claim.priority, claim.version) == (2, 3)


def test_patch_with_the_current_if_match_succeeds(as_checker):
    claim = ClaimFactory(version=3)
    response = as_checker.patch(f"/api/v1/claims/{claim.pk}/", {"priority": 4}, HTTP_IF_MATCH='"3"')
    assert response.status_code == 200
    assert response["ETag"] == '"4"'


def test_two_editors_with_the_same_etag_the_second_gets_412(as_checker, as_editor):
    claim = ClaimFactory()
    etag = as_checker.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    first = as_checker.patch(f"/api/v1/claims/{claim.pk}/", {"priority": 4}, HTTP_IF_MATCH=etag)
    second = as_editor.patch(f"/api/v1/claims/{claim.pk}/", {"priority": 1}, HTTP_IF_MATCH=etag)
    assert (first.status_code, second.status_code) == (200, 412)
    claim.refresh_from_db()
    assert claim.priority == 4


def test_a_weak_or_garbled_if_match_never_matches(as_checker):
    claim = ClaimFactory()
    for header in ('W/"1"', "garbage", '"1.0"'):
        response = as_checker.patch(
            f"/api/v1/claims/{claim.pk}/", {"priority": 4}, HTTP_IF_MATCH=header
        )
        assert response.status_code == 412, header


def test_if_match_star_and_a_list_are_understood(as_checker):
    claim = ClaimFactory()
    assert (
        as_checker.patch(
            f"/api/v1/claims/{claim.pk}/", {"priority": 3}, HTTP_IF_MATCH="*"
        ).status_code
        == 200
    )
    assert (
        as_checker.patch(
            f"/api/v1/claims/{claim.pk}/", {"priority": 4}, HTTP_IF_MATCH='"1", "2"'
        ).status_code
        == 200
    )


def test_a_write_without_if_match_is_accepted(as_checker):
    claim = ClaimFactory(version=5)
    assert as_checker.patch(f"/api/v1/claims/{claim.pk}/", {"priority": 4}).status_code == 200


def test_a_published_verdict_changes_only_through_a_correction(as_editor):
    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE)
    response = as_editor.patch(f"/api/v1/claims/{claim.pk}/", {"verdict": "true"})
    assert response.status_code == 409
    assert "correction" in response.json()["detail"]


# --- Workflow -------------------------------------------------------------------------------------
def test_a_claim_moves_from_new_to_published_through_the_api(
    as_editor, as_checker, client_for, second_editor, fact_checker
):
    """The whole happy path, each step with the ETag of the step before."""
    claim = ClaimFactory()
    url = f"/api/v1/claims/{claim.pk}/"
    etag = as_editor.get(url)["ETag"]

    def move(client, to, comment=""):
        nonlocal etag
        response = client.post(
            url + "transition/", {"to": to, "comment": comment}, HTTP_IF_MATCH=etag
        )
        assert response.status_code == 200, response.content
        etag = response["ETag"]
        return response.json()

    assert move(as_editor, "triaged")["status"] == "triaged"
    etag = as_editor.patch(url, {"assignee": "fatima"}, HTTP_IF_MATCH=etag)["ETag"]
    assert move(as_checker, "researching")["status"] == "researching"
    item = ChecklistItemFactory(claim=claim)
    as_checker.patch(f"{url}checklist/{item.pk}/", {"state": "done"})
    as_checker.post(f"{url}evidence/", {"url": "https://stats.example.org/1", "stance": "refutes"})
    etag = as_checker.patch(
        url, {"verdict": "false", "verdict_summary": "The data say otherwise."}, HTTP_IF_MATCH=etag
    )["ETag"]
    assert move(as_checker, "in_review")["status"] == "in_review"
    published = move(as_editor, "published")
    assert published["status"] == "published"
    assert published["reviewer"] == "eddie"
    assert published["published_at"] is not None


def test_an_invalid_move_is_409_naming_every_unmet_precondition(as_checker, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    ChecklistItemFactory(claim=claim, title="Find the original source")

    response = as_checker.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "in_review"})

    assert response.status_code == 409
    body = response.json()
    assert body["type"].endswith("/invalid-transition")
    assert body["reasons"] == [
        "no verdict is set",
        "no verdict summary is written",
        "no evidence is attached",
        "required checklist items are open (or skipped without a note): “Find the original source”",
    ]
    assert "no verdict is set" in body["detail"]


def test_publishing_needs_a_second_editor(client_for, editor):
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        assignee=editor,
        verdict=Verdict.FALSE,
        verdict_summary="No.",
    )
    EvidenceFactory(claim=claim)
    response = client_for(editor).post(
        f"/api/v1/claims/{claim.pk}/transition/", {"to": "published"}
    )
    assert response.status_code == 409
    assert response.json()["reasons"] == [
        "the reviewer is the assignee: a second editor must publish this verdict"
    ]


def test_an_editor_who_handed_the_claim_over_cannot_publish_it(as_editor, as_checker):
    """Four eyes: the editor researched the claim, then handed it to a fact-checker who sent it
    to review. Changing the assignee does not make the editor a second pair of eyes."""
    claim = ClaimFactory(status=ClaimStatus.TRIAGED)
    url = f"/api/v1/claims/{claim.pk}/"
    assert as_editor.patch(url, {"assignee": "eddie"}).status_code == 200
    assert as_editor.post(url + "transition/", {"to": "researching"}).status_code == 200
    as_editor.post(url + "evidence/", {"url": "https://stats.example.org/1", "stance": "refutes"})
    as_editor.patch(url, {"verdict": "false", "verdict_summary": "The data say otherwise."})
    assert as_editor.patch(url, {"assignee": "fatima"}).status_code == 200
    assert as_checker.post(url + "transition/", {"to": "in_review"}).status_code == 200

    response = as_editor.post(url + "transition/", {"to": "published"})

    assert response.status_code == 409
    assert "a second editor must publish this verdict" in response.json()["reasons"][0]
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.IN_REVIEW


def test_publishing_checks_the_evidence_and_checklist_again(as_editor, as_checker, fact_checker):
    """Evidence removed and a required step reopened while in review: 409, naming both."""
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        assignee=fact_checker,
        verdict=Verdict.FALSE,
        verdict_summary="No.",
    )
    evidence = EvidenceFactory(claim=claim)
    item = ChecklistItemFactory(
        claim=claim, title="Find the original source", state=ChecklistState.DONE
    )
    url = f"/api/v1/claims/{claim.pk}/"
    assert as_checker.delete(f"{url}evidence/{evidence.pk}/").status_code == 204
    assert as_checker.patch(f"{url}checklist/{item.pk}/", {"state": "open"}).status_code == 200

    response = as_editor.post(url + "transition/", {"to": "published"})

    assert response.status_code == 409
    assert response.json()["reasons"] == [
        "no evidence is attached",
        "required checklist items are open (or skipped without a note): “Find the original source”",
    ]


def test_a_move_outside_the_graph_is_409(as_editor):
    claim = ClaimFactory()
    response = as_editor.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "published"})
    assert response.status_code == 409
    assert "cannot move from new to published" in response.json()["detail"]


def test_a_fact_checker_cannot_publish(as_checker, editor):
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW, assignee=editor, verdict=Verdict.FALSE, verdict_summary="No."
    )
    response = as_checker.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "published"})
    assert response.status_code == 403
    assert "publish" in response.json()["detail"]


def test_a_transition_with_a_stale_if_match_is_412(as_editor):
    claim = ClaimFactory(version=2)
    response = as_editor.post(
        f"/api/v1/claims/{claim.pk}/transition/", {"to": "triaged"}, HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 412
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_repeating_the_current_status_is_a_no_op(as_editor):
    claim = ClaimFactory(status=ClaimStatus.TRIAGED)
    response = as_editor.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "triaged"})
    assert response.status_code == 200
    assert response.json()["version"] == 1


def test_dismissing_needs_a_reason(as_editor):
    claim = ClaimFactory()
    response = as_editor.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "dismissed"})
    assert response.status_code == 409
    assert response.json()["reasons"] == ["a reason is required to dismiss"]


def test_an_unknown_status_is_a_field_error(as_editor):
    claim = ClaimFactory()
    response = as_editor.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "done"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "to"


# --- History --------------------------------------------------------------------------------------
def test_history_lists_the_events_oldest_first(as_editor, as_viewer):
    claim = ClaimFactory()
    as_editor.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "triaged", "comment": "ok"})
    as_editor.patch(f"/api/v1/claims/{claim.pk}/", {"assignee": "eddie"})

    body = as_viewer.get(f"/api/v1/claims/{claim.pk}/history/").json()

    assert body["count"] == 2
    first, second = body["results"]
    assert (first["kind"], first["actor"], first["from_value"], first["to_value"]) == (
        "transition",
        "eddie",
        "new",
        "triaged",
    )
    assert first["comment"] == "ok"
    assert (second["kind"], second["to_value"]) == ("assignment", "eddie")
    assert timezone.datetime.fromisoformat(first["at"])


def test_history_of_an_unknown_claim_is_404(as_viewer):
    assert as_viewer.get("/api/v1/claims/999999/history/").status_code == 404


def test_checklist_state_choices_match_the_model():
    # The API accepts exactly the model's states (a guard against the two drifting apart).
    from claims.api.inputs import ChecklistItemUpdateInput

    assert set(ChecklistItemUpdateInput().fields["state"].choices) == set(ChecklistState.values)
