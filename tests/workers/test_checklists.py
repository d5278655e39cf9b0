"""The verification checklists (pure: no database, no Django): the default templates, and every
automated check on the plain values the worker gathers — including the seed's 450,000 figure. A
check ends passed, failed or not applicable, always with its reason; nothing to check (no figure,
no other article reporting it) is not applicable, never a failure."""

import pytest

from workers.checklists import (
    CHECKS,
    DEFAULT_TEMPLATES,
    FAILED,
    NOT_APPLICABLE,
    OUTCOMES,
    PASSED,
    CheckContext,
    CheckResult,
    run_check,
)

FIGURE = (
    "Sheinbaum said trafficked U.S. weapons have killed more than 450,000 people in Mexico "
    "over nearly two decades."
)


def context(**values) -> CheckContext:
    return CheckContext(
        claim_text=values.pop("claim_text", FIGURE), claim_type="statistic", **values
    )


# --- The templates -------------------------------------------------------------------------------
def test_every_template_has_a_name_a_description_and_a_required_manual_step():
    for claim_type, (name, description, items) in DEFAULT_TEMPLATES.items():
        assert name and description, claim_type
        assert any(item.required and not item.check_key for item in items), claim_type


def test_step_titles_are_unique_within_a_template():
    # Items are matched by title when a checklist is rebuilt: a duplicate would be lost.
    for claim_type, (_, _, items) in DEFAULT_TEMPLATES.items():
        titles = [item.title for item in items]
        assert len(titles) == len(set(titles)), claim_type


def test_every_automated_step_names_a_check_that_exists_and_is_optional():
    for claim_type, (_, _, items) in DEFAULT_TEMPLATES.items():
        for item in items:
            if item.check_key:
                assert item.check_key in CHECKS, (claim_type, item.check_key)
                # A machine's finding never blocks a claim from going to review.
                assert not item.required, (claim_type, item.title)


def test_the_statistic_template_checks_the_figure_against_the_archive():
    _, _, items = DEFAULT_TEMPLATES["statistic"]
    keys = {item.check_key for item in items}
    assert {"quantities_parsed", "figure_corroborated", "claimant_identified"} <= keys


# --- The checks ----------------------------------------------------------------------------------
def test_an_unknown_check_fails_its_item_with_a_message_instead_of_crashing():
    outcome = run_check("figure_corroborratd", context())
    assert outcome.state == FAILED
    assert "Unknown automated check 'figure_corroborratd'" in outcome.result


@pytest.mark.parametrize(
    ("claimant", "state", "result"),
    [
        ("Claudia Sheinbaum", PASSED, "Claimant: Claudia Sheinbaum"),
        (None, FAILED, "No claimant identified: attribute the claim by hand."),
    ],
)
def test_claimant_identified(claimant, state, result):
    assert run_check("claimant_identified", context(claimant=claimant)) == CheckResult(
        state, result
    )


def test_the_seed_figure_is_read_with_its_bound():
    quantities = (("more than 450,000", 450000.0, "people", "lower"),)
    outcome = run_check("quantities_parsed", context(quantities=quantities))
    assert outcome == CheckResult(PASSED, "“more than 450,000” = 450000 people (lower)")


def test_a_statistic_without_a_figure_fails_but_for_a_quote_figures_do_not_apply():
    assert run_check("quantities_parsed", context()).state == FAILED
    quote = CheckContext(claim_text="“No,” she said.", claim_type="quote")
    assert run_check("quantities_parsed", quote) == CheckResult(
        NOT_APPLICABLE, "No figures in the claim."
    )


def test_dates_resolved_lists_each_phrase_with_its_value():
    outcome = run_check("dates_resolved", context(dates=(("on Friday", "2025-05-02"),)))
    assert outcome == CheckResult(PASSED, "“on Friday” = 2025-05-02")
    assert run_check("dates_resolved", context()) == CheckResult(
        NOT_APPLICABLE, "No date phrases in the claim."
    )


def test_a_quote_found_verbatim_whatever_the_quotation_marks():
    claim = "Sheinbaum said: “our sovereignty is not for sale”."
    source = 'She told him: "Our territory is inviolable, our sovereignty is not for sale."'
    outcome = run_check("quote_verbatim", context(claim_text=claim, source_text=source))
    assert outcome == CheckResult(PASSED, "1 quoted passage(s) found verbatim in the source.")


