"""Factories for the enrichment rows the pipeline fills, and a fully enriched claim."""

import factory

from claims import models
from tests.factories import (
    ChecklistItemFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
)


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Mention

    claim = factory.SubFactory(ClaimFactory)
    entity = factory.SubFactory(EntityFactory)
    text = factory.LazyAttribute(lambda m: m.entity.name)
    start = 4
    end = factory.LazyAttribute(lambda m: m.start + len(m.text))


class QuantityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Quantity

    claim = factory.SubFactory(ClaimFactory)
    text = "more than 450,000"
    value = 450000.0
    unit = "people"
    bound = models.Bound.LOWER
    start = 10
    end = 27


class DateMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DateMention

    claim = factory.SubFactory(ClaimFactory)
    text = "on Friday"
    value = "2025-05-02"
    granularity = models.Granularity.DAY
    start = 30
    end = 39


class SimilarClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SimilarClaim

    claim = factory.SubFactory(ClaimFactory)
    other = factory.SubFactory(ClaimFactory)
    score = 0.82


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Job

    article = factory.SubFactory("tests.factories.ArticleFactory")
    stage = models.JobStage.EXTRACT


class ClaimEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ClaimEvent

    claim = factory.SubFactory(ClaimFactory)
    kind = models.EventKind.COMMENT
    actor_label = "worker"
    comment = "checked"


def enriched_claim(**fields) -> models.Claim:
    """A claim with one row of every enrichment relation the API shows."""
    claim = ClaimFactory(**fields)
    MentionFactory(claim=claim, entity=EntityFactory(name="Claudia Sheinbaum"))
    QuantityFactory(claim=claim)
    DateMentionFactory(claim=claim)
    ChecklistItemFactory(claim=claim, title="Find the original source")
    EvidenceFactory(claim=claim)
    SimilarClaimFactory(claim=claim)
    return claim
