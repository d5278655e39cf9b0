"""`manage.py generate_demo_data`: claims whose spans, parts and statuses hold together."""

import pytest
from django.core.management import CommandError, call_command

from claims import workflow
from claims.models import ChecklistItem, Claim, ClaimStatus, Mention

pytestmark = pytest.mark.django_db


def test_generated_claims_sit_in_their_articles_with_parts_and_statuses(capsys):
    call_command("generate_demo_data", "--claims", "60")

    assert "60 claims" in capsys.readouterr().out
    claims = list(Claim.objects.select_related("article"))
    assert len(claims) == 60
    for claim in claims:
        assert claim.article.body[claim.start : claim.end] == claim.text
        assert claim.created_at == claim.article.published_at
    assert ChecklistItem.objects.count() == 5 * 60
    assert len({claim.text for claim in claims}) > 55  # mostly distinct sentences
    assert len({claim.status for claim in claims}) >= 4
    for claim in Claim.objects.filter(status=ClaimStatus.PUBLISHED):
        assert (
            claim.verdict
            and not claim.checklist.filter(workflow.CHECKLIST_UNWORKED_REQUIRED).exists()
        )
    for mention in Mention.objects.select_related("claim__article"):
        assert mention.claim.article.body[mention.start : mention.end] == mention.text


def test_a_second_run_adds_more():
    call_command("generate_demo_data", "--claims", "10")
    call_command("generate_demo_data", "--claims", "10", "--seed", "15")
    assert Claim.objects.count() == 20


def test_a_bad_count_is_refused():
    with pytest.raises(CommandError, match="between 1 and"):
        call_command("generate_demo_data", "--claims", "0")
