"""The changelist's paginator: an unfiltered list of a large table shows PostgreSQL's estimate of
its size instead of counting every row on every page (`selectors.count_estimate`)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from claims.selectors import count_estimate


class EstimatedCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        estimate = count_estimate(self.object_list)  # type: ignore[arg-type]
        return estimate if estimate is not None else super().count
