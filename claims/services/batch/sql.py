"""The bulk statements of the batch services: rows the machine writes many of, inserted as one
array per column (`inserted`), and rows created with their history rows in one statement
(`created_with_history`). PostgreSQL; the portable ORM paths elsewhere.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import cache
from typing import Any

from django.db import connection
from django.utils import timezone
from psycopg.types.json import Json, Jsonb
from simple_history.utils import bulk_create_with_history


@cache
def history_model(model: Any) -> Any:
    """The model's simple-history model. Cached: `model.history` builds a manager through
    `inspect.getmembers` on every access (~1 ms each, several per batch)."""
    return model.history.model


# Fields whose Python value psycopg sends as it is (no Django conversion needed per value).
_PLAIN_TYPES = frozenset(
    {
        "BooleanField", "CharField", "TextField", "FloatField", "DateTimeField", "IntegerField",
        "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
        "PositiveSmallIntegerField", "PositiveBigIntegerField", "ForeignKey",
    }
)  # fmt: skip


_FLOATS = {math.inf: "Infinity", -math.inf: "-Infinity"}


def _element(value: Any) -> str | None:
    """`value` as an element of a PostgreSQL array literal, or None for a type not handled."""
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int):
        return int.__repr__(value)  # an IntEnum's too
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else _FLOATS.get(value) or repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return '"' + value.isoformat() + '"'
    if isinstance(value, (Json, Jsonb)):
        return _element((value.dumps or json.dumps)(value.obj))
    return None


def array(values: list) -> Any:
    """`values` for a `%s::type[]` parameter: as one array literal (a string, which the client
    cursor escapes in one C call, where it dumps a list element by element in Python, ~6x the
    time: the pipeline sends thousands of elements per article), or the list itself when an
    element's type is not one handled here."""
    elements = [_element(value) for value in values]
    if None in elements:
        return values
    return "{" + ",".join(elements) + "}"  # type: ignore[arg-type]


@cache
def _layout(model: Any) -> tuple[list, list[bool], str, list[str]]:
    """The model's non-pk fields, whether each is plain (sent as it is), their quoted column
    list and each array's cast. Cached per model: asking each field its database type went
    through Django's type machinery on every batch statement (a tenth of the pipeline's own
    Python per article)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    plain = [f.get_internal_type() in _PLAIN_TYPES for f in fields]
    quote = connection.ops.quote_name
    casts = [f"%s::{f.db_type(connection).split('(')[0]}[]" for f in fields]
    return fields, plain, ", ".join(quote(f.column) for f in fields), casts


def _columns(objs: list, model: Any) -> tuple[list, str, list[str]]:
    """The non-pk fields, their quoted column list and one array per column with each array's
    cast, for an INSERT … SELECT * FROM unnest(…): values taken as they are for plain fields
    (psycopg sends them), through Django's preparation for the others (JSON)."""
    fields, plain, columns, casts = _layout(model)
    arrays = []
    as_dicts = bool(objs) and isinstance(objs[0], dict)
    for field, is_plain in zip(fields, plain, strict=True):
        if as_dicts:  # rows as {attname: value}, defaults for the rest
            default = field.get_default()
            values = [obj.get(field.attname, default) for obj in objs]
        else:
            values = [field.pre_save(obj, True) for obj in objs]  # auto_now(_add) set
        if not is_plain:
            values = [field.get_db_prep_save(value, connection) for value in values]
        arrays.append(array(values))
    return arrays, columns, list(casts)


def inserted(*tables: tuple[Any, list]) -> None:
    """`bulk_create` of each (model, rows) for rows the machine writes many of (mentions,
    quantities, similar claims, events), without their pks: on PostgreSQL one statement for all
    of them, one INSERT of one array per column each. A row is a model instance, or a dict of
    its fields' attnames (no instance built: a wire story's similar claims are thousands)."""
    tables = tuple((model, rows) for model, rows in tables if rows)
    if not tables:
        return
    if connection.vendor != "postgresql":
        for model, rows in tables:
            model.objects.bulk_create([model(**r) if isinstance(r, dict) else r for r in rows])
        return
    sql, params = inserted_statement(*tables)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def inserted_statement(*tables: tuple[Any, list]) -> tuple[str, list]:
    """`inserted`'s one statement and its parameters (PostgreSQL), for a caller that sends more
    with it; tables without rows are left out (at least one must have rows)."""
    statements, params = [], []
    for model, rows in tables:
        if not rows:
            continue
        arrays, columns, casts = _columns(rows, model)
        statements.append(
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
            f"SELECT * FROM unnest({', '.join(casts)})"
        )
        params += arrays
    # All but the last as data-modifying CTEs: PostgreSQL runs each once, referenced or not.
    ctes = ", ".join(f"i{n} AS ({each})" for n, each in enumerate(statements[:-1]))
    return (f"WITH {ctes} " if ctes else "") + statements[-1], params


def created_with_history(objs: list, model: Any) -> None:
    """`bulk_create_with_history` for rows the machine creates (no user, no change reason). On
    PostgreSQL the rows and their history rows are written by one statement: the rows go in as
    one array per column and the history rows are copied from what the insert returns. Sets
    each object's pk."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        bulk_create_with_history(objs, model)
        return
    quote = connection.ops.quote_name
    arrays, columns, casts = _columns(objs, model)
    history = history_model(model)
    pk = quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH new AS (INSERT INTO {quote(model._meta.db_table)} ({columns}) "
            f"SELECT * FROM unnest({', '.join(casts)}) RETURNING {pk}, {columns}) "
            f"INSERT INTO {quote(history._meta.db_table)} ({pk}, {columns}, history_date, "
            "history_change_reason, history_type, history_user_id) "
            f"SELECT {pk}, {columns}, %s, NULL, '+', NULL FROM new ORDER BY {pk} RETURNING {pk}",
            [*arrays, timezone.now()],
        )
        ids = sorted(row[0] for row in cursor.fetchall())
    # One statement's rows take their ids from the sequence in the order they are inserted.
    for obj, pk_value in zip(objs, ids, strict=True):
        obj.pk = pk_value
        obj._state.adding = False
        obj._state.db = connection.alias
