"""RSS and Atom feeds of the published fact-checks (django.contrib.syndication)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from claims import selectors
from claims.claimreview import claim_reviewed, public_path
from claims.models import Claim, Verdict
from claims.text import ellipsize

FEED_SIZE = 50
TITLE_MAX = 120


class FactcheckFeed(Feed):
    """The newest published fact-checks (RSS 2.0): one query."""

    description = "Published fact-checks: the claim, its verdict and why."

    def title(self) -> str:
        return f"{settings.FACTCHECK['ORGANIZATION_NAME']}: fact-checks"

    def link(self) -> str:
        return reverse("factchecks:index")

    def items(self) -> list[Claim]:
        return list(selectors.public_factcheck_list()[:FEED_SIZE])

    def item_title(self, item: Claim) -> str:
        return f"{Verdict(item.verdict).label}: {ellipsize(claim_reviewed(item), TITLE_MAX)}"

    def item_description(self, item: Claim) -> str:
        claimant = f"{item.claimant.name}: " if item.claimant else ""
        return f"{claimant}“{claim_reviewed(item)}” — {Verdict(item.verdict).label}. " + (
            item.verdict_summary
        )

    def item_link(self, item: Claim) -> str:
        return public_path(item)

    def item_pubdate(self, item: Claim) -> dt.datetime:
        return item.published_at or item.updated_at

    def item_updateddate(self, item: Claim) -> dt.datetime:
        return item.updated_at


class FactcheckAtomFeed(FactcheckFeed):
    """The same as Atom 1.0."""

    feed_type = Atom1Feed
    subtitle = FactcheckFeed.description
