"""Fixtures of the review desk tests: staff users per role, the seed article run through the real
pipeline, and the extra rows the pipeline cannot make (a similar claim from a second article, a
failed job)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.test import Client

from claims.models import (
    Article,
    ChecklistState,
    Claim,
    ClaimStatus,
    ClaimType,
    Job,
    JobStage,
    JobState,
    SimilarClaim,
)

from ..factories import ArticleFactory, ClaimFactory


# The desk is the admin: every role's user is staff; the role's permissions decide the rest.
def _staff(user):
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def viewer(viewer):
    return _staff(viewer)


@pytest.fixture
def fact_checker(fact_checker):
    return _staff(fact_checker)


@pytest.fixture
def editor(editor):
    return _staff(editor)


@pytest.fixture
def second_editor(second_editor):
    return _staff(second_editor)


@pytest.fixture(autouse=True)
def published_jobs(monkeypatch) -> list:
    """Nothing reaches a broker from these tests: publishing (after commit) is recorded instead.
    The Job rows, which are what the desk shows and changes, are written as usual."""
    from claims.services.jobs import outbox

    sent: list = []
    monkeypatch.setattr(
        outbox, "job_publish", lambda *, job_id, force=False: sent.append(job_id) or True
    )
    monkeypatch.setattr(
        outbox,
        "claim_jobs_publish",
        lambda *, claim_ids, force=False: sent.extend(claim_ids) or True,
    )
    return sent


@dataclass
class Desk:
    article: Article
    figure: Claim  # "…has killed more than 450,000 in Mexico over nearly two decades."
    superlative: Claim  # "…the “most secure southwest border in history”."
    other_article: Article
    similar: SimilarClaim  # figure ~ a claim of the other article
    failed_job: Job


SIMILAR_BODY = (
    "Violence linked to organised crime has killed more than 450,000 people in Mexico since 2006, "
    "officials said. Analysts dispute how the dead are counted."
)


@pytest.fixture
def desk(db) -> Desk:
    """The seed article as the pipeline leaves it (`load_seeds --sync`: claims, enrichment,
    checklists), plus a second article with a claim like the 450,000 figure, suggested as
    similar, whose enrichment job failed."""
    call_command("load_seeds", "--sync", stdout=io.StringIO())
    article = Article.objects.get(title__startswith="Sheinbaum says she totally rejects")
    figure = article.claims.get(text__contains="more than 450,000")
    assert figure.claim_type == ClaimType.STATISTIC, "the pipeline no longer types the figure"
    assert figure.checklist.filter(required=True, state=ChecklistState.OPEN).exists()
    superlative = article.claims.get(text__contains="most secure southwest border")

    other_article = ArticleFactory(title="Mexico's death toll", body=SIMILAR_BODY)
    other = ClaimFactory(
        article=other_article,
        start=0,
        end=SIMILAR_BODY.index(" officials") - 1,
        claim_type=ClaimType.STATISTIC,
        checkworthiness=0.7,
    )
    similar = SimilarClaim.objects.create(claim=figure, other=other, score=0.82)
    failed_job = Job.objects.create(
        claim=other,
        stage=JobStage.ENRICH,
        state=JobState.FAILED,
        attempts=5,
        last_error="TimeoutError: the entity index did not answer in 30s",
    )
    return Desk(
        article=article,
        figure=figure,
        superlative=superlative,
        other_article=other_article,
        similar=similar,
        failed_job=failed_job,
    )


@pytest.fixture
def login(db):
    """login(user) → a test client signed in as that user."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


def claim_in(claim: Claim, status: str, **fields) -> Claim:
    """Put a claim in a status directly (test set-up only: the desk itself never does this). Like
    every write, it leaves a field-history row (by nobody), which the four-eyes rule reads."""
    from claims.services.common import record_history

    Claim.objects.filter(pk=claim.pk).update(status=status, **fields)
    claim.refresh_from_db()
    record_history(claim, actor=None, reason="test set-up")
    return claim


def ready_for_review(claim: Claim, *, assignee) -> Claim:
    """Everything researching → in_review needs, done directly."""
    from claims.models import Evidence, Verdict

    claim.checklist.filter(required=True).update(state=ChecklistState.DONE)
    Evidence.objects.create(
        claim=claim, url="https://www.inegi.org.mx/temas/mortalidad/", title="INEGI homicides"
    )
    return claim_in(
        claim,
        ClaimStatus.RESEARCHING,
        assignee=assignee,
        verdict=Verdict.MOSTLY_TRUE,
        verdict_summary="Official homicide records since 2006 pass 450,000.",
    )


@pytest.fixture(autouse=True, scope="session")
def _static_root():
    """WhiteNoise warns on every test client's first request when STATIC_ROOT does not exist
    (this run's var/ is new); the static files themselves come from the apps."""
    from pathlib import Path

    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
