"""The claim page: the claim in context, edits through the services, the workflow buttons, the
two-editors rule, similar claims and the history."""

import re

import pytest

from claims.models import (
    ChecklistState,
    Claim,
    ClaimEvent,
    ClaimStatus,
    EventKind,
    Evidence,
    Job,
    JobStage,
    SimilarityDecision,
    Verdict,
)

from .conftest import claim_in, ready_for_review

pytestmark = pytest.mark.django_db


def change_url(claim) -> str:
    return f"/admin/claims/claim/{claim.pk}/change/"


def form_data(response) -> dict:
    """The POST a browser would send for the page as rendered: every field's current value (the
    form, its hidden version, the inlines and their management forms), no button pressed."""
    context = response.context
    data: dict = {}
    adminform = context["adminform"].form
    for name, field in adminform.fields.items():
        value = adminform[name].value()
        if field.disabled or value is None:
            continue
        data[name] = value.pk if hasattr(value, "pk") else value
    for formset in context["inline_admin_formsets"]:
        fs = formset.formset
        for key, value in fs.management_form.initial.items():
            data[f"{fs.prefix}-{key}"] = value
        for form in fs.forms:
            for name in form.fields:
                value = form[name].value()
                if value is not None and value is not False:
                    data[form.add_prefix(name)] = value.pk if hasattr(value, "pk") else value
    html = response.content.decode()
    return {  # what is not on the page (read-only rows and fields) is not sent
        k: ("" if v is None else v) for k, v in data.items() if f'name="{k}"' in html
    }


def checklist_rows(data: dict, claim) -> dict[str, str]:
    """Prefix of each checklist row in the form, by item title."""
    titles = dict(claim.checklist.values_list("pk", "title"))
    return {
        titles[int(value)]: key[: -len("-id")]
        for key, value in data.items()
        if key.startswith("checklist-") and key.endswith("-id") and value
    }


def open_page(client, claim):
    response = client.get(change_url(claim))
    assert response.status_code == 200
    return response, form_data(response)


# --- What the page shows -------------------------------------------------------------------------
def test_the_claim_is_shown_in_its_paragraph_with_its_mentions_marked(desk, fact_checker, login):
    response = login(fact_checker).get(change_url(desk.figure))

    html = response.content.decode()
    context = html[html.index('class="desk-paragraph"') :][:4000]
    assert context.index("On Saturday, Sheinbaum said") < context.index("desk-claim-span")
    claim_html = context[context.index('<mark class="desk-claim-span"') :]
    assert re.search(
        r'class="desk-m desk-m-quantity" title="Lower bound[^"]*: 450,?000', claim_html
    )
    assert '<mark class="desk-m desk-m-place" title="Place: Mexico">Mexico</mark>' in claim_html
    assert "Trump</mark>" in claim_html
    # Enrichment is shown, read-only.
    assert "more than 450,000 = 450,000" in html
    assert 'name="checkworthiness"' not in html and 'name="attribution"' not in html


def test_the_fact_checker_sees_only_the_moves_their_role_allows(desk, fact_checker, login):
    claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)

    response = login(fact_checker).get(change_url(desk.figure))

    targets = [move.target for move in response.context["desk"]["moves"]]
    assert targets == [ClaimStatus.IN_REVIEW]  # dismissing is an editor's move
    html = response.content.decode()
    assert 'value="in_review"' in html and 'value="dismissed"' not in html
    assert "no verdict is set" in html  # what is still missing is listed under the button


def test_an_editor_sees_publish_and_send_back_in_review(desk, fact_checker, editor, login):
    ready_for_review(desk.figure, assignee=fact_checker)
    claim_in(desk.figure, ClaimStatus.IN_REVIEW)

    response = login(editor).get(change_url(desk.figure))

    moves = {move.target: move for move in response.context["desk"]["moves"]}
    assert set(moves) == {ClaimStatus.RESEARCHING, ClaimStatus.PUBLISHED}
    assert not moves[ClaimStatus.PUBLISHED].disabled


def test_a_viewer_sees_the_claim_and_cannot_change_it(desk, viewer, login):
    client = login(viewer)
    response = client.get(change_url(desk.figure))

    assert response.status_code == 200
    assert response.context["desk"]["moves"] == []
    html = response.content.decode()
    assert 'name="_transition"' not in html and 'name="_save"' not in html
    assert 'name="verdict"' not in html
    response = client.post(change_url(desk.figure), {"verdict": "false", "_transition": "triaged"})
    assert response.status_code == 403
    assert Claim.objects.get(pk=desk.figure.pk).version == desk.figure.version


