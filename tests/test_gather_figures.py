"""What the automated checks read for a batch at once. "Figure corroborated": other articles' claims
reporting the same figure (same unit, within 1%), at most five per figure. On PostgreSQL the
windows go to the database as arrays (one statement), elsewhere as an OR of filters: both give
the same rows. "Already checked by …": nothing read while no other desk's fact-check is imported."""

import pytest

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


def test_each_window_reads_its_first_reports_by_other_articles_oldest_first():
    """One read for every window of a batch (arrays on PostgreSQL, a query per window elsewhere):
    per window its first five reports, oldest first, none from the window's own article."""
    own = ArticleFactory()
    tens = [reports(v, article=ArticleFactory()) for v in (9.9, 10.1, 10.05, 9.95, 10.0, 9.92)]
    reports(10.0, article=own)  # the figure's own article: out
    reports(9.89, article=ArticleFactory())  # outside the window
    reports(10.0, article=None, start=None)  # no article: out
    usd = reports(250.0, unit="usd", article=ArticleFactory())
    windows = [
        ("percent", 10.0 * 0.99, 10.0 * 1.01, own.pk),
        ("usd", 250.0 * 0.99, 250.0 * 1.01, None),
    ]
    assert gather._figures_reported(windows) == [
        *[(1, c.article.title, c.text) for c in tens[:5]],
        (2, usd.article.title, usd.text),
    ]


def test_a_figure_reported_often_is_read_by_index_range_not_by_scanning_every_figure():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the plan of PostgreSQL's read")
    params = gather._figures_params([("percent", 9.9, 10.1, None)])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a table this small is read whole
        cursor.execute("EXPLAIN " + gather._FIGURES_REPORTED, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "quantity_unit_value_idx" in plan


def test_no_external_factcheck_imported_no_matches_read():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    claim = ClaimFactory()
    rows = {claim.pk: figure_rows(claim)}
    with CaptureQueriesContext(connection) as queries:
        contexts = gather.check_contexts([claim], rows)
    assert contexts[claim.pk].external_checks == ()
    assert not [q for q in queries if "claims_externalmatch" in q["sql"]]
