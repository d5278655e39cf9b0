"""The pure modules speak the model's vocabulary: what they return is stored as it is, so their
values must be exactly the model's choices (no database needed)."""

from claims.models import ChecklistState, ClaimType
from workers import checklists, extraction


def test_the_extractors_claim_types_are_exactly_the_models_choices():
    assert tuple(extraction.CLAIM_TYPES) == tuple(ClaimType.values)


def test_there_is_a_default_checklist_for_every_claim_type_and_no_other():
    assert set(checklists.DEFAULT_TEMPLATES) == set(ClaimType.values)


def test_the_automated_checks_end_in_checklist_states():
    assert set(checklists.OUTCOMES) == {
        ChecklistState.DONE,
        ChecklistState.FAILED,
        ChecklistState.NOT_APPLICABLE,
    }
