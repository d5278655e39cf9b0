"""What the automated checks read for a batch at once. "Figure corroborated": other articles' claims
reporting the same figure (same unit, within 1%), at most five per figure. On PostgreSQL the
windows go to the database as arrays (one statement), elsewhere as an OR of filters: both give
the same rows. "Already checked by …": nothing read while no other desk's fact-check is imported."""

import pytest
from django.db.models import Q

from claims.models import Quantity
from workers import gather

from .factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def reports(value, unit="percent", **kwargs):
    claim = ClaimFactory(**kwargs)
    Quantity.objects.create(
        claim=claim, text=f"{value} {unit}", value=value, unit=unit, start=0, end=1
    )
    return claim


def figure_rows(claim, *figures):
    return gather.ClaimRows(
        dates=(), quantities=tuple((f"{v}", v, u, "") for v, u in figures), entity_ids=frozenset()
    )


def test_other_articles_reporting_the_figure_within_one_percent_same_unit_only():
    checked = ClaimFactory()
    near = reports(10.05)  # within 1% of 10
    edge = reports(10.0 * 1.01)  # on the window's edge: in
    reports(10.2)  # 2% off: out
    reports(10.0, unit="usd")  # another unit: out
    reports(10.0, article=checked.article, start=7, end=9)  # the checked claim's own article: out
    reports(10.0, article=None, start=None)  # no article: out
    found = gather._corroborations([checked], {checked.pk: figure_rows(checked, (10.0, "percent"))})
    assert found[checked.pk] == [(c.article.title, c.text) for c in (near, edge)]


def test_at_most_five_per_figure():
    checked = ClaimFactory()
    for _ in range(7):
        reports(3.0)
    found = gather._corroborations([checked], {checked.pk: figure_rows(checked, (3.0, "percent"))})
    assert len(found[checked.pk]) == 5


def test_the_windows_read_the_same_rows_as_the_filters():
    for value, unit in [(9.9, "percent"), (10.1, "percent"), (9.89, "percent"), (250.0, "usd")]:
        reports(value, unit=unit, article=ArticleFactory())
    reports(10.0, article=None, start=None)
    windows = [("percent", 10.0 * 0.99, 10.0 * 1.01), ("usd", 250.0 * 0.99, 250.0 * 1.01)]
    ranges = Q()
    for unit, low, high in windows:
        ranges |= Q(unit=unit, value__gte=low, value__lte=high)
    expected = list(
        Quantity.objects.filter(ranges, claim__article__isnull=False)
        .order_by("claim_id", "start")
        .values_list("unit", "value", "claim__article_id", "claim__article__title", "claim__text")
    )
    assert len(expected) == 3
    assert list(gather._figures_reported(windows, limit=50)) == expected
    assert list(gather._figures_reported(windows, limit=2)) == expected[:2]


def test_no_external_factcheck_imported_no_matches_read():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    claim = ClaimFactory()
    rows = {claim.pk: figure_rows(claim)}
    with CaptureQueriesContext(connection) as queries:
        contexts = gather.check_contexts([claim], rows)
    assert contexts[claim.pk].external_checks == ()
    assert not [q for q in queries if "claims_externalmatch" in q["sql"]]
