"""Pagination.

`PageNumberPagination`: `page` and `page_size` (default 50, at most 200), with a `count`; the
articles, entities, jobs, checklist, evidence, history and ClaimReview lists.

`ClaimPagination` (the claims list, API 1.1): keyset ("cursor") pages. A page is read off an index
from where the previous one ended, so page 2,000 costs what page 1 costs; there is no `count`
(counting every matching claim is the scan this avoids). `next` carries an opaque `cursor`; the
last page has `next: null`. `page` still works for the first `MAX_PAGE` pages, answered as before
(`count`, `next`, `previous`), and `next` from the last of them is a cursor link.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import json
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, F, Q, QuerySet
from django.db.models.expressions import OrderBy, RawSQL
from django.db.models.sql.where import WhereNode
from django.utils.functional import cached_property
from rest_framework import pagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from claims import selectors

from .errors import InvalidQuery


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class _ClaimPaginator(Paginator):
    """Numbered claim pages (API 1.0): an unfiltered list is counted as the admin counts it
    (exactly up to 10,000 claims, PostgreSQL's estimate beyond: `selectors.count_estimate`),
    and a page's rows are chosen by id first (`_ids_first`), so that the counts of its parts
    are computed for its rows only, not for every row the offset skips."""

    object_list: QuerySet

    @cached_property
    def count(self) -> int:
        estimate = selectors.count_estimate(self.object_list)
        return estimate if estimate is not None else super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = (
            list(_ids_first(self.object_list, bottom, top)[: top - bottom]) if top > bottom else []
        )
        return self._get_page(rows, number, self)  # type: ignore[attr-defined]


class ClaimPagination(PageNumberPagination):
    cursor_query_param = "cursor"
    MAX_PAGE = 20
    django_paginator_class = _ClaimPaginator

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.keyset = self.page_query_param not in request.query_params
        self.ordering = _ordering(queryset)
        queryset = queryset.order_by(*(key.expression() for key in self.ordering))
        if not self.keyset:
            number = request.query_params.get(self.page_query_param, "")
            if number.isdigit() and int(number) > self.MAX_PAGE:
                raise InvalidQuery(
                    {"page": [f"`page` goes up to {self.MAX_PAGE}: follow the `next` links."]}
                )
            numbered: list | None = super().paginate_queryset(queryset, request, view)
            self.last = numbered[-1] if numbered else None
            return numbered
        size = self.get_page_size(request) or self.page_size
        raw = request.query_params.get(self.cursor_query_param)
        if raw:
            queryset = queryset.filter(_after(self.ordering, _decode(raw, self.ordering)))
        if not _index_ordered(queryset.model, self.ordering):
            queryset = _ids_first(queryset, 0, size + 1)
        rows: list = list(queryset[: size + 1])
        self.more = len(rows) > size
        rows = rows[:size]
        self.last = rows[-1] if rows else None
        return rows

    def _cursor_link(self) -> str | None:
        if self.last is None:
            return None
        assert self.request is not None
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return replace_query_param(url, self.cursor_query_param, _encode(self.ordering, self.last))

    def get_next_link(self):
        if self.keyset:
            return self._cursor_link() if self.more else None
        assert self.page is not None
        if self.page.has_next() and self.page.number >= self.MAX_PAGE:
            return self._cursor_link()  # past the last numbered page: a cursor
        return super().get_next_link()

    def get_paginated_response(self, data):
        if not self.keyset:
            return super().get_paginated_response(data)
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": "Only with `page` (the first pages, as in API 1.0).",
                },
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "Only with `page`.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["description"] = (
                    f"Page number, up to {self.MAX_PAGE} (API 1.0 pages, with `count`). "
                    "Without it, pages are cursor pages: follow `next`."
                )
        cursor = {
            "name": self.cursor_query_param,
            "required": False,
            "in": "query",
            "description": "Where the page starts: the opaque value of a `next` link.",
            "schema": {"type": "string"},
        }
        return [*parameters, cursor]


class _Key:
    """One key of the list's order: a field or an annotation, its direction, and whether it can
    be null (nulls always sort last, on PostgreSQL and SQLite alike)."""

    def __init__(self, name: str, descending: bool, field: Any) -> None:
        self.name, self.descending, self.field = name, descending, field
        self.nullable = field is None or field.null
        self.model_table = field.model._meta.db_table if field is not None else ""

    def expression(self) -> OrderBy:
        # NULLS LAST only where there can be nulls: a plain order matches the indexes.
        nulls_last = True if self.nullable else None
        column = F(self.name)
        return (
            column.desc(nulls_last=nulls_last)
            if self.descending
            else column.asc(nulls_last=nulls_last)
        )

    def value(self, row) -> Any:
        """The key's value in `row`: a model instance or a `.values()` dict."""
        name = self.field.attname if self.field is not None else self.name
        value = row[name] if isinstance(row, dict) else getattr(row, name)
        return value.isoformat() if isinstance(value, dt.datetime | dt.date) else value

    def parse(self, value: Any) -> Any:
        if value is None or self.field is None:
            if value is not None and not isinstance(value, int | float):
                raise ValidationError("not a number")
            return value
        return self.field.to_python(value)


def _ordering(queryset: QuerySet) -> list[_Key]:
    names = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    keys = []
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"keyset pages need plain field names to order by, not {name!r}")
        bare = name.lstrip("-")
        try:
            field = queryset.model._meta.get_field(bare)
        except FieldDoesNotExist:
            field = None  # an annotation (the search's rank)
        keys.append(_Key(bare if bare != "pk" else "id", name.startswith("-"), field))
    if keys[-1].name != "id":
        keys.append(_Key("id", bool(keys) and keys[-1].descending, queryset.model._meta.pk))
    return keys


