"""factory_boy factories for the domain model."""

import datetime as dt
import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims import models


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    outlet = factory.SubFactory(OutletFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    body = factory.Sequence(
        lambda n: f"The minister said unemployment fell to {n}% last year. Officials disagreed."
    )
    content_hash = factory.LazyAttribute(lambda a: hashlib.sha256(a.body.encode()).hexdigest())
    published_at = dt.datetime(2025, 5, 4, tzinfo=dt.UTC)


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Entity
        django_get_or_create = ("kind", "name")

    kind = models.EntityKind.PERSON
    name = factory.Sequence(lambda n: f"Person {n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Claim

    article = factory.SubFactory(ArticleFactory)
    start = 0
    end = factory.LazyAttribute(
        lambda c: len(c.article.body.split(". ")[0]) + 1 if c.article else None
    )
    text = factory.LazyAttribute(
        lambda c: c.article.body[c.start : c.end] if c.article else "A claim"
    )
    claim_type = models.ClaimType.STATISTIC
    checkworthiness = 0.8


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Evidence

    claim = factory.SubFactory(ClaimFactory)
    url = factory.Sequence(lambda n: f"https://stats.example.org/report/{n}")
    title = "Labour force survey"
    stance = models.Stance.REFUTES


class ChecklistItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ChecklistItem

    claim = factory.SubFactory(ClaimFactory)
    title = factory.Sequence(lambda n: f"Step {n}")
    required = True
