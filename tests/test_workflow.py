"""The claim workflow: every move of the table, its role and preconditions, no-ops, stale versions,
the four-eyes rule and the compare-and-swap under concurrency."""

import threading

import pytest
from django.db import connection

from claims.exceptions import (
    ConcurrentUpdate,
    InvalidTransition,
    StaleVersion,
    TransitionForbidden,
)
from claims.models import ChecklistState, ClaimEvent, ClaimStatus, Verdict
from claims.services import (
    checklist_item_update,
    claim_transition,
    claim_update,
    evidence_add,
    evidence_delete,
)
from claims.workflow import MOVES, MOVES_BY_EDGE

from .conftest import needs_postgres
from .factories import ChecklistItemFactory, ClaimFactory, EvidenceFactory

pytestmark = pytest.mark.django_db

S = ClaimStatus


def ready_for_review(claim, assignee):
    """Everything researching → in_review needs."""
    claim.assignee = assignee
    claim.verdict = Verdict.FALSE
    claim.verdict_summary = "Official figures show the opposite."
    claim.save()
    EvidenceFactory(claim=claim)
    ChecklistItemFactory(claim=claim, state=ChecklistState.DONE)
    ChecklistItemFactory(claim=claim, required=False)  # optional items may stay open
    return claim


def claim_in(status, *, assignee=None, **fields):
    if status in (S.IN_REVIEW, S.PUBLISHED):
        fields.setdefault("verdict", Verdict.FALSE)
    claim = ClaimFactory(status=status, assignee=assignee, **fields)
    if status in (S.IN_REVIEW, S.PUBLISHED):
        ready_for_review(claim, assignee)
    return claim


ALL_EDGES = [(a, b) for a in S.values for b in S.values if a != b]


@pytest.mark.parametrize(("source", "target"), [e for e in ALL_EDGES if e not in MOVES_BY_EDGE])
def test_moves_outside_the_workflow_are_refused(source, target, editor, fact_checker):
    claim = claim_in(source, assignee=fact_checker)
    with pytest.raises(InvalidTransition, match=f"cannot move from {source} to {target}"):
        claim_transition(claim=claim, to=target, actor=editor, comment="because")
    claim.refresh_from_db()
    assert claim.status == source
    assert not ClaimEvent.objects.filter(claim=claim).exists()


@pytest.mark.parametrize("move", MOVES, ids=lambda m: f"{m.source}->{m.target}")
def test_every_move_of_the_table_succeeds_for_an_editor_when_preconditions_hold(
    move, editor, fact_checker
):
    claim = claim_in(move.source, assignee=fact_checker)
    if move.target == S.IN_REVIEW:
        ready_for_review(claim, fact_checker)
    version = claim.version
    moved = claim_transition(claim=claim, to=move.target, actor=editor, comment="reason given")
    assert moved.status == move.target
    assert moved.version == version + 1
    assert type(claim).objects.get(pk=claim.pk).version == version + 1
    event = ClaimEvent.objects.get(claim=claim)
    assert (event.from_value, event.to_value, event.actor, event.comment) == (
        move.source,
        move.target,
        editor,
        "reason given",
    )


def test_repeating_the_current_status_is_a_no_op(editor):
    claim = claim_in(S.TRIAGED)
    same = claim_transition(claim=claim, to=S.TRIAGED, actor=editor)
    assert same.version == claim.version
    assert not ClaimEvent.objects.exists()


@pytest.mark.parametrize(
    ("source", "target", "setup", "message"),
    [
        (S.TRIAGED, S.RESEARCHING, {}, "the claim has no assignee"),
        (S.RESEARCHING, S.IN_REVIEW, {"verdict_summary": "x"}, "no verdict is set"),
        (S.RESEARCHING, S.IN_REVIEW, {"verdict": Verdict.FALSE}, "no verdict summary is written"),
        (S.RESEARCHING, S.IN_REVIEW, {"verdict": Verdict.TRUE}, "no evidence is attached"),
        (S.NEW, S.DISMISSED, {}, "a reason is required to dismiss"),
        (S.IN_REVIEW, S.RESEARCHING, {}, "a reason is required to send back"),
        (S.PUBLISHED, S.RESEARCHING, {}, "a reason is required to correct"),
    ],
)
def test_unmet_preconditions_are_named(source, target, setup, message, editor, fact_checker):
    claim = claim_in(source, assignee=fact_checker if source != S.TRIAGED else None)
    for field, value in setup.items():
        setattr(claim, field, value)
    claim.save()
    with pytest.raises(InvalidTransition, match=message):
        claim_transition(claim=claim, to=target, actor=editor)
    claim.refresh_from_db()
    assert claim.status == source


