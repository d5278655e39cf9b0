"""HTML pieces the desk shows: badges, scores, and article text with its spans marked.

Everything that comes from an article or a person is escaped here; only the tags we write are
marked safe. `mark_spans()` is the one place that turns offsets into markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from claims.models import ChecklistState, ClaimStatus, JobState, PipelineStatus, Verdict


def status_badge(status: str) -> SafeString:
    label = ClaimStatus(status).label if status in ClaimStatus.values else status
    return format_html('<span class="desk-badge status-{}">{}</span>', status, label)


def verdict_badge(verdict: str) -> SafeString:
    if not verdict:
        return format_html('<span class="desk-badge verdict-none">{}</span>', "no verdict")
    label = Verdict(verdict).label if verdict in Verdict.values else verdict
    return format_html('<span class="desk-badge verdict-{}">{}</span>', verdict, label)


def state_badge(state: str) -> SafeString:
    """A job's state or an article's pipeline status (they share their values)."""
    choices = dict(JobState.choices) | dict(PipelineStatus.choices)
    return format_html(
        '<span class="desk-badge state-{}">{}</span>', state, choices.get(state, state)
    )


def claim_status_legend() -> SafeString:
    """What the colours of claims highlighted in an article's text mean: one per status."""
    return format_html(
        '<p class="desk-legend desk-status-legend"><span class="desk-muted">{}</span> {}</p>',
        "claims by status:",
        format_html_join(
            " ",
            '<span class="desk-claim-link desk-claim-{}">{}</span>',
            ClaimStatus.choices,
        ),
    )


# How an automated check ended, in the words of a check (its state says "done" for a person).
CHECK_OUTCOMES: dict[str, str] = {
    ChecklistState.DONE: "Passed",
    ChecklistState.FAILED: "Failed",
    ChecklistState.NOT_APPLICABLE: "Not applicable",
}


def check_outcome(state: str) -> SafeString:
    """An automated check's outcome as a badge: passed, failed, or not applicable (neutral: a
    check with nothing to look at is not a failure)."""
    return format_html(
        '<span class="desk-badge check-{}">{}</span>', state, CHECK_OUTCOMES.get(state, state)
    )


def score(value: float) -> SafeString:
    """Check-worthiness as a number and a bar, banded like the changelist filter."""
    band = "high" if value >= 0.8 else "medium" if value >= 0.5 else "low"
    return format_html(
        '<span class="desk-score score-{}" title="check-worthiness {}">'
        '<span class="desk-score-bar" style="width:{}%"></span>{}</span>',
        band,
        f"{value:.2f}",
        round(value * 100),
        f"{value:.2f}",
    )


def progress(done: int, total: int) -> SafeString:
    if not total:
        return format_html('<span class="desk-progress desk-muted">{}</span>', "—")
    css = "complete" if done >= total else "partial"
    return format_html('<span class="desk-progress {}">{}/{}</span>', css, done, total)


@dataclass(frozen=True)
class Mark:
    """A span to mark in a text: `[start, end)` in the text's own offsets."""

    start: int
    end: int
    css: str
    title: str = ""
    href: str = ""


def mark_spans(text: str, marks: Iterable[Mark], *, offset: int = 0) -> SafeString:
    """Escape `text` and wrap each mark's span in a `<mark>` (an `<a>` when it has a link).

    `offset` is where `text` starts in the coordinates the marks use (a paragraph cut out of an
    article body). Marks may nest (a date inside a claim); a mark that crosses the end of a mark
    already open, or lies outside the text, is left out rather than producing broken markup.
    """
    end_of_text = offset + len(text)
    ordered = sorted(
        (m for m in marks if offset <= m.start < m.end <= end_of_text),
        key=lambda m: (m.start, -m.end),
    )
    out: list[str] = []
    stack: list[Mark] = []
    pos = offset

    def emit_until(until: int) -> None:
        nonlocal pos
        out.append(escape(text[pos - offset : until - offset]))
        pos = until

    def close_until(limit: int) -> None:
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            emit_until(top.end)
            out.append("</a>" if top.href else "</mark>")

    for mark in ordered:
        close_until(mark.start)
        if stack and mark.end > stack[-1].end:
            continue  # crosses an open mark
        emit_until(mark.start)
        if mark.href:
            out.append(
                format_html('<a class="{}" href="{}" title="{}">', mark.css, mark.href, mark.title)
            )
        else:
            out.append(format_html('<mark class="{}" title="{}">', mark.css, mark.title))
        stack.append(mark)
    close_until(end_of_text)
    emit_until(end_of_text)
    return mark_safe("".join(out))


def paragraph_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the paragraph (blank-line separated) that holds `[start, end)`."""
    before = body.rfind("\n\n", 0, start)
    after = body.find("\n\n", end)
    return (0 if before == -1 else before + 2), (len(body) if after == -1 else after)
