"""The claim workflow and every rule it owns, in one place (docs/architecture.md, "Workflow").

- Status groups: `OPEN` (work goes on), `CLOSED` (work is over), `LOCKED` (the verdict is public).
- What each status locks: the fields a person can no longer edit (`field_lock_refusal`) and
  whether the checklist and evidence can still be worked (`record_lock_refusal`); whether a
  claim's verdict is public (`public_verdict`).
- `MOVES`: every allowed move, who may make it, what must be true first, and how the desk shows
  its button.
- `evaluate()` / `moves_for()`: a move for one claim and one actor — allowed? which preconditions
  fail, with their messages.
- Who may be assigned a claim (`ASSIGNEE_PERMISSION`).

`claims.services` enforces all of it; the API and the admin's buttons ask it. Adding a status is
a change to `ClaimStatus` and to this module; so is adding a precondition. The README's diagram is
generated from `MOVES` (`python manage.py workflow_diagram`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from django.conf import settings
from django.db.models import Q

from .exceptions import InvalidTransition, ServiceError, TransitionForbidden
from .models import ChecklistItem, ChecklistState, Claim, ClaimStatus, EventKind, Evidence

S = ClaimStatus

# --- Status groups --------------------------------------------------------------------------------
OPEN = frozenset({S.NEW, S.TRIAGED, S.RESEARCHING, S.IN_REVIEW})
CLOSED = frozenset({S.PUBLISHED, S.DISMISSED})  # work is over: nobody is assigned any more
LOCKED = frozenset({S.PUBLISHED})  # the verdict is public: it changes only through a correction

# Once public, these change only through a correction (a move back to researching): what the
# ClaimReview publishes (the claim, its summary, who said it, the verdict, where it is published).
PUBLIC_FIELDS = frozenset(
    {"text", "summary", "claimant", "verdict", "verdict_summary", "review_url"}
)

# Status → (fields a person can no longer edit, why).
_FIELD_LOCKS: dict[str, tuple[frozenset[str], str]] = {
    S.IN_REVIEW: (
        frozenset({"assignee"}),
        "who researched a claim in review is settled (four eyes): send it back to researching "
        "to reassign it",
    ),
    S.PUBLISHED: (
        PUBLIC_FIELDS | {"assignee"},
        "a published claim changes only through a correction (move it back to researching with "
        "a reason)",
    ),
    S.DISMISSED: (frozenset({"assignee"}), "a dismissed claim's work is over: reopen it first"),
}


def locked_fields(status: str) -> frozenset[str]:
    """The fields of a claim in `status` that a person can no longer edit."""
    return _FIELD_LOCKS.get(status, (frozenset(), ""))[0]


def field_lock_refusal(status: str, fields: Iterable[str]) -> str | None:
    """Why these fields of a claim in `status` cannot change, or None when they all can."""
    locked = sorted(set(fields) & locked_fields(status))
    if not locked:
        return None
    return f"{', '.join(locked)} cannot change: {_FIELD_LOCKS[status][1]}"


def public_verdict(claim: Claim) -> str | None:
    """The claim's verdict when it is public (published), else None: a verdict being researched
    or reviewed is not shown as the desk's verdict."""
    return claim.verdict if claim.status in LOCKED and claim.verdict else None


def record_lock_refusal(status: str) -> str | None:
    """Why the checklist and evidence of a claim in `status` cannot be worked, or None."""
    if status in LOCKED:
        return (
            "the claim is published: its checklist and evidence are part of the record — move "
            "it back to researching to rework it"
        )
    return None


# Who may be assigned a claim: whoever may research claims (fact-checkers and editors).
ASSIGNEE_PERMISSION = "claims.research_claim"

# A checklist item counts as worked when done, skipped with a note saying why, or an automated
# check that did not apply (nothing to check is nothing left to do).
CHECKLIST_WORKED = Q(state__in=[ChecklistState.DONE, ChecklistState.NOT_APPLICABLE]) | Q(
    state=ChecklistState.SKIPPED, note__regex=r"\S"
)
CHECKLIST_UNWORKED_REQUIRED = Q(required=True) & ~CHECKLIST_WORKED


# --- Preconditions --------------------------------------------------------------------------------
# A precondition looks at the claim (and who is acting) and returns a message when unmet.
Precondition = Callable[[Claim, Any], str | None]


def has_assignee(claim: Claim, actor: Any) -> str | None:
    if claim.assignee_id is None:
        return "the claim has no assignee: assign a fact-checker before research starts"
    return None


def has_verdict(claim: Claim, actor: Any) -> str | None:
    return None if claim.verdict else "no verdict is set"


def has_summary(claim: Claim, actor: Any) -> str | None:
    return None if claim.verdict_summary.strip() else "no verdict summary is written"


def has_evidence(claim: Claim, actor: Any) -> str | None:
    return None if claim.evidence.exists() else "no evidence is attached"


