"""The verification checklists (pure: no database, no Django): the default templates, and every
automated check on the plain values the worker gathers — including the seed's 450,000 figure."""

import pytest

from workers.checklists import (
    CHECKS,
    DEFAULT_TEMPLATES,
    DONE,
    FAILED,
    SKIPPED,
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
        ("Claudia Sheinbaum", DONE, "Claimant: Claudia Sheinbaum"),
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
    assert outcome == CheckResult(DONE, "“more than 450,000” = 450000 people (lower)")


def test_a_statistic_without_a_figure_fails_but_a_quote_without_one_does_not():
    assert run_check("quantities_parsed", context()).state == FAILED
    quote = CheckContext(claim_text="“No,” she said.", claim_type="quote")
    assert run_check("quantities_parsed", quote) == CheckResult(DONE, "No figures in the claim.")


def test_dates_resolved_lists_each_phrase_with_its_value():
    outcome = run_check("dates_resolved", context(dates=(("on Friday", "2025-05-02"),)))
    assert outcome == CheckResult(DONE, "“on Friday” = 2025-05-02")
    assert run_check("dates_resolved", context()) == CheckResult(
        DONE, "No date phrases in the claim."
    )


def test_a_quote_found_verbatim_whatever_the_quotation_marks():
    claim = "Sheinbaum said: “our sovereignty is not for sale”."
    source = 'She told him: "Our territory is inviolable, our sovereignty is not for sale."'
    outcome = run_check("quote_verbatim", context(claim_text=claim, source_text=source))
    assert outcome == CheckResult(DONE, "1 quoted passage(s) found verbatim in the source.")


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
def test_a_quote_check_without_a_quote_or_a_source_is_skipped(claim_text, source_text, result):
    outcome = run_check("quote_verbatim", context(claim_text=claim_text, source_text=source_text))
    assert outcome.state == SKIPPED
    assert outcome.result.startswith(result)


def test_figure_corroborated_needs_a_figure_and_another_article():
    figure = (("more than 450,000", 450000.0, "people", "lower"),)
    assert run_check("figure_corroborated", context()).state == SKIPPED
    assert run_check("figure_corroborated", context(quantities=figure)) == CheckResult(
        FAILED,
        "No other ingested article reports this figure.",
    )
    found = context(
        quantities=figure,
        corroborations=(("Mexico's death toll", "More than 450,000 people were killed."),),
    )
    outcome = run_check("figure_corroborated", found)
    assert outcome.state == DONE
    assert outcome.result.startswith("Reported in 1 other article(s): Mexico's death toll")


def test_similar_claims_are_listed_best_first_with_their_scores():
    similar = ((12, "Violence has killed more than 450,000 people in Mexico", 0.82),)
    outcome = run_check("similar_linked", context(similar=similar))
    assert outcome == CheckResult(
        DONE, "1 similar: #12 (0.82) Violence has killed more than 450,000 people in Mexico"
    )
    assert run_check("similar_linked", context()) == CheckResult(
        DONE, "No similar claim tracked yet."
    )


def test_claimant_history_needs_a_claimant():
    assert run_check("claimant_history", context()).state == SKIPPED
    history = ((3, "We will never accept U.S. troops."),)
    outcome = run_check("claimant_history", context(claimant="Sheinbaum", claimant_history=history))
    assert outcome == CheckResult(DONE, "1 earlier claim(s): #3 We will never accept U.S. troops.")
    empty = run_check("claimant_history", context(claimant="Sheinbaum"))
    assert empty == CheckResult(DONE, "No earlier claims by Sheinbaum on these subjects.")


def test_every_check_returns_a_state_the_checklist_knows():
    for key in CHECKS:
        assert run_check(key, context()).state in (DONE, FAILED, SKIPPED), key
