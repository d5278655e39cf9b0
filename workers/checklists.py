"""Verification checklists (pure: no Django).

`DEFAULT_TEMPLATES` is what a professional fact-checker would expect for each claim type; the data
migration copies it into ChecklistTemplate rows, which editors then own in the admin. Items with a
`check_key` are automated: `run_check()` evaluates them on plain values gathered by the worker and
returns how the check ended — passed, failed or not applicable — with the reason, for the record.
Not applicable is not a failure: a check with nothing to look at (no figure in the claim, no other
article reporting it, no quotation) says so and why. Manual items start open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

# How an automated check ends: the checklist states it is stored as (claims.models.ChecklistState).
PASSED = "done"
FAILED = "failed"
NOT_APPLICABLE = "not_applicable"
OUTCOMES = (PASSED, FAILED, NOT_APPLICABLE)


@dataclass(frozen=True)
class ItemSpec:
    title: str
    guidance: str = ""
    required: bool = True
    check_key: str = ""


# --- Automated items, shared by several templates ----------------------------------------------
CLAIMANT = ItemSpec(
    "Claimant identified",
    "Who makes the claim, resolved to a person or organisation.",
    required=False,
    check_key="claimant_identified",
)
DATES = ItemSpec(
    "Dates resolved",
    "Every date phrase resolved against the article's date.",
    required=False,
    check_key="dates_resolved",
)
QUANTITIES = ItemSpec(
    "Quantities parsed",
    "Every figure read with its value, unit and bound.",
    required=False,
    check_key="quantities_parsed",
)
QUOTE_VERBATIM = ItemSpec(
    "Quote appears verbatim in the source text",
    "The quoted words are found, exactly, in the article they were taken from.",
    required=False,
    check_key="quote_verbatim",
)
SIMILAR = ItemSpec(
    "Similar claims linked",
    "Claims already tracked that say much the same.",
    required=False,
    check_key="similar_linked",
)
CORROBORATED = ItemSpec(
    "Figure corroborated in another ingested article",
    "Another article in the archive reports the same figure.",
    required=False,
    check_key="figure_corroborated",
)
CLAIMANT_HISTORY = ItemSpec(
    "Claimant's earlier claims on the topic",
    "What this claimant said before about the same subjects.",
    required=False,
    check_key="claimant_history",
)
ALREADY_CHECKED = ItemSpec(
    "Already checked by another desk",
    "Another desk's published fact-check (imported ClaimReview) says much the same: read its "
    "verdict and sources before starting.",
    required=False,
    check_key="already_checked",
)

_PRIMARY_RECORD = ItemSpec(
    "Find the primary record (transcript, video, official statement)",
    "Locate the original: the full transcript, the recording, or the statement as issued.",
)
_SECOND_SOURCE = ItemSpec(
    "Find a second independent source",
    "A source that did not take the account from the first one.",
)
_ASK_CLAIMANT = ItemSpec(
    "Ask the claimant's office",
    "Request the basis for the claim; record the answer, or that none came, with the date asked.",
)

DEFAULT_TEMPLATES: dict[str, tuple[str, str, tuple[ItemSpec, ...]]] = {
    "statistic": (
        "Statistic",
        "A figure: a count, a rate, an amount.",
        (
            ItemSpec(
                "Identify the primary source of the figure",
                "Who produced the number: a statistics office, a study, a ministry, a monitor.",
            ),
            ItemSpec(
                "Check the figure against official data",
                "Compare with the latest official release; note the release and its date.",
            ),
            ItemSpec(
                "Check the period and the definition counted",
                "Which years or months, and what exactly was counted (e.g. homicides or all "
                "violent deaths).",
            ),
            ItemSpec(
                "Establish whether the figure is cumulative or annual",
                "A total over many years is often quoted as if it were a yearly number.",
            ),
            ItemSpec(
                "Find an independent estimate",
                "A researcher, NGO or international body that counts the same thing.",
            ),
            CLAIMANT,
            QUANTITIES,
            DATES,
            CORROBORATED,
            SIMILAR,
            ALREADY_CHECKED,
            CLAIMANT_HISTORY,
        ),
    ),
    "superlative": (
        "Superlative",
        "The most, the largest, the first, the best or worst ever.",
        (
            ItemSpec(
                "Define the comparison set and period",
                "Most secure compared with which years, measured how?",
            ),
            ItemSpec(
                "Find the historical record for the measure",
                "The series that would show a record: official statistics over the whole period.",
            ),
            ItemSpec(
                "Obtain the claimant's own data",
                "Ask what the superlative is based on.",
            ),
            CLAIMANT,
            DATES,
            SIMILAR,
            ALREADY_CHECKED,
            CLAIMANT_HISTORY,
        ),
    ),
    "comparison": (
        "Comparison",
        "More than, less than, higher or lower than something else.",
        (
            ItemSpec("Identify both sides of the comparison", "What is compared with what."),
            ItemSpec(
                "Check both sides are measured the same way",
                "Same definitions, same period, same units.",
            ),
            ItemSpec("Find a source for each side", "Official data for both figures."),
            CLAIMANT,
            QUANTITIES,
            DATES,
            SIMILAR,
            ALREADY_CHECKED,
        ),
    ),
    "quote": (
        "Quote",
        "Words attributed to someone.",
        (
            _PRIMARY_RECORD,
            ItemSpec(
                "Confirm the wording and its context",
                "Compare word for word; check nothing around it changes its meaning.",
            ),
            _SECOND_SOURCE,
            _ASK_CLAIMANT,
            QUOTE_VERBATIM,
            CLAIMANT,
            DATES,
            SIMILAR,
            ALREADY_CHECKED,
        ),
    ),
    "event": (
        "Event",
        "Something that happened: an offer, a call, a meeting, an order.",
        (
            _PRIMARY_RECORD,
            _SECOND_SOURCE,
            _ASK_CLAIMANT,
            CLAIMANT,
            DATES,
            SIMILAR,
            ALREADY_CHECKED,
        ),
    ),
    "policy": (
        "Policy",
        "A decision, order, law or official measure.",
        (
            ItemSpec(
                "Find the official document",
                "The order, law, regulation or decree as published.",
            ),
            ItemSpec(
                "Check what it says and when it takes effect",
                "Scope, conditions, dates; what the claim leaves out.",
            ),
            _ASK_CLAIMANT,
            CLAIMANT,
            DATES,
            QUANTITIES,
            SIMILAR,
            ALREADY_CHECKED,
        ),
    ),
    "prediction": (
        "Prediction",
        "A forecast or promise about the future.",
        (
            ItemSpec("Identify the basis of the forecast", "Model, trend or promise behind it."),
            ItemSpec(
                "Compare with expert and official projections",
                "What independent forecasters expect.",
            ),
            ItemSpec(
                "Record when it can be verified",
                "The date at which the prediction can be checked against what happened.",
                required=False,
            ),
            CLAIMANT,
            DATES,
            SIMILAR,
            ALREADY_CHECKED,
        ),
    ),
    "causal": (
        "Causal",
        "One thing caused, drove or contributed to another.",
        (
            ItemSpec("Establish that both events happened", "Check each side on its own."),
            ItemSpec("Look for evidence of the causal link", "Studies, official findings."),
            ItemSpec("Consider other explanations", "What else could account for the effect."),
            CLAIMANT,
            QUANTITIES,
            DATES,
            SIMILAR,
            ALREADY_CHECKED,
        ),
    ),
    "other": (
        "Other",
        "Any other check-worthy statement.",
        (
            ItemSpec("Identify what can be checked", "The factual core of the statement."),
            ItemSpec("Find the primary source", "The original record or data."),
            _SECOND_SOURCE,
            CLAIMANT,
            DATES,
            SIMILAR,
            ALREADY_CHECKED,
        ),
    ),
}


# --- Running the automated checks ----------------------------------------------------------------
@dataclass(frozen=True)
class CheckContext:
    """Everything the automated checks look at, gathered by the worker as plain values."""

    claim_text: str
    claim_type: str
    claimant: str | None = None
    source_text: str | None = None  # the article body the claim was taken from
    dates: tuple[tuple[str, str], ...] = ()  # (text, resolved ISO value)
    quantities: tuple[tuple[str, float, str, str], ...] = ()  # (text, value, unit, bound)
    similar: tuple[tuple[int, str, float], ...] = ()  # (claim id, text, score)
    corroborations: tuple[tuple[str, str], ...] = ()  # (article title, sentence)
    claimant_history: tuple[tuple[int, str], ...] = ()  # (claim id, text)
    # Other desks' fact-checks matched: (desk, rating, url, score), best first.
    external_checks: tuple[tuple[str, str, str, float], ...] = ()
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CheckResult:
    state: str  # one of OUTCOMES
    result: str  # what the check found, or why it failed or did not apply: shown to editors


def _claimant_identified(ctx: CheckContext) -> CheckResult:
    if ctx.claimant:
        return CheckResult(PASSED, f"Claimant: {ctx.claimant}")
    return CheckResult(FAILED, "No claimant identified: attribute the claim by hand.")


def _dates_resolved(ctx: CheckContext) -> CheckResult:
    if not ctx.dates:
        return CheckResult(NOT_APPLICABLE, "No date phrases in the claim.")
    return CheckResult(PASSED, "; ".join(f"“{text}” = {value}" for text, value in ctx.dates))


def _quantities_parsed(ctx: CheckContext) -> CheckResult:
    if not ctx.quantities:
        if ctx.claim_type in ("statistic", "comparison"):
            return CheckResult(FAILED, "No figure could be read from the claim.")
        return CheckResult(NOT_APPLICABLE, "No figures in the claim.")
    return CheckResult(
        PASSED,
        "; ".join(
            f"“{text}” = {value:g} {unit} ({bound})".replace("  ", " ")
            for text, value, unit, bound in ctx.quantities
        ),
    )


_QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


def _normalise_quotes(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text)


def _quote_verbatim(ctx: CheckContext) -> CheckResult:
    quotes = [q.strip(" ,.") for q in _QUOTED.findall(ctx.claim_text)]
    if not quotes:
        return CheckResult(NOT_APPLICABLE, "No quoted words in the claim.")
    if not ctx.source_text:
        return CheckResult(
            NOT_APPLICABLE, "No source text to compare with (claim entered by hand)."
        )
    source = _normalise_quotes(ctx.source_text)
    missing = [q for q in quotes if _normalise_quotes(q) not in source]
    if missing:
        return CheckResult(
            FAILED, "Not found verbatim: " + "; ".join(f"“{q[:80]}”" for q in missing)
        )
    return CheckResult(PASSED, f"{len(quotes)} quoted passage(s) found verbatim in the source.")


def _similar_linked(ctx: CheckContext) -> CheckResult:
    if not ctx.similar:
        return CheckResult(NOT_APPLICABLE, "No similar claim tracked yet.")
    listed = "; ".join(f"#{cid} ({score:.2f}) {text[:60]}" for cid, text, score in ctx.similar[:5])
    return CheckResult(PASSED, f"{len(ctx.similar)} similar: {listed}")


def _figure_corroborated(ctx: CheckContext) -> CheckResult:
    if not ctx.quantities:
        return CheckResult(NOT_APPLICABLE, "No figure in the claim.")
    if not ctx.corroborations:
        # Nothing to compare with is not evidence against the figure.
        return CheckResult(NOT_APPLICABLE, "No other ingested article reports this figure.")
    listed = "; ".join(f"{title[:60]}: “{text[:80]}”" for title, text in ctx.corroborations[:3])
    return CheckResult(PASSED, f"Reported in {len(ctx.corroborations)} other article(s): {listed}")


def _claimant_history(ctx: CheckContext) -> CheckResult:
    if not ctx.claimant:
        return CheckResult(NOT_APPLICABLE, "No claimant identified.")
    if not ctx.claimant_history:
        return CheckResult(
            NOT_APPLICABLE, f"No earlier claims by {ctx.claimant} on these subjects."
        )
    listed = "; ".join(f"#{cid} {text[:60]}" for cid, text in ctx.claimant_history[:5])
    return CheckResult(PASSED, f"{len(ctx.claimant_history)} earlier claim(s): {listed}")


def _already_checked(ctx: CheckContext) -> CheckResult:
    if not ctx.external_checks:
        return CheckResult(NOT_APPLICABLE, "No other desk's imported fact-check matches.")
    listed = "; ".join(
        f"{desk}: {rating} ({url})" for desk, rating, url, _ in ctx.external_checks[:3]
    )
    return CheckResult(PASSED, f"Already checked by {listed}")


CHECKS: dict[str, Callable[[CheckContext], CheckResult]] = {
    "claimant_identified": _claimant_identified,
    "dates_resolved": _dates_resolved,
    "quantities_parsed": _quantities_parsed,
    "quote_verbatim": _quote_verbatim,
    "similar_linked": _similar_linked,
    "figure_corroborated": _figure_corroborated,
    "claimant_history": _claimant_history,
    "already_checked": _already_checked,
}


def run_check(check_key: str, context: CheckContext) -> CheckResult:
    """Run one automated check. An unknown key (a typo in an edited template) is a failed item
    with a message, never a crash of the whole checklist."""
    check = CHECKS.get(check_key)
    if check is None:
        return CheckResult(FAILED, f"Unknown automated check {check_key!r}: fix the template.")
    return check(context)
