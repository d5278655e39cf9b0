"""Reads sent to the database together: a stage's independent reads (the automated checks'
corroborating figures, claimant histories and similar claims) as one round trip instead of one
each. Under load every round trip waits for the database process to be scheduled and then for
the worker to be scheduled again: a few milliseconds each that no CPU is spent on.

PostgreSQL with client-side binding (Django's default) takes several statements in one query
and returns one result set per statement; anywhere else each read runs on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection


@dataclass
class Reads:
    """Statements, each with its parameters and what to do with its rows, run by `run()`."""

    pending: list[tuple[str, list, Callable[[list[tuple]], object]]] = field(default_factory=list)

    def add(self, sql: str, params: list, then: Callable[[list[tuple]], object]) -> None:
        self.pending.append((sql, params, then))

    def run(self) -> None:
        pending, self.pending = self.pending, []
        if not pending:
            return
        together = connection.vendor == "postgresql" and not connection.settings_dict.get(
            "OPTIONS", {}
        ).get("server_side_binding")
        with connection.cursor() as cursor:
            if not together or len(pending) == 1:
                for sql, params, then in pending:
                    cursor.execute(sql, params)
                    then(cursor.fetchall())
                return
            cursor.execute(
                ";\n".join(sql.strip().rstrip(";") for sql, _, _ in pending),
                [param for _, params, _ in pending for param in params],
            )
            for n, (_, _, then) in enumerate(pending):
                if n:
                    cursor.nextset()
                then(cursor.fetchall())
