"""The changelist's paginator.

- An unfiltered list of a large table shows PostgreSQL's estimate of its size instead of counting
  every row on every page (`selectors.count_estimate`).
- A deep or filtered page is read in two steps: the page's ids first, off the ordering's index
  without the rows' annotations, then those rows with them. In one query PostgreSQL computes the
  annotations (the checklist counts) for every row it skips or sorts, not only the page's.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from claims.selectors import count_estimate


class EstimatedCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        estimate = count_estimate(self.object_list)  # type: ignore[arg-type]
        return estimate if estimate is not None else super().count

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        queryset = self.object_list
        if bottom == 0 and not queryset.query.where:  # type: ignore[attr-defined]
            return super().page(number)
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(queryset.values_list("pk", flat=True)[bottom:top])  # type: ignore[attr-defined]
        rows = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()}  # type: ignore[attr-defined]
        page = [rows[pk] for pk in ids if pk in rows]
        return self._get_page(page, number, self)  # type: ignore[attr-defined]
