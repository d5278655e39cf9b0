"""Template tags of the review desk: badges, shortened texts, and the dashboard on the admin
index."""

from django import template

from claims.admin import display
from claims.selectors import dashboard_for
from claims.text import ellipsize as _ellipsize

register = template.Library()


@register.filter
def status_badge(status: str):
    return display.status_badge(status)


@register.filter
def verdict_badge(verdict: str):
    return display.verdict_badge(verdict)


@register.filter
def state_badge(state: str):
    return display.state_badge(state)


@register.filter
def ellipsize(text: str, limit: int):
    """`{{ claim.text|ellipsize:90 }}`: cut at a word, with an ellipsis (`claims.text`)."""
    return _ellipsize(text or "", int(limit))


@register.inclusion_tag("admin/desk/dashboard.html", takes_context=True)
def desk_dashboard(context):
    """The desk at a glance for the user looking at the admin index."""
    user = context["request"].user
    if not user.has_perm("claims.view_claim"):
        return {"board": None}
    show_jobs = user.has_perm("claims.view_job")
    return {"board": dashboard_for(user=user, show_jobs=show_jobs), "show_jobs": show_jobs}
