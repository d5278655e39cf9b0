"""FilterSets (django-filter), one per listed resource, and the filter backend that reports bad
query parameters as a 400 `invalid-query` problem.

Orderings always end with the primary key so that pages never overlap or skip rows.
"""

from __future__ import annotations

import django_filters as filters
from django import forms
from django.db.models import Q
from django_filters.rest_framework import DjangoFilterBackend

from claims import selectors
from claims.models import (
    Attribution,
    ClaimStatus,
    ClaimType,
    EntityKind,
    JobStage,
    JobState,
    Verdict,
)
from claims.parsing.search import MAX_LENGTH, MAX_TERMS, SearchQueryError

from .errors import InvalidQuery


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not (
            set(request.query_params) & set(filterset_class.base_filters)
        ):
            return queryset  # no filter asked for: no form to build and validate
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid() and self.raise_exception:
            raise InvalidQuery(filterset.errors)
        return filterset.qs


class StableOrderingFilter(filters.OrderingFilter):
    """OrderingFilter with the primary key as the last tie-breaker."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if value:
            last_descending = value[-1].startswith("-")
            qs = qs.order_by(*qs.query.order_by, "-id" if last_descending else "id")
        return qs


class IdFilter(filters.NumberFilter):
    """A row id: a whole number (NumberFilter alone accepts 1.5)."""

    field_class = forms.IntegerField


class ClaimFilterSet(filters.FilterSet):
    # distinct=False: columns of the claim, no join that could repeat a row (django-filter's
    # default DISTINCT made the database sort every matching claim, all columns, for each page).
    status = filters.MultipleChoiceFilter(
        choices=ClaimStatus.choices,
        distinct=False,
        help_text="One or more statuses (repeat the parameter).",
    )
    verdict = filters.MultipleChoiceFilter(choices=Verdict.choices, distinct=False)
    claim_type = filters.MultipleChoiceFilter(choices=ClaimType.choices, distinct=False)
    attribution = filters.MultipleChoiceFilter(choices=Attribution.choices, distinct=False)
    claimant = IdFilter(field_name="claimant_id", help_text="Entity id.")
    article = IdFilter(field_name="article_id", help_text="Article id.")
    assignee = filters.CharFilter(
        field_name="assignee__username", help_text="Username of the assignee."
    )
    min_checkworthiness = filters.NumberFilter(
        field_name="checkworthiness", lookup_expr="gte", help_text="Score from 0 to 1."
    )
    q = filters.CharFilter(
        method="search",
        max_length=MAX_LENGTH,
        help_text="Words (any order) in the claim's text, its claimant's name or its article's "
        f'title; "a phrase" in quotes, prefix* and -excluded words; at most {MAX_TERMS} terms. '
        "Results are ranked by relevance unless `ordering` is given.",
    )
    created_after = filters.IsoDateTimeFilter(
        field_name="created_at", lookup_expr="gte", help_text="ISO 8601, inclusive."
    )
    created_before = filters.IsoDateTimeFilter(
        field_name="created_at", lookup_expr="lt", help_text="ISO 8601, exclusive."
    )
    ordering = StableOrderingFilter(
        fields=(
            ("checkworthiness", "checkworthiness"),
            ("created_at", "created_at"),
            ("updated_at", "updated_at"),
            ("priority", "priority"),
            ("due_at", "due_at"),
            ("status", "status"),
            ("id", "id"),
        ),
        help_text="Sort key; prefix with - for descending. Default: -checkworthiness.",
    )

    def search(self, queryset, name, value):
        try:
            queryset = selectors.claims_search(queryset, value, ranked=True)
        except SearchQueryError as error:
            raise InvalidQuery({"q": [str(error)]}) from error
        if not self.data.get("ordering") and "search_rank" in queryset.query.annotations:
            queryset = queryset.order_by("-search_rank", "-id")
        return queryset


class EntityFilterSet(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=EntityKind.choices)
    q = filters.CharFilter(
        method="search", max_length=200, help_text="Part of the name or of an alias."
    )

    def search(self, queryset, name, value):
        # aliases is a JSON list; matching its text form works on SQLite and PostgreSQL alike.
        return queryset.filter(Q(name__icontains=value) | Q(aliases__icontains=value))


class JobFilterSet(filters.FilterSet):
    state = filters.MultipleChoiceFilter(choices=JobState.choices)
    stage = filters.MultipleChoiceFilter(choices=JobStage.choices)
    article = IdFilter(field_name="article_id", help_text="Article id.")
    claim = IdFilter(field_name="claim_id", help_text="Claim id.")