def test_a_quote_not_in_the_source_fails_and_names_the_missing_words():
    claim = "She said “we will send troops tomorrow”."
    outcome = run_check("quote_verbatim", context(claim_text=claim, source_text="Nothing."))
    assert outcome == CheckResult(FAILED, "Not found verbatim: “we will send troops tomorrow”")


@pytest.mark.parametrize(
    ("claim_text", "source_text", "result"),
    [
        (FIGURE, "anything", "No quoted words in the claim."),
        ("She said “no troops, ever”.", None, "No source text to compare with"),
    ],
)
def test_a_quote_check_without_a_quote_or_a_source_does_not_apply(claim_text, source_text, result):
    outcome = run_check("quote_verbatim", context(claim_text=claim_text, source_text=source_text))
    assert outcome.state == NOT_APPLICABLE
    assert outcome.result.startswith(result)


def test_a_figure_no_other_article_reports_is_not_applicable_not_failed():
    # The seed alone in the archive: nothing to corroborate with is not evidence against it.
    figure = (("more than 450,000", 450000.0, "people", "lower"),)
    assert run_check("figure_corroborated", context(quantities=figure)) == CheckResult(
        NOT_APPLICABLE, "No other ingested article reports this figure."
    )
    assert run_check("figure_corroborated", context()) == CheckResult(
        NOT_APPLICABLE, "No figure in the claim."
    )


def test_a_figure_another_article_reports_passes_and_names_the_article():
    figure = (("more than 450,000", 450000.0, "people", "lower"),)
    found = context(
        quantities=figure,
        corroborations=(("Mexico's death toll", "More than 450,000 people were killed."),),
    )
    outcome = run_check("figure_corroborated", found)
    assert outcome.state == PASSED
    assert outcome.result.startswith("Reported in 1 other article(s): Mexico's death toll")


def test_similar_claims_are_listed_best_first_with_their_scores():
    similar = ((12, "Violence has killed more than 450,000 people in Mexico", 0.82),)
    outcome = run_check("similar_linked", context(similar=similar))
    assert outcome == CheckResult(
        PASSED, "1 similar: #12 (0.82) Violence has killed more than 450,000 people in Mexico"
    )
    assert run_check("similar_linked", context()) == CheckResult(
        NOT_APPLICABLE, "No similar claim tracked yet."
    )


def test_claimant_history_needs_a_claimant_and_earlier_claims():
    assert run_check("claimant_history", context()) == CheckResult(
        NOT_APPLICABLE, "No claimant identified."
    )
    history = ((3, "We will never accept U.S. troops."),)
    outcome = run_check("claimant_history", context(claimant="Sheinbaum", claimant_history=history))
    assert outcome == CheckResult(
        PASSED, "1 earlier claim(s): #3 We will never accept U.S. troops."
    )
    empty = run_check("claimant_history", context(claimant="Sheinbaum"))
    assert empty == CheckResult(NOT_APPLICABLE, "No earlier claims by Sheinbaum on these subjects.")


@pytest.mark.parametrize(
    "ctx",
    [
        context(),
        context(claimant="Sheinbaum", quantities=(("450,000", 450000.0, "people", "lower"),)),
        CheckContext(claim_text="She said “no”.", claim_type="quote", source_text="“no”"),
    ],
)
def test_every_check_ends_in_an_outcome_with_its_reason(ctx):
    for key in CHECKS:
        outcome = run_check(key, ctx)
        assert outcome.state in OUTCOMES, key
        assert outcome.result.strip(), key


def test_already_checked_names_the_other_desk_its_rating_and_link():
    from workers.checklists import NOT_APPLICABLE, PASSED, CheckContext, run_check

    none = run_check("already_checked", CheckContext(claim_text="x", claim_type="statistic"))
    assert none.state == NOT_APPLICABLE
    found = run_check(
        "already_checked",
        CheckContext(
            claim_text="x",
            claim_type="statistic",
            external_checks=(("Desk A", "Mostly true", "https://a.example/fc/1", 0.97),),
        ),
    )
    assert (found.state, found.result) == (
        PASSED,
        "Already checked by Desk A: Mostly true (https://a.example/fc/1)",
    )