def test_sending_to_review_needs_every_required_checklist_item_worked(fact_checker):
    claim = ready_for_review(ClaimFactory(status=S.RESEARCHING), fact_checker)
    ChecklistItemFactory(claim=claim, title="Find the primary source")
    ChecklistItemFactory(claim=claim, title="Ask the claimant", state=ChecklistState.SKIPPED)
    with pytest.raises(InvalidTransition) as refused:
        claim_transition(claim=claim, to=S.IN_REVIEW, actor=fact_checker)
    assert "“Find the primary source”" in refused.value.message
    assert "“Ask the claimant”" in refused.value.message  # skipped without a note

    claim.checklist.filter(title="Find the primary source").update(state=ChecklistState.DONE)
    claim.checklist.filter(title="Ask the claimant").update(note="Office did not answer in 48h")
    assert claim_transition(claim=claim, to=S.IN_REVIEW, actor=fact_checker).status == S.IN_REVIEW


def test_all_unmet_preconditions_are_reported_together(fact_checker):
    claim = ClaimFactory(status=S.RESEARCHING, assignee=fact_checker)
    with pytest.raises(InvalidTransition) as refused:
        claim_transition(claim=claim, to=S.IN_REVIEW, actor=fact_checker)
    assert refused.value.reasons == [
        "no verdict is set",
        "no verdict summary is written",
        "no evidence is attached",
    ]


def test_publishing_needs_a_second_reviewer(editor, second_editor):
    claim = claim_in(S.IN_REVIEW, assignee=editor)
    with pytest.raises(InvalidTransition, match="the reviewer is the assignee"):
        claim_transition(claim=claim, to=S.PUBLISHED, actor=editor)
    published = claim_transition(claim=claim, to=S.PUBLISHED, actor=second_editor)
    assert published.status == S.PUBLISHED
    assert published.reviewer == second_editor
    assert published.published_at is not None


def test_reassigning_a_claim_does_not_get_round_the_four_eyes_rule(editor, second_editor):
    claim = ready_for_review(ClaimFactory(status=S.RESEARCHING), editor)
    claim_update(claim=claim, actor=editor, data={"assignee": second_editor})
    claim_transition(claim=claim, to=S.IN_REVIEW, actor=editor)
    with pytest.raises(InvalidTransition, match="the reviewer sent this claim to review"):
        claim_transition(claim=claim, to=S.PUBLISHED, actor=editor)
    # The colleague it was handed to researched nothing either: the rule is about the assignee.
    with pytest.raises(InvalidTransition, match="the reviewer is the assignee"):
        claim_transition(claim=claim, to=S.PUBLISHED, actor=second_editor)


def researched_by(claim, researcher, *, submitter):
    """`researcher` is assigned, starts research, sets the verdict and attaches evidence; the
    claim is then handed to `submitter`, who sends it to review."""
    claim_update(claim=claim, actor=researcher, data={"assignee": researcher})
    claim_transition(claim=claim, to=S.RESEARCHING, actor=researcher)
    claim_update(
        claim=claim,
        actor=researcher,
        data={"verdict": Verdict.FALSE, "verdict_summary": "The figures say otherwise."},
    )
    evidence_add(claim=claim, actor=researcher, url="https://stats.example.org/1")
    claim_update(claim=claim, actor=researcher, data={"assignee": submitter})
    claim_transition(claim=claim, to=S.IN_REVIEW, actor=submitter)
    return claim


def test_handing_the_claim_over_does_not_get_round_the_four_eyes_rule(
    editor, second_editor, fact_checker
):
    """The researching editor hands the claim to a fact-checker, who sends it to review: the
    editor researched it (and was its assignee), so a second editor must publish it."""
    claim = researched_by(ClaimFactory(status=S.TRIAGED), editor, submitter=fact_checker)
    with pytest.raises(InvalidTransition, match="a second editor must publish this verdict"):
        claim_transition(claim=claim, to=S.PUBLISHED, actor=editor)
    assert claim_transition(claim=claim, to=S.PUBLISHED, actor=second_editor).status == S.PUBLISHED


