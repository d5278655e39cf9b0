"""Bulk actions on the claims changelist: each one goes through the services, and each is offered
only to the roles that may use it."""

import csv
import io
import json

import pytest
from django.contrib.admin import helpers

from claims.claimreview import public_path
from claims.models import ClaimEvent, ClaimStatus, EventKind, Job, JobStage, JobState, Verdict

from ..factories import ClaimFactory
from .conftest import claim_in, ready_for_review

pytestmark = pytest.mark.django_db

URL = "/admin/claims/claim/"


def act(client, action: str, claims, **extra):
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [c.pk for c in claims], **extra}
    if "apply" not in extra:
        data["index"] = 0
    return client.post(URL, data)


def offered(client) -> set[str]:
    form = client.get(URL).context["action_form"]
    return {name for name, _ in form.fields["action"].choices if name}


def test_each_role_is_offered_the_actions_it_may_use(viewer, fact_checker, editor, login):
    exports = {"export_csv", "export_claimreview"}
    assert offered(login(viewer)) == exports
    assert offered(login(fact_checker)) == exports | {"assign_to_me", "rerun_enrichment"}
    assert offered(login(editor)) == exports | {
        "assign_to_me",
        "rerun_enrichment",
        "assign_to_user",
        "triage",
        "dismiss",
    }


def test_assign_to_me_assigns_through_the_versioned_update(desk, fact_checker, login):
    claims = [desk.figure, desk.superlative]

    act(login(fact_checker), "assign_to_me", claims)

    for claim in claims:
        claim.refresh_from_db()
        assert (claim.assignee, claim.version) == (fact_checker, 2)
        event = ClaimEvent.objects.get(claim=claim, kind=EventKind.ASSIGNMENT)
        assert (event.from_value, event.to_value, event.actor) == ("", "fatima", fact_checker)


def test_assign_to_a_user_asks_who_then_assigns(desk, fact_checker, editor, login):
    client = login(editor)

    page = act(client, "assign_to_user", [desk.figure])

    assert page.status_code == 200
    html = page.content.decode()
    assert "Assign claims" in html and desk.figure.text[:40] in html
    response = act(client, "assign_to_user", [desk.figure], assignee=fact_checker.pk, apply="1")
    assert response.status_code == 302
    desk.figure.refresh_from_db()
    assert desk.figure.assignee == fact_checker


def test_triage_moves_new_claims_and_reports_those_it_cannot(desk, editor, login):
    published = ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE)
    client = login(editor)

    response = act(client, "triage", [desk.figure, published])

    desk.figure.refresh_from_db()
    assert desk.figure.status == ClaimStatus.TRIAGED
    assert ClaimEvent.objects.get(claim=desk.figure, kind=EventKind.TRANSITION).actor == editor
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "1 claim triaged." in messages
    assert any("cannot move from published to triaged" in m for m in messages)


def test_dismiss_asks_for_a_reason_and_writes_it_to_each_claim(desk, editor, login):
    client = login(editor)
    claims = [desk.figure, desk.superlative]

    missing = act(client, "dismiss", claims, reason="", apply="1")
    assert missing.status_code == 200 and "This field is required." in missing.content.decode()
    assert all(c.status == ClaimStatus.NEW for c in claims)

    act(client, "dismiss", claims, reason="Opinion, not a checkable fact.", apply="1")

    for claim in claims:
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.DISMISSED
        event = ClaimEvent.objects.get(claim=claim, kind=EventKind.TRANSITION)
        assert event.comment == "Opinion, not a checkable fact."


def test_a_fact_checker_cannot_run_an_editors_action_by_crafting_the_request(
    desk, fact_checker, login
):
    act(login(fact_checker), "triage", [desk.figure])

    desk.figure.refresh_from_db()
    assert desk.figure.status == ClaimStatus.NEW


def test_rerun_enrichment_queues_enrichment_then_the_checklist_again(
    desk, fact_checker, login, published_jobs, django_capture_on_commit_callbacks
):
    jobs = Job.objects.filter(claim=desk.figure, stage__in=[JobStage.ENRICH, JobStage.CHECKLIST])
    assert set(jobs.values_list("state", flat=True)) == {JobState.DONE}

    with django_capture_on_commit_callbacks(execute=True):
        act(login(fact_checker), "rerun_enrichment", [desk.figure])

    assert set(jobs.values_list("state", "attempts")) == {(JobState.QUEUED, 0)}
    assert jobs.count() == 2
    assert published_jobs == [desk.figure.pk]  # one enrich → checklist chain


def test_csv_export_has_one_row_per_claim_and_defuses_formulas(desk, fact_checker, login):
    formula = ClaimFactory(article=None, start=None, end=None, text='=HYPERLINK("x")')

    response = act(login(fact_checker), "export_csv", [desk.figure, formula])

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="claims-')
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    figure = rows[str(desk.figure.pk)]
    assert figure["text"] == desk.figure.text
    assert figure["claimant"] == "Claudia Sheinbaum"
    assert figure["outlet"] == "Radio Habana Cuba"
    assert figure["date"] == "2025-05-04"
    assert int(figure["checklist_total"]) == desk.figure.checklist.count()
    assert figure["admin_url"].endswith(f"/admin/claims/claim/{desk.figure.pk}/change/")
    assert rows[str(formula.pk)]["text"] == '\'=HYPERLINK("x")'


def test_claimreview_export_is_the_apis_json_ld_for_the_published_claims(
    desk, fact_checker, second_editor, login
):
    from claims.services import claim_transition

    ready_for_review(desk.figure, assignee=fact_checker)
    claim_in(desk.figure, ClaimStatus.IN_REVIEW)
    claim_transition(claim=desk.figure, to=ClaimStatus.PUBLISHED, actor=second_editor)

    response = act(login(fact_checker), "export_claimreview", [desk.figure, desk.superlative])

    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    feed = json.loads(response.content)
    assert (feed["@type"], feed["count"]) == ("DataFeed", 1)
    review = feed["dataFeedElement"][0]
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"]["alternateName"] == "Mostly true"
    assert review["itemReviewed"]["author"]["name"] == "Claudia Sheinbaum"
    assert review["url"].endswith(public_path(desk.figure))  # the public page


def test_claimreview_export_can_be_embedded_in_an_html_script_element(
    desk, fact_checker, second_editor, login
):
    from claims.services import claim_transition

    hostile = "</script><script>alert(1)</script> & \u2028"
    ready_for_review(desk.figure, assignee=fact_checker)
    claim_in(desk.figure, ClaimStatus.IN_REVIEW)
    desk.figure.__class__.objects.filter(pk=desk.figure.pk).update(verdict_summary=hostile)
    claim_transition(claim=desk.figure, to=ClaimStatus.PUBLISHED, actor=second_editor)

    response = act(login(fact_checker), "export_claimreview", [desk.figure])

    raw = response.content.decode()
    assert not any(character in raw for character in "<>&\u2028")
    review = json.loads(raw)["dataFeedElement"][0]
    assert review["reviewRating"]["ratingExplanation"] == hostile


def test_claimreview_export_of_unpublished_claims_says_why_nothing_came(desk, viewer, login):
    response = act(login(viewer), "export_claimreview", [desk.figure])

    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("ClaimReview is for published verdicts" in m for m in messages)
