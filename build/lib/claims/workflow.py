"""The claim workflow of DESIGN.md §4 as one table: every allowed move, who may make it, and what
must be true first. `claims.services.claim_transition()` enforces it; the README's diagram is
generated from it (`python manage.py workflow_diagram`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import ChecklistState, Claim, ClaimStatus, EventKind

S = ClaimStatus

# A precondition looks at the claim (and who is acting) and returns a message when unmet.
Precondition = Callable[[Claim, object], str | None]


def has_assignee(claim: Claim, actor: object) -> str | None:
    if claim.assignee_id is None:
        return "the claim has no assignee: assign a fact-checker before research starts"
    return None


def has_verdict(claim: Claim, actor: object) -> str | None:
    return None if claim.verdict else "no verdict is set"


def has_summary(claim: Claim, actor: object) -> str | None:
    return None if claim.verdict_summary.strip() else "no verdict summary is written"


def has_evidence(claim: Claim, actor: object) -> str | None:
    return None if claim.evidence.exists() else "no evidence is attached"


def required_checklist_worked(claim: Claim, actor: object) -> str | None:
    """Every required item done, or skipped with a note saying why."""
    unworked = [
        item.title
        for item in claim.checklist.filter(required=True)
        if not (
            item.state == ChecklistState.DONE
            or (item.state == ChecklistState.SKIPPED and item.note.strip())
        )
    ]
    if not unworked:
        return None
    listed = "; ".join(f"“{title}”" for title in unworked)
    return f"required checklist items are open (or skipped without a note): {listed}"


def reviewer_is_not_assignee(claim: Claim, actor: object) -> str | None:
    """Four eyes: whoever researched the claim cannot also publish it — neither its assignee nor
    whoever sent it to review (so reassigning the claim first does not get round the rule)."""
    actor_id = getattr(actor, "pk", None)
    if actor_id is None:
        return "publishing needs an editor: the system cannot publish"
    if claim.assignee_id == actor_id:
        return "the reviewer is the assignee: a second editor must publish this verdict"
    submitted_by = (
        claim.events.filter(kind=EventKind.TRANSITION, to_value=ClaimStatus.IN_REVIEW)
        .order_by("-at", "-id")
        .values_list("actor_id", flat=True)
        .first()
    )
    if submitted_by == actor_id:
        return "the reviewer sent this claim to review: a second editor must publish this verdict"
    return None


@dataclass(frozen=True)
class Move:
    source: str
    target: str
    label: str
    permission: str
    preconditions: tuple[Precondition, ...] = ()
    comment_required: bool = False


MOVES: tuple[Move, ...] = (
    Move(S.NEW, S.TRIAGED, "triage", "claims.triage_claim"),
    Move(S.NEW, S.DISMISSED, "dismiss", "claims.dismiss_claim", comment_required=True),
    Move(S.TRIAGED, S.RESEARCHING, "start research", "claims.research_claim", (has_assignee,)),
    Move(S.TRIAGED, S.DISMISSED, "dismiss", "claims.dismiss_claim", comment_required=True),
    Move(
        S.RESEARCHING,
        S.IN_REVIEW,
        "send to review",
        "claims.research_claim",
        (has_verdict, has_summary, has_evidence, required_checklist_worked),
    ),
    Move(S.RESEARCHING, S.DISMISSED, "dismiss", "claims.dismiss_claim", comment_required=True),
    Move(S.IN_REVIEW, S.RESEARCHING, "send back", "claims.publish_claim", comment_required=True),
    Move(
        S.IN_REVIEW,
        S.PUBLISHED,
        "publish",
        "claims.publish_claim",
        (has_verdict, has_summary, reviewer_is_not_assignee),
    ),
    Move(S.PUBLISHED, S.RESEARCHING, "correct", "claims.publish_claim", comment_required=True),
    Move(S.DISMISSED, S.NEW, "reopen", "claims.dismiss_claim"),
)

MOVES_BY_EDGE: dict[tuple[str, str], Move] = {(m.source, m.target): m for m in MOVES}


def moves_from(status: str) -> list[Move]:
    return [m for m in MOVES if m.source == status]


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