def test_an_assignee_who_unassigned_themselves_cannot_publish(editor, second_editor, fact_checker):
    claim = ready_for_review(ClaimFactory(status=S.RESEARCHING), None)
    claim_update(claim=claim, actor=second_editor, data={"assignee": editor})
    claim_update(claim=claim, actor=editor, data={"assignee": None})
    claim_transition(claim=claim, to=S.IN_REVIEW, actor=fact_checker)
    with pytest.raises(InvalidTransition, match="the reviewer was this claim's assignee"):
        claim_transition(claim=claim, to=S.PUBLISHED, actor=editor)


@pytest.mark.parametrize("work", ["edit", "evidence", "evidence_delete", "checklist", "move"])
def test_an_editor_who_worked_the_claim_cannot_publish_it(
    work, editor, second_editor, fact_checker
):
    """Whoever did any of the research — edited what the verdict rests on, added or removed
    evidence, worked a checklist step, moved it through research — is not the second pair of
    eyes, even without ever being its assignee."""
    claim = ClaimFactory(status=S.TRIAGED)
    claim_update(claim=claim, actor=editor, data={"assignee": fact_checker})
    claim_transition(
        claim=claim, to=S.RESEARCHING, actor=second_editor if work == "move" else fact_checker
    )
    ready_for_review(claim, fact_checker)
    item = ChecklistItemFactory(claim=claim, required=False)
    evidence_add(claim=claim, actor=fact_checker, url="https://stats.example.org/1")
    if work == "edit":
        claim_update(claim=claim, actor=second_editor, data={"verdict": Verdict.MISLEADING})
    elif work == "evidence":
        evidence_add(claim=claim, actor=second_editor, url="https://stats.example.org/2")
    elif work == "evidence_delete":
        evidence_delete(evidence=claim.evidence.first(), actor=second_editor)
    elif work == "checklist":
        checklist_item_update(item=item, actor=second_editor, state=ChecklistState.DONE)
    claim_transition(claim=claim, to=S.IN_REVIEW, actor=fact_checker)

    with pytest.raises(InvalidTransition, match="the reviewer worked on this claim"):
        claim_transition(claim=claim, to=S.PUBLISHED, actor=second_editor)
    # Assigning it and triaging it is not research: the desk editor may publish.
    assert claim_transition(claim=claim, to=S.PUBLISHED, actor=editor).status == S.PUBLISHED


def test_the_reviewer_who_sent_a_claim_back_may_publish_it_once_reworked(
    editor, second_editor, fact_checker
):
    claim = claim_in(S.IN_REVIEW, assignee=fact_checker)
    claim_transition(claim=claim, to=S.RESEARCHING, actor=editor, comment="Cite the source.")
    evidence_add(claim=claim, actor=fact_checker, url="https://stats.example.org/source")
    claim_transition(claim=claim, to=S.IN_REVIEW, actor=fact_checker)
    assert claim_transition(claim=claim, to=S.PUBLISHED, actor=editor).status == S.PUBLISHED


@pytest.mark.parametrize("undone", ["evidence", "checklist"])
def test_publishing_checks_again_what_sending_to_review_needed(undone, editor, fact_checker):
    """Evidence deleted or a required step reopened while the claim is in review: it cannot be
    published as it stands."""
    claim = claim_in(S.IN_REVIEW, assignee=fact_checker)
    if undone == "evidence":
        claim.evidence.all().delete()
        message = "no evidence is attached"
    else:
        claim.checklist.filter(required=True).update(state=ChecklistState.OPEN)
        message = "required checklist items are open"
    with pytest.raises(InvalidTransition, match=message):
        claim_transition(claim=claim, to=S.PUBLISHED, actor=editor)
    claim.refresh_from_db()
    assert claim.status == S.IN_REVIEW


def test_the_system_cannot_publish(fact_checker):
    claim = claim_in(S.IN_REVIEW, assignee=fact_checker)
    with pytest.raises(InvalidTransition, match="the system cannot publish"):
        claim_transition(claim=claim, to=S.PUBLISHED, actor=None)


