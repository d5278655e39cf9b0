"""Re-processing an article (`services.claims_record`) refreshes the machine's work and never
touches a person's: text, summary, type and claimant edits stay, a published claim never changes
under its ClaimReview, and every worker write that changes what the API shows bumps the claim's
version with a field-history row (issue 13, item 4)."""

from dataclasses import replace

import pytest

from claims.models import Claim, ClaimStatus, EntityKind, Verdict
from claims.services import claim_transition, claim_update, claims_record
from workers.extract.candidates import ClaimCandidate, EntityRef

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

BODY = "The minister said unemployment fell to 4% last year. Officials disagreed."
SENTENCE = "The minister said unemployment fell to 4% last year."


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def candidate(**changes) -> ClaimCandidate:
    found = ClaimCandidate(
        text=SENTENCE,
        start=0,
        end=len(SENTENCE),
        sentence_index=0,
        claim_type="statistic",
        checkworthiness=0.8,
        reasons=("figure",),
        claimant=EntityRef("The minister", EntityKind.PERSON),
        attribution="reported_speech",
    )
    return replace(found, **changes)


def recorded(article, found) -> Claim:
    (claim,) = claims_record(article=article, candidates=[found])
    return Claim.objects.get(pk=claim.pk)


def test_running_again_with_the_same_results_writes_nothing(article):
    first = recorded(article, candidate())
    rows = first.history.count()
    again = recorded(article, candidate())
    assert (again.version, again.history.count(), again.updated_at) == (
        first.version,
        rows,
        first.updated_at,
    )


def test_a_changed_machine_result_bumps_the_version_with_a_history_row(article):
    first = recorded(article, candidate())
    again = recorded(article, candidate(checkworthiness=0.3, reasons=("hedged",)))
    assert again.checkworthiness == 0.3
    assert again.version == first.version + 1  # what the API shows changed: a new ETag
    row = again.history.order_by("-history_date", "-history_id").first()
    assert (row.version, row.history_user, row.checkworthiness) == (again.version, None, 0.3)
    assert "re-processing" in row.history_change_reason
    # The machine's own write does not make the claim a person's: it may still be reshaped.
    reshaped = recorded(article, candidate(claim_type="prediction", text=SENTENCE.upper()))
    assert (reshaped.claim_type, reshaped.text) == ("prediction", SENTENCE.upper())
    assert reshaped.version == again.version + 1


def test_a_persons_edits_of_text_summary_type_and_claimant_stay(article, editor):
    claim = recorded(article, candidate())
    claim = claim_update(
        claim=claim,
        actor=editor,
        data={
            "text": "Unemployment fell to 4% last year.",
            "summary": "Unemployment fell to 4%",
            "claim_type": "comparison",
            "claimant": None,
        },
    )
    edited = claim.version

    again = recorded(article, candidate(checkworthiness=0.5, text=SENTENCE + " "))

    assert (again.text, again.summary, again.claim_type, again.claimant) == (
        "Unemployment fell to 4% last year.",
        "Unemployment fell to 4%",
        "comparison",
        None,
    )
    assert again.checkworthiness == 0.5  # the machine's own field is refreshed…
    assert again.version == edited + 1  # …as a new version


def test_a_published_claim_never_changes_under_its_claimreview(article, editor):
    claim = recorded(article, candidate())
    claim_transition(claim=claim, to=ClaimStatus.TRIAGED, actor=editor)
    Claim.objects.filter(pk=claim.pk).update(
        status=ClaimStatus.PUBLISHED, verdict=Verdict.FALSE, verdict_summary="It rose."
    )
    before = Claim.objects.get(pk=claim.pk)

    again = recorded(
        article,
        candidate(
            text=SENTENCE.replace("4%", "four per cent"),
            claimant=EntityRef("Officials", EntityKind.GROUP),
            claim_type="other",
        ),
    )

    assert (again.text, again.claimant_id, again.claim_type, again.version) == (
        before.text,
        before.claimant_id,
        before.claim_type,
        before.version,
    )
