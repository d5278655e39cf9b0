"""The claim changelist's sidebar filters: the questions an editor asks of the desk."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from claims import roles
from claims.admin_queries import OPEN_STATUSES, claims_with_open_required
from claims.models import Article, Claim, ClaimStatus, Verdict


def desk_users():
    """People who can work claims: active staff with a desk role, and superusers."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__name__in=[roles.FACT_CHECKER, roles.EDITOR]) | Q(is_superuser=True))
        .distinct()
        .order_by("username")
    )


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", "Open (not published or dismissed)"), *ClaimStatus.choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "open":
            return queryset.filter(status__in=OPEN_STATUSES)
        if value in ClaimStatus.values:
            return queryset.filter(status=value)
        return queryset


class VerdictFilter(admin.SimpleListFilter):
    title = "verdict"
    parameter_name = "verdict"

    def lookups(self, request, model_admin):
        return [("none", "No verdict yet"), *Verdict.choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(verdict="")
        if value in Verdict.values:
            return queryset.filter(verdict=value)
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        people = [(str(user.pk), user.get_username()) for user in desk_users()]
        return [("me", "Assigned to me"), ("none", "Unassigned"), *people]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "me":
            return queryset.filter(assignee=request.user)
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        if value and value.isdigit():
            return queryset.filter(assignee_id=int(value))
        return queryset


# Bands of check-worthiness, highest first: (value, label, lower bound, upper bound).
WORTHINESS_BANDS = (
    ("high", "High (0.8 and above)", 0.8, None),
    ("medium", "Medium (0.5 to 0.8)", 0.5, 0.8),
    ("low", "Low (below 0.5)", None, 0.5),
)


class CheckworthinessFilter(admin.SimpleListFilter):
    title = "check-worthiness"
    parameter_name = "worthiness"

    def lookups(self, request, model_admin):
        return [(value, label) for value, label, _, _ in WORTHINESS_BANDS]

    def queryset(self, request, queryset):
        for value, _, low, high in WORTHINESS_BANDS:
            if self.value() == value:
                if low is not None:
                    queryset = queryset.filter(checkworthiness__gte=low)
                if high is not None:
                    queryset = queryset.filter(checkworthiness__lt=high)
        return queryset


class ArticleFilter(admin.SimpleListFilter):
    """The most recent articles that have claims (a long list would bury the sidebar); any other
    article is reached from its own page, which links here with `?article=<id>`."""

    title = "article"
    parameter_name = "article"
    recent = 10

    def lookups(self, request, model_admin):
        with_claims = Exists(Claim.objects.filter(article=OuterRef("pk")))
        recent = Article.objects.filter(with_claims).order_by("-published_at", "-pk")
        selected = self.value()
        if selected and selected.isdigit():
            recent = recent.filter(pk__in=recent[: self.recent].values("pk")) | recent.filter(
                pk=int(selected)
            )
        else:
            recent = recent[: self.recent]
        return [(str(a.pk), _short(a.title)) for a in recent.only("pk", "title")]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(article_id=int(value))
        return queryset


class OpenRequiredFilter(admin.SimpleListFilter):
    title = "required checklist items"
    parameter_name = "open_items"

    def lookups(self, request, model_admin):
        return [("yes", "Some still open"), ("no", "All worked")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return claims_with_open_required(queryset, value=self.value() == "yes")
        return queryset


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
