"""/factchecks/ routes (included by factcheck/urls.py under the "factchecks" namespace)."""

from django.urls import path, re_path
from django.views.decorators.cache import cache_control

from . import feeds, views

app_name = "factchecks"

_cached = cache_control(public=True, max_age=views.CACHE_SECONDS)

urlpatterns = [
    path("", views.factcheck_index, name="index"),
    path("feed/", _cached(feeds.FactcheckFeed()), name="feed"),
    path("feed/atom/", _cached(feeds.FactcheckAtomFeed()), name="feed-atom"),
    re_path(r"^(?P<key>[0-9]+(?:-[-a-z0-9_]*)?)/$", views.factcheck_detail, name="detail"),
]