@pytest.mark.parametrize(
    ("role_fixture", "source", "target", "allowed"),
    [
        ("viewer", S.NEW, S.TRIAGED, False),
        ("viewer", S.TRIAGED, S.RESEARCHING, False),
        ("fact_checker", S.NEW, S.TRIAGED, False),
        ("fact_checker", S.NEW, S.DISMISSED, False),
        ("fact_checker", S.TRIAGED, S.RESEARCHING, True),
        ("fact_checker", S.RESEARCHING, S.IN_REVIEW, True),
        ("fact_checker", S.IN_REVIEW, S.PUBLISHED, False),
        ("fact_checker", S.IN_REVIEW, S.RESEARCHING, False),
        ("fact_checker", S.DISMISSED, S.NEW, False),
        ("editor", S.NEW, S.TRIAGED, True),
        ("editor", S.DISMISSED, S.NEW, True),
    ],
)
def test_roles_limit_the_moves(role_fixture, source, target, allowed, request, second_editor):
    actor = request.getfixturevalue(role_fixture)
    claim = claim_in(source, assignee=second_editor)
    if target == S.IN_REVIEW:
        ready_for_review(claim, second_editor)
    if allowed:
        assert claim_transition(claim=claim, to=target, actor=actor, comment="ok").status == target
    else:
        with pytest.raises(TransitionForbidden, match="your role does not allow"):
            claim_transition(claim=claim, to=target, actor=actor, comment="ok")


def test_a_stale_expected_version_is_refused(editor):
    claim = ClaimFactory()
    with pytest.raises(StaleVersion, match=r"you had version 0; it is now version 1"):
        claim_transition(claim=claim, to=S.TRIAGED, actor=editor, expected_version=0)
    assert (
        claim_transition(claim=claim, to=S.TRIAGED, actor=editor, expected_version=1).version == 2
    )


def test_a_transition_is_recorded_in_field_history(editor):
    claim = ClaimFactory()
    claim_transition(claim=claim, to=S.TRIAGED, actor=editor)
    latest = claim.history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (
        S.TRIAGED,
        editor,
        "triage",
    )


def test_the_loser_of_a_race_gets_a_concurrent_update_error(editor, monkeypatch):
    """Simulate another request landing between our read and our conditional write."""
    from claims import workflow
    from claims.models import Claim

    claim = ClaimFactory()

    class Interleaving(dict):
        def get(self, key, default=None):
            Claim.objects.filter(pk=claim.pk).update(version=99)  # the other editor's write
            return super().get(key, default)

    monkeypatch.setattr(workflow, "MOVES_BY_EDGE", Interleaving(workflow.MOVES_BY_EDGE))
    with pytest.raises(ConcurrentUpdate, match="someone else changed this claim"):
        claim_transition(claim=claim, to=S.TRIAGED, actor=editor)
    claim.refresh_from_db()
    assert claim.status == S.NEW  # (the simulated write, made in our transaction, is undone too)
    assert not ClaimEvent.objects.exists()


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_transitions_exactly_one_wins(editor, second_editor):
    claim = ClaimFactory()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(actor, target, comment):
        # Both editors loaded version 1 (the API's If-Match): whichever writes second must lose,
        # by StaleVersion if it reads after the winner's commit, by ConcurrentUpdate if before.
        try:
            barrier.wait(timeout=10)
            claim_transition(
                claim=claim, to=target, actor=actor, comment=comment, expected_version=1
            )
            outcomes.append("won")
        except (ConcurrentUpdate, StaleVersion) as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    for _ in range(10):  # repeat: a single run could serialise by luck
        claim.refresh_from_db()
        threads = [
            threading.Thread(target=attempt, args=(editor, S.TRIAGED, "")),
            threading.Thread(target=attempt, args=(second_editor, S.DISMISSED, "spam")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        claim.refresh_from_db()
        assert outcomes.count("won") == 1, outcomes
        assert ClaimEvent.objects.filter(claim=claim).count() == 1
        assert claim.version == 2
        # reset for the next round
        ClaimEvent.objects.all().delete()
        type(claim).objects.filter(pk=claim.pk).update(status=S.NEW, version=1)
        outcomes.clear()


def test_every_status_is_open_or_closed_and_a_locked_one_is_closed():
    from claims import workflow

    assert set(S.values) == workflow.OPEN | workflow.CLOSED
    assert not workflow.OPEN & workflow.CLOSED
    assert workflow.LOCKED <= workflow.CLOSED


def test_what_a_status_locks_is_refused_by_the_service_with_the_workflows_reason(
    editor, fact_checker
):
    claim = claim_in(S.PUBLISHED, assignee=fact_checker)
    with pytest.raises(InvalidTransition) as refused:
        claim_update(claim=claim, actor=editor, data={"verdict": Verdict.TRUE, "priority": 3})
    assert refused.value.message.startswith("verdict cannot change: a published claim changes")
    claim.refresh_from_db()
    assert (claim.verdict, claim.version) == (Verdict.FALSE, 1)
    # What the status does not lock still changes.
    assert claim_update(claim=claim, actor=editor, data={"priority": 3}).version == 2