# --- Editing through the services ----------------------------------------------------------------
def test_ticking_skipping_and_adding_evidence_go_through_the_services(desk, fact_checker, login):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    client = login(fact_checker)
    response, data = open_page(client, claim)
    rows = checklist_rows(data, claim)
    first, second = [t for t in rows if claim.checklist.get(title=t).state == "open"][:2]
    data[f"{rows[first]}-state"] = ChecklistState.DONE
    data[f"{rows[second]}-state"] = ChecklistState.SKIPPED
    data[f"{rows[second]}-note"] = "The claimant named no period."
    data.update(
        {
            "evidence-TOTAL_FORMS": "1",
            "evidence-0-url": "https://www.inegi.org.mx/temas/mortalidad/",
            "evidence-0-title": "Deaths by homicide, 2006-2024",
            "evidence-0-publisher": "INEGI",
            "evidence-0-stance": "supports",
            "evidence-0-claim": str(claim.pk),
            "verdict": Verdict.MOSTLY_TRUE,
            "_continue": "1",
        }
    )

    response = client.post(change_url(claim), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    ticked = claim.checklist.get(title=first)
    assert (ticked.state, ticked.done_by) == (ChecklistState.DONE, fact_checker)
    skipped = claim.checklist.get(title=second)
    assert (skipped.state, skipped.note) == (
        ChecklistState.SKIPPED,
        "The claimant named no period.",
    )
    evidence = Evidence.objects.get(claim=claim)
    assert (evidence.publisher, evidence.added_by) == ("INEGI", fact_checker)
    claim.refresh_from_db()
    assert (claim.verdict, claim.version) == (Verdict.MOSTLY_TRUE, 2)
    assert ClaimEvent.objects.filter(claim=claim, kind=EventKind.VERDICT).exists()


def test_skipping_a_step_needs_a_note(desk, fact_checker, login):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    client = login(fact_checker)
    _, data = open_page(client, claim)
    title, prefix = next(iter(checklist_rows(data, claim).items()))
    data[f"{prefix}-state"] = ChecklistState.SKIPPED

    response = client.post(change_url(claim), {**data, "_continue": "1"})

    assert response.status_code == 200
    assert f"say why “{title}” is skipped: write it in its note" in response.content.decode()
    assert claim.checklist.get(title=title).state != ChecklistState.SKIPPED


def test_evidence_can_be_removed_but_not_rewritten(desk, fact_checker, login):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    evidence = Evidence.objects.create(claim=claim, url="https://example.org/a", title="Old")
    client = login(fact_checker)
    _, data = open_page(client, claim)
    assert "evidence-0-url" not in data  # an existing source is shown read-only
    data["evidence-0-DELETE"] = "on"

    response = client.post(change_url(claim), {**data, "_continue": "1"})

    assert response.status_code == 302
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert Evidence.history.filter(id=evidence.pk, history_type="-").exists()


# --- Workflow buttons ----------------------------------------------------------------------------
def test_send_to_review_saves_the_edits_then_moves_the_claim(desk, fact_checker, login):
    claim = ready_for_review(desk.figure, assignee=fact_checker)
    claim_in(claim, ClaimStatus.RESEARCHING, verdict="")
    client = login(fact_checker)
    _, data = open_page(client, claim)
    data.update(
        {
            "verdict": Verdict.MOSTLY_TRUE,
            "_transition": ClaimStatus.IN_REVIEW,
            "transition_comment": "Ready for a second pair of eyes.",
        }
    )

    response = client.post(change_url(claim), data, follow=True)

    claim.refresh_from_db()
    assert (claim.status, claim.verdict) == (ClaimStatus.IN_REVIEW, Verdict.MOSTLY_TRUE)
    event = ClaimEvent.objects.get(claim=claim, kind=EventKind.TRANSITION)
    assert (event.actor, event.comment) == (fact_checker, "Ready for a second pair of eyes.")
    assert "The claim is now in review." in response.content.decode()


def test_a_move_whose_preconditions_fail_keeps_the_edits_and_says_why(desk, fact_checker, login):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    client = login(fact_checker)
    _, data = open_page(client, claim)
    data.update({"verdict_summary": "Draft.", "_transition": ClaimStatus.IN_REVIEW})

    response = client.post(change_url(claim), data, follow=True)

    claim.refresh_from_db()
    assert (claim.status, claim.verdict_summary) == (ClaimStatus.RESEARCHING, "Draft.")
    html = response.content.decode()
    assert "the claim did not move" in html
    assert "no verdict is set" in html and "no evidence is attached" in html


def test_a_fact_checker_cannot_publish_even_by_crafting_the_request(
    desk, fact_checker, second_editor, login
):
    claim = ready_for_review(desk.figure, assignee=second_editor)
    claim_in(claim, ClaimStatus.IN_REVIEW)
    client = login(fact_checker)
    _, data = open_page(client, claim)

    response = client.post(change_url(claim), {**data, "_transition": "published"}, follow=True)

    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.IN_REVIEW
    assert "your role does not allow you to publish" in response.content.decode()


def test_an_editor_cannot_publish_a_claim_they_researched(desk, editor, login):
    claim = ready_for_review(desk.figure, assignee=editor)
    claim_in(claim, ClaimStatus.IN_REVIEW)
    client = login(editor)
    response, data = open_page(client, claim)
    publish = next(m for m in response.context["desk"]["moves"] if m.target == "published")
    assert publish.disabled
    assert "a second editor must publish this verdict" in response.content.decode()
    assert "assignee" not in data  # who researched it is settled once it is in review

    response = client.post(change_url(claim), {**data, "_transition": "published"}, follow=True)

    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.IN_REVIEW
    assert "a second editor must publish this verdict" in response.content.decode()


def test_an_editor_who_researched_then_handed_over_cannot_publish(
    desk, editor, fact_checker, login
):
    """The editor researched the claim (evidence, verdict) and handed it to a fact-checker, who
    sent it to review: the publish button stays disabled for the editor, with the reason."""
    from claims.services import claim_transition, claim_update, evidence_add

    claim = ready_for_review(desk.figure, assignee=editor)
    evidence_add(claim=claim, actor=editor, url="https://www.inegi.org.mx/app/tabulados/")
    claim_update(claim=claim, actor=editor, data={"verdict_summary": "INEGI: 460,000 since 2006."})
    claim_update(claim=claim, actor=editor, data={"assignee": fact_checker})
    claim_transition(claim=claim, to=ClaimStatus.IN_REVIEW, actor=fact_checker)
    client = login(editor)
    response, data = open_page(client, claim)
    publish = next(m for m in response.context["desk"]["moves"] if m.target == "published")
    assert publish.disabled
    assert "the reviewer was this claim&#x27;s assignee" in response.content.decode()

    response = client.post(change_url(claim), {**data, "_transition": "published"}, follow=True)

    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.IN_REVIEW
    assert "a second editor must publish this verdict" in response.content.decode()


def test_publish_is_refused_when_evidence_went_missing_during_review(
    desk, fact_checker, second_editor, login
):
    claim = ready_for_review(desk.figure, assignee=fact_checker)
    claim_in(claim, ClaimStatus.IN_REVIEW)
    claim.evidence.all().delete()
    client = login(second_editor)
    response, data = open_page(client, claim)
    publish = next(m for m in response.context["desk"]["moves"] if m.target == "published")
    assert "no evidence is attached" in publish.blocked

    response = client.post(change_url(claim), {**data, "_transition": "published"}, follow=True)

    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.IN_REVIEW
    assert "no evidence is attached" in response.content.decode()


def test_a_second_editor_publishes_and_is_recorded_as_reviewer(
    desk, fact_checker, second_editor, login
):
    claim = ready_for_review(desk.figure, assignee=fact_checker)
    claim_in(claim, ClaimStatus.IN_REVIEW)
    client = login(second_editor)
    _, data = open_page(client, claim)

    client.post(change_url(claim), {**data, "_transition": "published"})

    claim.refresh_from_db()
    assert (claim.status, claim.reviewer) == (ClaimStatus.PUBLISHED, second_editor)
    response = client.get(change_url(claim))
    html = response.content.decode()
    assert 'name="verdict"' not in html  # the published verdict changes only by a correction
    assert 'name="checklist-0-state"' not in html
    assert [m.target for m in response.context["desk"]["moves"]] == [ClaimStatus.RESEARCHING]


def test_a_reason_is_required_to_send_back(desk, fact_checker, editor, login):
    claim = ready_for_review(desk.figure, assignee=fact_checker)
    claim_in(claim, ClaimStatus.IN_REVIEW)
    client = login(editor)
    _, data = open_page(client, claim)

    response = client.post(change_url(claim), {**data, "_transition": "researching"}, follow=True)

    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.IN_REVIEW
    assert "a reason is required to send back" in response.content.decode()


def test_a_comment_alone_is_written_to_the_history(desk, fact_checker, login):
    client = login(fact_checker)
    _, data = open_page(client, desk.figure)

    client.post(
        change_url(desk.figure), {**data, "_comment": "1", "transition_comment": "Asked INEGI."}
    )

    event = ClaimEvent.objects.get(claim=desk.figure, kind=EventKind.COMMENT)
    assert (event.actor, event.comment) == (fact_checker, "Asked INEGI.")
    assert "Asked INEGI." in client.get(change_url(desk.figure)).content.decode()


# --- Two editors ---------------------------------------------------------------------------------
def test_the_second_of_two_editors_to_save_is_refused_and_nothing_is_overwritten(
    desk, editor, second_editor, login
):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=editor)
    first, second = login(editor), login(second_editor)
    _, first_data = open_page(first, claim)
    _, second_data = open_page(second, claim)

    first.post(change_url(claim), {**first_data, "verdict": "false", "_continue": "1"})
    response = second.post(
        change_url(claim),
        {**second_data, "verdict": "true", "verdict_summary": "All fine.", "_continue": "1"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "this claim was changed by eddie since the version you edited" in html
    assert "nothing was saved" in html
    assert "All fine." in html  # what they entered is still on the page, to redo
    claim.refresh_from_db()
    assert (claim.verdict, claim.verdict_summary, claim.version) == ("false", "", 2)


def test_two_editors_working_the_same_checklist_step_do_not_overwrite_each_other(
    desk, editor, second_editor, login
):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=editor)
    first, second = login(editor), login(second_editor)
    _, first_data = open_page(first, claim)
    _, second_data = open_page(second, claim)
    title, prefix = next(iter(checklist_rows(first_data, claim).items()))
    other_title, other_prefix = list(checklist_rows(first_data, claim).items())[1]

    first.post(change_url(claim), {**first_data, f"{prefix}-state": "done", "_continue": "1"})
    # The second editor ticks another step: fine, and the first step, untouched on their
    # (stale) page, is not written back to "open".
    second.post(
        change_url(claim), {**second_data, f"{other_prefix}-state": "failed", "_continue": "1"}
    )
    assert claim.checklist.get(title=title).state == "done"
    assert claim.checklist.get(title=other_title).state == "failed"
    # Changing the step the first editor changed is refused.
    response = second.post(
        change_url(claim),
        {
            **second_data,
            f"{prefix}-state": "skipped",
            f"{prefix}-note": "n/a",
            "_continue": "1",
        },
    )
    assert response.status_code == 200
    assert "was changed by eddie while you were editing it" in response.content.decode()
    assert claim.checklist.get(title=title).state == "done"


# --- Similar claims and history ------------------------------------------------------------------
def test_confirming_a_duplicate_links_it_and_rejecting_unlinks_it(desk, fact_checker, login):
    client = login(fact_checker)
    url = f"/admin/claims/claim/{desk.figure.pk}/similar/"

    response = client.post(url, {"decision": f"{desk.similar.pk}:confirmed"}, follow=True)

    desk.similar.refresh_from_db()
    desk.figure.refresh_from_db()
    assert (desk.similar.decision, desk.similar.decided_by) == ("confirmed", fact_checker)
    assert desk.figure.duplicate_of == desk.similar.other
    assert "confirmed as a duplicate of claim" in response.content.decode()

    client.post(url, {"decision": f"{desk.similar.pk}:rejected"})

    desk.similar.refresh_from_db()
    desk.figure.refresh_from_db()
    assert desk.similar.decision == SimilarityDecision.REJECTED
    assert desk.figure.duplicate_of is None
    comments = ClaimEvent.objects.filter(claim=desk.figure, kind=EventKind.COMMENT)
    assert [e.comment[:14] for e in comments.order_by("pk")] == ["confirmed as a", "not a duplicat"]


def test_a_viewer_cannot_decide_on_similar_claims(desk, viewer, login):
    client = login(viewer)
    page = client.get(change_url(desk.figure)).content.decode()
    assert "Confirm duplicate" not in page and desk.similar.other.text[:40] in page

    response = client.post(
        f"/admin/claims/claim/{desk.figure.pk}/similar/",
        {"decision": f"{desk.similar.pk}:confirmed"},
    )

    assert response.status_code == 403
    desk.similar.refresh_from_db()
    assert desk.similar.decision == SimilarityDecision.SUGGESTED


def test_the_history_shows_events_and_field_changes(desk, fact_checker, editor, login):
    client = login(editor)
    _, data = open_page(client, desk.figure)
    client.post(
        change_url(desk.figure),
        {**data, "assignee": fact_checker.pk, "priority": 3, "_transition": "triaged"},
    )

    response = client.get(change_url(desk.figure))

    html = response.content.decode()
    history = html[html.index('id="desk-history"') :]
    assert "moved it" in history and "status-triaged" in history
    assert "assigned it: nobody → fatima" in history
    assert "<code>priority</code> Normal → High" in history
    assert "<code>assignee</code> — → fatima" in history
    assert "<code>status</code> New → Triaged" in history


# --- Entering a claim by hand --------------------------------------------------------------------
def test_a_claim_entered_by_hand_is_recorded_through_the_service(desk, fact_checker, login):
    client = login(fact_checker)
    body = desk.other_article.body
    text = body[body.index("Analysts") :]

    response = client.post(
        "/admin/claims/claim/add/",
        {
            "text": text,
            "article": desk.other_article.pk,
            "start": body.index("Analysts"),
            "end": len(body),
            "claim_type": "other",
            "attribution": "author",
            "priority": 2,
        },
    )

    claim = Claim.objects.get(article=desk.other_article, text=text)
    assert response.status_code == 302 and response["Location"].endswith(change_url(claim))
    assert claim.created_by == fact_checker
    assert Job.objects.filter(claim=claim, stage=JobStage.ENRICH).exists()


def test_a_claim_whose_text_is_not_at_its_offsets_is_refused(desk, fact_checker, login):
    response = login(fact_checker).post(
        "/admin/claims/claim/add/",
        {
            "text": "Something nobody wrote.",
            "article": desk.other_article.pk,
            "start": 0,
            "end": 23,
            "claim_type": "other",
            "attribution": "author",
            "priority": 2,
        },
    )

    assert response.status_code == 200
    assert "not the claim&#x27;s text" in response.content.decode()
    assert not Claim.objects.filter(text="Something nobody wrote.").exists()


# --- Cost ----------------------------------------------------------------------------------------
def test_the_claim_page_costs_the_same_queries_for_one_row_of_each_kind_as_for_five(
    editor, login, django_assert_num_queries
):
    from django.contrib.contenttypes.models import ContentType

    from ..api.factories import DateMentionFactory, MentionFactory, QuantityFactory
    from ..factories import ChecklistItemFactory, ClaimFactory, EvidenceFactory

    claim = ClaimFactory()
    client = login(editor)

    def add_one_of_each(n):
        MentionFactory(claim=claim, start=n * 10)
        QuantityFactory(claim=claim, start=n * 10)
        DateMentionFactory(claim=claim, start=n * 10)
        ChecklistItemFactory(claim=claim, title=f"Step {n}")
        EvidenceFactory(claim=claim)

    # 1 session, 2 user, 3 the claim (the changelist's row, joined and annotated), 4-6 its
    # mentions with their entities, quantities and dates (once, for the paragraph and the
    # enrichment fieldset), 7-8 the user's and their groups' permissions, 9 evidence with who
    # added it, 10 checklist items with who worked them, 11 similar claims, 12 recent events,
    # 13 field history records (one here: no change names a user or an entity to look up),
    # 14 content types (the history link; cached by Django after the first request, cleared
    # here), 15 the people who may be assigned (the assignee field), 16 other desks' fact-checks
    # matched (with their fact-check).
    for n in range(5):
        add_one_of_each(n)
        if n in (0, 4):
            ContentType.objects.clear_cache()
            with django_assert_num_queries(16):
                assert client.get(change_url(claim)).status_code == 200


def test_the_claim_page_shows_other_desks_that_checked_it(editor, login):
    from claims.models import ExternalFactCheck
    from claims.services import claim_external_matches_apply

    from ..factories import ClaimFactory

    claim = ClaimFactory()
    external = ExternalFactCheck.objects.create(
        url="https://desk.example/checks/1",
        claim_reviewed="More than 450,000 killed in Mexico",
        rating="Mostly true",
        author_name="Desk Example",
    )
    claim_external_matches_apply(claim=claim, matches=[(external.pk, 0.93)])
    html = login(editor).get(change_url(claim)).content.decode()
    assert "Already checked by other desks" in html
    assert "<strong>Desk Example</strong>: Mostly true" in html
    assert 'href="https://desk.example/checks/1"' in html
