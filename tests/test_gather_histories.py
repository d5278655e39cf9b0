"""The automated check "the claimant's history" reads, for a batch at once: each claim's own
claimant's earlier claims in other articles about the same entities, newest first, at most ten."""

import pytest

from claims.models import EntityKind, Mention
from workers import gather, histories

from .factories import ClaimFactory, EntityFactory

pytestmark = pytest.mark.django_db


def said(claimant, entity, **kwargs):
    claim = ClaimFactory(claimant=claimant, **kwargs)
    Mention.objects.create(claim=claim, entity=entity, text=entity.name, start=0, end=1)
    return claim


def test_each_claim_gets_its_own_claimants_earlier_claims_newest_first_at_most_ten():
    lopez, hardy = EntityFactory(name="Maria Lopez"), EntityFactory(name="Tom Hardy")
    kenya = EntityFactory(kind=EntityKind.PLACE, name="Kenya")
    by_lopez = [said(lopez, kenya) for _ in range(12)]
    by_hardy = [said(hardy, kenya) for _ in range(2)]
    in_its_article = said(lopez, kenya)  # the newest by Lopez, but in the article checked now
    now = [said(lopez, kenya, article=in_its_article.article, start=5), said(hardy, kenya)]
    rows = {
        c.pk: gather.ClaimRows(dates=(), quantities=(), entity_ids=frozenset({kenya.pk}))
        for c in now
    }
    found = histories.claimant_histories(now, rows)
    newest_first = sorted(by_lopez, key=lambda c: (c.created_at, c.pk), reverse=True)
    assert [pk for pk, _ in found[now[0].pk]] == [c.pk for c in newest_first][:10]
    assert [pk for pk, _ in found[now[1].pk]] == [c.pk for c in reversed(by_hardy)]