def _index_ordered(model, ordering: list[_Key]) -> bool:
    """Whether `ordering` is the model's default order (`Meta.ordering`, which an index serves:
    the database walks it and stops after a page)."""
    return [(k.name, k.descending) for k in ordering] == _default_order(model)


@functools.cache
def _default_order(model) -> list[tuple[str, bool]]:
    return [
        (k.name, k.descending) for k in _ordering(model.objects.order_by(*model._meta.ordering))
    ]


def _ids_first(queryset: QuerySet, start: int, stop: int) -> QuerySet:
    """`queryset` narrowed to the ids of its rows `start:stop`, chosen by a query on its own
    table with its filters and order but without its joins and computed columns. Another order
    (the search's rank, a sort key without an index) sorts every matching row: alone, with
    nothing but the order's columns, rather than joined to the claimant and assignee, each
    with its correlated counts (at 100k claims, 4,700 matches of `health care`: 3 ms instead of
    14). Compiled on its own and embedded as SQL: RawSQL filters such as the search's name the
    table itself, which a Django subquery would rename."""
    sql, params = queryset.values("pk")[start:stop].query.sql_with_params()
    rows = queryset.all()
    # Its filters are the subquery's: repeated outside they would only make the planner expect
    # one row of the page's (and join the claimant by scanning the entities for each).
    rows.query.where = WhereNode()
    return rows.filter(pk__in=RawSQL(sql, params))


def _encode(ordering: list[_Key], row) -> str:
    values = json.dumps([key.value(row) for key in ordering], separators=(",", ":"))
    return base64.urlsafe_b64encode(values.encode()).decode().rstrip("=")


def _decode(raw: str, ordering: list[_Key]) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if not isinstance(values, list) or len(values) != len(ordering):
            raise ValueError
        return [key.parse(value) for key, value in zip(ordering, values, strict=True)]
    except (ValueError, TypeError, binascii.Error, ValidationError) as error:
        raise InvalidQuery(
            {"cursor": ["Not a cursor of this list: use the `next` link as given."]}
        ) from error


def _after(ordering: list[_Key], values: list[Any]) -> Q | RawSQL:
    """Rows after `values` in `ordering` (nulls last). Keys of one direction that cannot be null
    (the default order): a row comparison, which the database answers from the matching index.
    Otherwise the first key at or past its value (a range the index starts from), then key by
    key."""
    if (
        len({key.descending for key in ordering}) == 1
        and all(key.field is not None and not key.nullable for key in ordering)
        and None not in values
    ):
        columns = ", ".join(f'"{key.model_table}"."{key.field.column}"' for key in ordering)
        marks = ", ".join(["%s"] * len(values))
        operator = "<" if ordering[0].descending else ">"
        params = [  # as the database stores them (SQLite compares datetimes as text)
            key.field.get_db_prep_value(value, connection)
            for key, value in zip(ordering, values, strict=True)
        ]
        return RawSQL(f"({columns}) {operator} ({marks})", params, BooleanField())
    after = Q(pk__in=[])
    equal = Q()
    for key, value in zip(ordering, values, strict=True):
        if value is not None:
            beyond = Q(**{f"{key.name}__{'lt' if key.descending else 'gt'}": value})
            if key.nullable:
                beyond |= Q(**{f"{key.name}__isnull": True})
            after |= equal & beyond
            equal &= Q(**{key.name: value})
        else:
            equal &= Q(**{f"{key.name}__isnull": True})
    first, value = ordering[0], values[0]
    if value is None:
        start = Q(**{f"{first.name}__isnull": True})
    else:
        start = Q(**{f"{first.name}__{'lte' if first.descending else 'gte'}": value})
        if first.nullable:
            start |= Q(**{f"{first.name}__isnull": True})
    return start & after
