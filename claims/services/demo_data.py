"""`demo_data_generate`: a desk's year of claims in one go, for trying the desk at scale and for the
scale benchmark (`benchmarks/test_scale_bench.py`). Articles made of claim sentences, claimants and
other entities with their mentions, figures, years, ~5 checklist items per claim worked as far
as its status, evidence, similar-claim suggestions, statuses from new to published with verdicts
and assignees. Rows are written with bulk_create in batches (no history, no events, no jobs:
nothing queues a worker)."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from claims.models import (
    Article,
    Bound,
    ChecklistItem,
    ChecklistState,
    Claim,
    ClaimStatus,
    DateMention,
    Entity,
    EntityKind,
    Evidence,
    Granularity,
    Mention,
    Outlet,
    PipelineStatus,
    Quantity,
    SimilarClaim,
    Stance,
    Verdict,
)

from .demo_texts import FILLER, ORGS, PLACES, DemoClaim, claim_sentence, headline, person

BATCH = 5000
STATUSES = [
    (ClaimStatus.NEW, 45),
    (ClaimStatus.TRIAGED, 15),
    (ClaimStatus.RESEARCHING, 15),
    (ClaimStatus.IN_REVIEW, 5),
    (ClaimStatus.PUBLISHED, 12),
    (ClaimStatus.DISMISSED, 8),
]
STEPS = [
    ("Find the original source", True),
    ("Check the figure against official data", True),
    ("Ask the claimant for their source", False),
    ("Find an independent expert", False),
    ("Write the verdict summary", True),
]
WORKED_SHARE = {
    ClaimStatus.NEW: 0.0,
    ClaimStatus.TRIAGED: 0.1,
    ClaimStatus.RESEARCHING: 0.5,
    ClaimStatus.IN_REVIEW: 1.0,
    ClaimStatus.PUBLISHED: 1.0,
    ClaimStatus.DISMISSED: 0.2,
}


def _entities(rng: random.Random, people: list[str]) -> dict[tuple[str, str], Entity]:
    wanted = [(EntityKind.PERSON, name) for name in people]
    wanted += [(EntityKind.PLACE, name) for name in PLACES]
    wanted += [(EntityKind.ORGANIZATION, name) for name in ORGS]
    existing = {(e.kind, e.name): e for e in Entity.objects.all()}
    missing = [Entity(kind=k, name=n) for k, n in wanted if (k, n) not in existing]
    Entity.objects.bulk_create(missing, batch_size=BATCH)
    return {(e.kind, e.name): e for e in Entity.objects.all()}


def demo_data_generate(*, claims: int, seed: int = 14, per_article: int = 10) -> dict[str, int]:
    """Write `claims` claims (and their articles, entities and parts). Returns the rows written
    per table."""
    rng = random.Random(seed)
    User = get_user_model()
    desk = [
        User.objects.get_or_create(username=f"desk-{n}", defaults={"is_staff": True})[0]
        for n in range(1, 9)
    ]
    outlets = [
        Outlet.objects.get_or_create(name=f"Demo Outlet {n}", defaults={"domain": f"o{n}.test"})[0]
        for n in range(1, 21)
    ]
    people = sorted({person(rng) for _ in range(400)})
    entities = _entities(rng, people)
    start_id = (Article.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    now = timezone.now()
    written = dict.fromkeys(
        [
            "articles",
            "claims",
            "mentions",
            "quantities",
            "dates",
            "checklist",
            "evidence",
            "similar",
        ],
        0,
    )
    done = 0
    while done < claims:
        with transaction.atomic():
            chunk = min(BATCH, claims - done)
            written_now = _chunk(
                rng, chunk, per_article, start_id + done, now, outlets, desk, entities
            )
            for key, value in written_now.items():
                written[key] += value
            done += chunk
    # A claim's date is its article's, spread over the last year (bulk_create stamps "now").
    published = Article.objects.filter(pk=OuterRef("article_id")).values("published_at")[:1]
    Claim.objects.filter(created_at__gte=now, article__isnull=False).update(
        created_at=Subquery(published), updated_at=Subquery(published)
    )
    return written


def _chunk(rng, count, per_article, serial, now, outlets, desk, entities) -> dict[str, int]:
    people = [name for (kind, name) in entities if kind == EntityKind.PERSON]
    sentences = [claim_sentence(rng, people) for _ in range(count)]
    articles: list[Article] = []
    groups: list[list[tuple[DemoClaim, tuple[int, int]]]] = []
    for first in range(0, count, per_article):
        group = sentences[first : first + per_article]
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        offset = 0
        for sentence in group:
            filler = rng.choice(FILLER) + " "
            parts.append(filler)
            offset += len(filler)
            spans.append((offset, offset + len(sentence.text)))
            parts.append(sentence.text + " ")
            offset += len(sentence.text) + 1
        body = "".join(parts).strip()
        number = serial + len(articles)
        outlet = rng.choice(outlets)
        articles.append(
            Article(
                outlet=outlet,
                url=f"https://{outlet.domain}/news/{number}",
                title=headline(rng, group[0]),
                published_at=now - dt.timedelta(minutes=rng.randint(0, 525_600)),
                body=body,
                content_hash=hashlib.sha256(f"{number}\n{body}".encode()).hexdigest(),
                pipeline_status=PipelineStatus.DONE,
            )
        )
        groups.append(list(zip(group, spans, strict=True)))
    Article.objects.bulk_create(articles, batch_size=BATCH)
    statuses, weights = zip(*STATUSES, strict=True)
    rows: list[tuple[Claim, object]] = []
    for article, spanned in zip(articles, groups, strict=True):
        for index, (sentence, (start, end)) in enumerate(spanned):
            status = rng.choices(statuses, weights)[0]
            published = status == ClaimStatus.PUBLISHED
            claimant = entities.get((EntityKind.PERSON, sentence.claimant or ""))
            rows.append(
                (
                    Claim(
                        article=article,
                        text=sentence.text,
                        start=start,
                        end=end,
                        sentence_index=index,
                        claim_type=sentence.claim_type,
                        checkworthiness=round(rng.betavariate(4, 2), 3),
                        claimant=claimant,
                        attribution="reported_speech" if claimant else "author",
                        status=status,
                        verdict=rng.choice(Verdict.values) if published else "",
                        verdict_summary="Checked against the official figures."
                        if published
                        else "",
                        assignee=rng.choice(desk) if status not in ("new", "dismissed") else None,
                        reviewer=rng.choice(desk) if published else None,
                        priority=rng.choice([1, 2, 2, 2, 3, 4]),
                        due_at=now + dt.timedelta(days=rng.randint(-20, 40))
                        if rng.random() < 0.3
                        else None,
                        published_at=now if published else None,
                    ),
                    sentence,
                )
            )
    Claim.objects.bulk_create([claim for claim, _ in rows], batch_size=BATCH)
    return _parts(rng, rows, desk, entities)


def _parts(rng, rows, desk, entities) -> dict[str, int]:
    mentions, quantities, dates, items, evidence, similar = [], [], [], [], [], []
    for claim, sentence in rows:
        for name in sentence.mentions:
            kind = EntityKind.PERSON if name == sentence.claimant else EntityKind.PLACE
            entity = entities.get((kind, name))
            at = sentence.text.find(name)
            if entity is not None and at >= 0:
                mentions.append(
                    Mention(
                        claim=claim,
                        entity=entity,
                        text=name,
                        start=claim.start + at,
                        end=claim.start + at + len(name),
                    )
                )
        if sentence.figure is not None:
            text, value, unit = sentence.figure
            at = max(sentence.text.find(text), 0)
            quantities.append(
                Quantity(
                    claim=claim,
                    text=text,
                    value=value,
                    unit=unit,
                    bound=Bound.EXACT,
                    start=claim.start + at,
                    end=claim.start + at + len(text),
                )
            )
        if sentence.year is not None:
            at = sentence.text.find(sentence.year)
            if at >= 0:
                dates.append(
                    DateMention(
                        claim=claim,
                        text=sentence.year,
                        value=sentence.year,
                        granularity=Granularity.YEAR,
                        start=claim.start + at,
                        end=claim.start + at + 4,
                    )
                )
        worked = WORKED_SHARE[ClaimStatus(claim.status)]
        for order, (title, required) in enumerate(STEPS):
            done = rng.random() < worked or (worked == 1.0)
            items.append(
                ChecklistItem(
                    claim=claim,
                    order=order,
                    title=title,
                    required=required,
                    state=ChecklistState.DONE if done else ChecklistState.OPEN,
                    done_by=rng.choice(desk) if done else None,
                    done_at=claim.published_at or (timezone.now() if done else None),
                )
            )
        if claim.status in ("researching", "in_review", "published"):
            for n in range(rng.randint(1, 3)):
                evidence.append(
                    Evidence(
                        claim=claim,
                        url=f"https://data.example.org/{claim.pk}/{n}",
                        title=f"Official figures, table {n + 1}",
                        publisher="Statistics office",
                        excerpt="The series shows the change over the period.",
                        stance=rng.choice(Stance.values),
                        added_by=rng.choice(desk),
                    )
                )
    ids = [claim.pk for claim, _ in rows]
    for claim, _ in rows:
        if rng.random() < 0.1 and len(ids) > 1:
            other = rng.choice(ids)
            if other != claim.pk:
                similar.append(
                    SimilarClaim(claim=claim, other_id=other, score=round(rng.uniform(0.6, 0.9), 3))
                )
    for model, objects in (
        (Mention, mentions),
        (Quantity, quantities),
        (DateMention, dates),
        (ChecklistItem, items),
        (Evidence, evidence),
    ):
        model.objects.bulk_create(objects, batch_size=BATCH)  # type: ignore[arg-type]
    SimilarClaim.objects.bulk_create(similar, batch_size=BATCH, ignore_conflicts=True)
    return {
        "articles": len({c.article_id for c, _ in rows}),
        "claims": len(rows),
        "mentions": len(mentions),
        "quantities": len(quantities),
        "dates": len(dates),
        "checklist": len(items),
        "evidence": len(evidence),
        "similar": len(similar),
    }
