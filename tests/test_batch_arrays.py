"""The batch statements send each column as one array literal (`claims.services.batch.sql.array`):
PostgreSQL must read back exactly the values psycopg's own list adaptation sends."""

import datetime as dt
import math

import pytest
from django.db import connection
from psycopg.types.json import Jsonb

from claims.models import ClaimType
from claims.services.batch.sql import array

NASTY = [
    'Lopez said "we won"',
    "a \\ backslash, and \\\\ two",
    "{braces}, commas, and a NULL",
    "NULL",
    "",
    "  spaces kept  ",
    "émigré – 10 % ‘quotes’ 日本",
    "new\nline\tand tab",
    None,
    ClaimType.STATISTIC,
]
CASES = [
    ("text", NASTY),
    ("bigint", [1, -2, 0, 9_007_199_254_740_993, None]),
    ("float8", [0.1, -2.5e-12, 1e300, 3.0, math.inf, -math.inf, None]),
    ("boolean", [True, False, None]),
    ("timestamptz", [dt.datetime(2025, 5, 4, 9, 30, 1, 123456, tzinfo=dt.UTC), None]),
    ("date", [dt.date(2025, 5, 4), None]),
    ("jsonb", [Jsonb(["word 'percent' (+0.8)", 'a "quote"', {"k": 1.5}]), Jsonb([]), None]),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="array literals are PostgreSQL's")
@pytest.mark.django_db
@pytest.mark.parametrize(("cast", "values"), CASES, ids=[cast for cast, _ in CASES])
def test_an_array_literal_reads_back_as_the_list_does(cast, values):
    sent = array(values)
    assert isinstance(sent, str)  # a literal, not the list
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT %s::{cast}[], %s::{cast}[]", [sent, values])
        literal, listed = cursor.fetchone()
    assert literal == listed
    assert len(literal) == len(values)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="array literals are PostgreSQL's")
@pytest.mark.django_db
def test_not_a_number_and_an_unhandled_type():
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::float8[]", [array([math.nan])])
        assert math.isnan(cursor.fetchone()[0][0])
    unhandled = [dt.timedelta(seconds=1)]
    assert array(unhandled) is unhandled  # left to psycopg
