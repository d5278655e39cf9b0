"""One rule, one place: the API and the admin refuse the same things with the same message,
because both ask the service (who may be assigned, the URL rule, what a status locks, the version
check)."""

import html

import pytest
from django.contrib.admin import helpers
from django.test import Client
from rest_framework.test import APIClient

from claims import roles
from claims.models import Claim, ClaimStatus, Evidence, Verdict

from .admin.test_claim_page import change_url, open_page
from .factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def admin_as(user) -> Client:
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(user)
    return client


def page_errors(response) -> list[str]:
    """The errors the admin shows on a claim page built again after a refusal."""
    assert response.status_code == 200
    return [html.unescape(str(e)) for e in response.context["adminform"].form.non_field_errors()]


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def test_who_may_be_assigned_is_the_same_answer_in_the_api_and_the_admin(editor, viewer):
    claim = ClaimFactory()
    refusal = "vera cannot research claims: only fact-checkers and editors can be assigned"

    api = api_as(editor).patch(f"/api/v1/claims/{claim.pk}/", {"assignee": "vera"}, format="json")
    client = admin_as(editor)
    _, data = open_page(client, claim)
    page = client.post(change_url(claim), {**data, "assignee": viewer.pk, "_continue": "1"})

    assert api.status_code == 400
    assert api.json()["errors"] == [{"field": "assignee", "message": refusal, "code": "invalid"}]
    assert page_errors(page) == [refusal]
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_a_fact_checker_without_admin_access_may_be_assigned_in_both(editor):
    api_only = UserFactory(username="farid", role=roles.FACT_CHECKER)  # not staff
    first, second = ClaimFactory(), ClaimFactory()
    client = admin_as(editor)

    api = api_as(editor).patch(f"/api/v1/claims/{first.pk}/", {"assignee": "farid"})
    _, data = open_page(client, second)
    assert f'value="{api_only.pk}"' in client.get(change_url(second)).content.decode()
    client.post(change_url(second), {**data, "assignee": api_only.pk, "_continue": "1"})

    assert api.status_code == 200
    assert {c.assignee for c in Claim.objects.filter(pk__in=[first.pk, second.pk])} == {api_only}


def test_a_claim_in_review_keeps_its_assignee_in_both(editor, fact_checker, second_editor):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, assignee=fact_checker, verdict=Verdict.FALSE)
    client = admin_as(editor)

    api = api_as(editor).patch(f"/api/v1/claims/{claim.pk}/", {"assignee": "erin"})
    page = client.get(change_url(claim)).content.decode()
    bulk = client.post(
        "/admin/claims/claim/",
        {"action": "assign_to_me", helpers.ACTION_CHECKBOX_NAME: [claim.pk], "index": 0},
    )

    assert api.status_code == 409
    refusal = api.json()["detail"]
    assert refusal.startswith("assignee cannot change: who researched a claim in review")
    assert 'name="assignee"' not in page  # shown read-only
    assert any(message.endswith(refusal) for message in messages_of(bulk))
    assert Claim.objects.get(pk=claim.pk).assignee == fact_checker


def test_one_url_rule_for_evidence_in_both(fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    refusal = "“javascript:alert(1)” is not a web address: give an http:// or https:// URL"
    client = admin_as(fact_checker)
    _, data = open_page(client, claim)
    data.update(
        {
            "evidence-TOTAL_FORMS": "1",
            "evidence-0-url": "javascript:alert(1)",
            "evidence-0-title": "x",
            "evidence-0-stance": "context",
            "_continue": "1",
        }
    )

    api = api_as(fact_checker).post(
        f"/api/v1/claims/{claim.pk}/evidence/", {"url": "javascript:alert(1)"}, format="json"
    )
    page = client.post(change_url(claim), data)

    assert api.json()["errors"] == [{"field": "url", "message": refusal, "code": "invalid"}]
    assert page_errors(page) == [refusal]
    assert not Evidence.objects.exists()


def test_a_published_claims_evidence_is_part_of_the_record_in_both(fact_checker):
    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE)

    api = api_as(fact_checker).post(
        f"/api/v1/claims/{claim.pk}/evidence/", {"url": "https://example.org/"}
    )
    page = admin_as(fact_checker).get(change_url(claim))

    assert api.status_code == 409
    assert api.json()["detail"].startswith("the claim is published: its checklist and evidence")
    evidence_inline = next(
        fs for fs in page.context["inline_admin_formsets"] if fs.formset.prefix == "evidence"
    )
    assert not evidence_inline.has_add_permission
    assert not Evidence.objects.exists()


def test_a_stale_edit_gets_the_same_message_in_both(editor, second_editor):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    client = admin_as(second_editor)
    _, stale_page = open_page(client, claim)
    api_as(editor).patch(f"/api/v1/claims/{claim.pk}/", {"priority": 3})  # now version 2

    api = api_as(second_editor).patch(
        f"/api/v1/claims/{claim.pk}/", {"priority": 1}, HTTP_IF_MATCH='"1"'
    )
    page = client.post(change_url(claim), {**stale_page, "priority": 1, "_continue": "1"})

    refusal = (
        "this claim was changed by eddie since the version you edited (you had version 1; it is "
        "now version 2): nothing was saved — reload the claim, then redo your change"
    )
    assert (api.status_code, api.json()["detail"], api["ETag"]) == (412, refusal, '"2"')
    assert page_errors(page) == [refusal]
    assert Claim.objects.get(pk=claim.pk).priority == 3


def test_skipping_a_step_needs_a_note_in_both(fact_checker):
    from .factories import ChecklistItemFactory

    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    item = ChecklistItemFactory(claim=claim, title="Ask the claimant's office")
    refusal = "say why “Ask the claimant's office” is skipped: write it in its note"

    api = api_as(fact_checker).patch(
        f"/api/v1/claims/{claim.pk}/checklist/{item.pk}/", {"state": "skipped"}, format="json"
    )
    client = admin_as(fact_checker)
    _, data = open_page(client, claim)
    page = client.post(
        change_url(claim), {**data, "checklist-0-state": "skipped", "_continue": "1"}
    )

    assert api.json()["errors"] == [{"field": "note", "message": refusal, "code": "invalid"}]
    assert page_errors(page) == [refusal]
    item.refresh_from_db()
    assert item.state == "open"
