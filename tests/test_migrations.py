"""Migration 0007: automated checks recorded before "not applicable" existed become not applicable
where they had nothing to look at (the machine's "skipped", its findings of nothing, a figure no
other article reported), and nothing a person did changes; going back turns them into skipped."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

BEFORE = [("claims", "0006_fetch_stage_and_webhooks")]
AFTER = [("claims", "0007_claim_summary_review_url_checks_not_applicable")]

# (check_key, state, result, worked by a person) → state after the migration
ROWS = [
    ("figure_corroborated", "failed", "No other ingested article reports this figure.", False),
    ("figure_corroborated", "skipped", "No figure in the claim.", False),
    ("quote_verbatim", "skipped", "No quoted words in the claim.", False),
    ("dates_resolved", "done", "No date phrases in the claim.", False),
    ("dates_resolved", "done", "“on Friday” = 2025-05-02", False),
    ("quantities_parsed", "done", "No figures in the claim.", False),
    ("quantities_parsed", "failed", "No figure could be read from the claim.", False),
    ("similar_linked", "done", "No similar claim tracked yet.", False),
    ("claimant_history", "done", "No earlier claims by Sheinbaum on these subjects.", False),
    (
        "claimant_identified",
        "failed",
        "No claimant identified: attribute the claim by hand.",
        False,
    ),
    ("figure_corroborated", "failed", "No other ingested article reports this figure.", True),
]
EXPECTED = [
    "not_applicable",
    "not_applicable",
    "not_applicable",
    "not_applicable",
    "done",
    "not_applicable",
    "failed",
    "not_applicable",
    "not_applicable",
    "failed",
    "failed",  # a person failed it: theirs
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_checks_with_nothing_to_look_at_become_not_applicable_and_back():
    old = migrate(BEFORE)
    try:
        user = old.get_model("auth", "User").objects.create(username="fatima")
        claim = old.get_model("claims", "Claim").objects.create(text="A claim")
        Item = old.get_model("claims", "ChecklistItem")
        ids = [
            Item.objects.create(
                claim=claim,
                title=f"{n} {key}",
                automated=True,
                check_key=key,
                state=state,
                result=result,
                done_by=user if worked else None,
            ).pk
            for n, (key, state, result, worked) in enumerate(ROWS)
        ]

        new = migrate(AFTER)
        states = dict(new.get_model("claims", "ChecklistItem").objects.values_list("pk", "state"))
        assert [states[pk] for pk in ids] == EXPECTED

        old = migrate(BEFORE)
        states = dict(old.get_model("claims", "ChecklistItem").objects.values_list("pk", "state"))
        assert "not_applicable" not in states.values()
        assert [states[pk] for pk in ids][:3] == ["skipped", "skipped", "skipped"]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