def required_checklist_worked(claim: Claim, actor: Any) -> str | None:
    """Every required item done, or skipped with a note saying why."""
    unworked = claim.checklist.filter(CHECKLIST_UNWORKED_REQUIRED).order_by("order", "id")
    titles = list(unworked.values_list("title", flat=True))
    if not titles:
        return None
    listed = "; ".join(f"“{title}”" for title in titles)
    return f"required checklist items are open (or skipped without a note): {listed}"


def has_review_url_if_required(claim: Claim, actor: Any) -> str | None:
    """Where the fact-check is published, when the desk requires it before publishing
    (FACTCHECK_REQUIRE_REVIEW_URL)."""
    if settings.FACTCHECK["REQUIRE_REVIEW_URL"] and not claim.review_url.strip():
        return "no “published at URL” is recorded: give the address of the published fact-check"
    return None


# The claim's own fields its research decides: whoever changed one of them worked the claim.
# (Not research: who is assigned, priority, due date, duplicates — the desk's organisation — nor
# the short summary and the published-at URL, which whoever publishes may record.)
RESEARCH_FIELDS = ("text", "claim_type", "claimant_id", "attribution", "verdict", "verdict_summary")
# Moving a claim through its research (start research, send to review) is research.
RESEARCH_PERMISSION = "claims.research_claim"


def reviewer_is_not_assignee(claim: Claim, actor: Any) -> str | None:
    """Four eyes: nobody who researched the claim publishes it — neither its assignee, nor whoever
    was its assignee since it was last published, nor whoever worked it (`research_done_by`), so
    that handing the claim over or unassigning oneself first does not get round the rule."""
    actor_id = getattr(actor, "pk", None)
    if actor_id is None:
        return "publishing needs an editor: the system cannot publish"
    second = "a second editor must publish this verdict"
    if claim.assignee_id == actor_id:
        return f"the reviewer is the assignee: {second}"
    submitted_by = (
        claim.events.filter(kind=EventKind.TRANSITION, to_value=ClaimStatus.IN_REVIEW)
        .order_by("-at", "-id")
        .values_list("actor_id", flat=True)
        .first()
    )
    if submitted_by == actor_id:
        return f"the reviewer sent this claim to review: {second}"
    if _was_assignee_since_last_published(claim, actor_id):
        return f"the reviewer was this claim's assignee: {second}"
    work = research_done_by(claim, actor_id)
    if work:
        return f"the reviewer worked on this claim ({', '.join(work)}): {second}"
    return None


def _was_assignee_since_last_published(claim: Claim, user_id: int) -> bool:
    """Whether the user was the claim's assignee at any time since its last publication (ever,
    if it was never published), from its field history."""
    last_published = (
        claim.events.filter(kind=EventKind.TRANSITION, to_value=ClaimStatus.PUBLISHED)
        .order_by("-at", "-id")
        .values_list("at", flat=True)
        .first()
    )
    rows = claim.history.filter(assignee_id=user_id)
    if last_published is not None:
        rows = rows.filter(history_date__gte=last_published)
    return rows.exists()


def research_done_by(claim: Claim, user_id: int) -> list[str]:
    """What the user did of the claim's research, in words (empty: nothing): an edit of a field
    the research decides (`RESEARCH_FIELDS`), evidence added or removed, a checklist step worked,
    a move of the research (`RESEARCH_PERMISSION`)."""
    work = []
    rows = claim.history.order_by("history_date", "history_id").values(
        "history_user_id", *RESEARCH_FIELDS
    )
    previous = None
    for row in rows:
        if (
            previous is not None
            and row["history_user_id"] == user_id
            and any(row[name] != previous[name] for name in RESEARCH_FIELDS)
        ):
            work.append("edited it")
            break
        previous = row
    if Evidence.history.filter(claim_id=claim.pk, history_user_id=user_id).exists():
        work.append("worked its evidence")
    if ChecklistItem.history.filter(claim_id=claim.pk, history_user_id=user_id).exists():
        work.append("worked its checklist")
    research_moves = Q()
    for move in MOVES:
        if move.permission == RESEARCH_PERMISSION:
            research_moves |= Q(from_value=move.source, to_value=move.target)
    moves = claim.events.filter(kind=EventKind.TRANSITION, actor_id=user_id)
    if moves.filter(research_moves).exists():
        work.append("moved its research on")
    return work


# Preconditions about who acts rather than about the claim: no edit of the claim can meet them.
ABOUT_THE_ACTOR: frozenset[Precondition] = frozenset({reviewer_is_not_assignee})


# --- The table ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Move:
    source: str
    target: str
    label: str
    permission: str
    # How the desk shows the button: along the workflow, back, or out of it.
    kind: Literal["forward", "back", "out"]
    preconditions: tuple[Precondition, ...] = ()
    comment_required: bool = False


MOVES: tuple[Move, ...] = (
    Move(S.NEW, S.TRIAGED, "triage", "claims.triage_claim", "forward"),
    Move(S.NEW, S.DISMISSED, "dismiss", "claims.dismiss_claim", "out", comment_required=True),
    Move(
        S.TRIAGED,
        S.RESEARCHING,
        "start research",
        "claims.research_claim",
        "forward",
        (has_assignee,),
    ),
    Move(S.TRIAGED, S.DISMISSED, "dismiss", "claims.dismiss_claim", "out", comment_required=True),
    Move(
        S.RESEARCHING,
        S.IN_REVIEW,
        "send to review",
        "claims.research_claim",
        "forward",
        (has_verdict, has_summary, has_evidence, required_checklist_worked),
    ),
    Move(
        S.RESEARCHING, S.DISMISSED, "dismiss", "claims.dismiss_claim", "out", comment_required=True
    ),
    Move(
        S.IN_REVIEW,
        S.RESEARCHING,
        "send back",
        "claims.publish_claim",
        "back",
        comment_required=True,
    ),
    Move(
        S.IN_REVIEW,
        S.PUBLISHED,
        "publish",
        "claims.publish_claim",
        "forward",
        # What sending to review needed is checked again: evidence or checklist work undone
        # during review must not be published.
        (
            has_verdict,
            has_summary,
            has_evidence,
            required_checklist_worked,
            has_review_url_if_required,
            reviewer_is_not_assignee,
        ),
    ),
    Move(
        S.PUBLISHED, S.RESEARCHING, "correct", "claims.publish_claim", "back", comment_required=True
    ),
    Move(S.DISMISSED, S.NEW, "reopen", "claims.dismiss_claim", "back"),
)

MOVES_BY_EDGE: dict[tuple[str, str], Move] = {(m.source, m.target): m for m in MOVES}


def moves_from(status: str) -> list[Move]:
    return [m for m in MOVES if m.source == status]


def reason_required_for() -> str:
    """The moves that need a reason, as a phrase ("dismiss, send back, correct")."""
    return ", ".join(dict.fromkeys(m.label for m in MOVES if m.comment_required))


# --- Evaluating a move ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Evaluation:
    """What the workflow says about moving one claim to `target`, by one actor, now."""

    source: str
    target: str
    move: Move | None  # None: not a move of the workflow
    permitted: bool  # the actor's role allows the move (always, for the system)
    reasons: tuple[str, ...] = ()  # every unmet precondition, as a message
    blocked: bool = False  # an unmet precondition about the actor: no edit of the claim meets it

    @property
    def allowed(self) -> bool:
        return self.move is not None and self.permitted and not self.reasons

    def refusal(self) -> ServiceError | None:
        """The error that refuses this move, or None when it is allowed."""
        if self.move is None:
            allowed = ", ".join(m.target for m in moves_from(self.source)) or "none"
            return InvalidTransition(
                f"a claim cannot move from {self.source} to {self.target} (allowed: {allowed})"
            )
        if not self.permitted:
            return TransitionForbidden(f"your role does not allow you to {self.move.label} a claim")
        if self.reasons:
            return InvalidTransition(
                f"cannot {self.move.label}: " + "; ".join(self.reasons), reasons=list(self.reasons)
            )
        return None


def evaluate(claim: Claim, target: str, actor: Any, *, comment: str | None = None) -> Evaluation:
    """Evaluate moving `claim` to `target` by `actor` (None: the system, which no role limits).

    Preconditions are checked only for a move the actor may make. With `comment=None` the reason
    a move may require is not checked (the desk asks for it with the button).
    """
    move = MOVES_BY_EDGE.get((claim.status, target))
    if move is None:
        return Evaluation(claim.status, target, None, permitted=False)
    if actor is not None and not actor.has_perm(move.permission):
        return Evaluation(claim.status, target, move, permitted=False)
    unmet = [(check, message) for check in move.preconditions if (message := check(claim, actor))]
    reasons = [message for _, message in unmet]
    if comment is not None and move.comment_required and not comment.strip():
        reasons.append(f"a reason is required to {move.label}")
    return Evaluation(
        claim.status,
        target,
        move,
        permitted=True,
        reasons=tuple(reasons),
        blocked=any(check in ABOUT_THE_ACTOR for check, _ in unmet),
    )


def moves_for(claim: Claim, actor: Any) -> list[Evaluation]:
    """The moves `actor` may make from the claim's status, each with its unmet preconditions."""
    evaluations = (evaluate(claim, move.target, actor) for move in moves_from(claim.status))
    return [e for e in evaluations if e.permitted]


def mermaid_diagram() -> str:
    """The workflow as a Mermaid state diagram, generated from MOVES (README shows this)."""
    lines = ["stateDiagram-v2", f"    [*] --> {S.NEW}"]
    for move in MOVES:
        notes = [check.__name__.replace("_", " ") for check in move.preconditions]
        if move.comment_required:
            notes.append("reason required")
        role = "editor" if move.permission != "claims.research_claim" else "fact-checker"
        detail = f"{move.label} ({role})" + (f": {', '.join(notes)}" if notes else "")
        lines.append(f"    {move.source} --> {move.target}: {detail}")
    return "\n".join(lines) + "\n"
