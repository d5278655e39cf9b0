"""The measuring half of `benchmarks.scale`, run in a process configured for one database."""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable


def _median_ms(run: Callable[[], object], runs: int, clock) -> float:
    for _ in range(2):
        run()
    times = []
    for _ in range(runs):
        began = clock()
        run()
        times.append((clock() - began) * 1000)
    return statistics.median(times)


def _queries(run: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        run()
    return len(ctx.captured_queries)


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]


def measure(runs: int, sample: int, clock, only: str = "") -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment
    from rest_framework.authtoken.models import Token

    from claims.api.pagination import _encode, _ordering
    from claims.models import Claim

    setup_test_environment()
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    token, _ = Token.objects.get_or_create(user=user)
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    admin = Client()
    admin.force_login(user)

    def get(client, url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return run

    rows = Claim.objects.filter(article__isnull=False)
    total = rows.count()
    ordered = Claim.objects.order_by(*Claim._meta.ordering)
    before_last = ordered[max(total - 51, 0)]
    cursor = _encode(_ordering(ordered), before_last)
    claim = rows.order_by("id")[total // 2]
    last_admin_page = min(100, (total + 49) // 50)
    ops = {
        "API claims list, first page": get(api, "/api/v1/claims/"),
        "API claims list, last page (cursor)": get(api, f"/api/v1/claims/?cursor={cursor}"),
        "API claims list, page 20 (numbered)": get(api, "/api/v1/claims/?page=20"),
        "?status=researching": get(api, "/api/v1/claims/?status=researching"),
        "?claim_type=statistic&min_checkworthiness=0.8": get(
            api, "/api/v1/claims/?claim_type=statistic&min_checkworthiness=0.8"
        ),
        "?q=health care": get(api, "/api/v1/claims/?q=health+care"),
        "?q=health care&expand=checklist,evidence,similar,mentions": get(
            api, "/api/v1/claims/?q=health+care&expand=checklist,evidence,similar,mentions"
        ),
        "claim detail": get(api, f"/api/v1/claims/{claim.pk}/"),
        "articles list": get(api, "/api/v1/articles/"),
        "admin claims changelist": get(admin, "/admin/claims/claim/"),
        "admin search (health care)": get(admin, "/admin/claims/claim/?q=health+care"),
        "admin page 100 (at 1k: the last, 20)": get(
            admin, f"/admin/claims/claim/?p={last_admin_page}"
        ),
    }
    ops = {name: run for name, run in ops.items() if only in name}
    results = {name: (_median_ms(run, runs, clock), _queries(run)) for name, run in ops.items()}
    return {
        "ops": results,
        "similar": _similar(sample, clock) if sample else None,
        "claims": total,
        "settings": {"suggest": settings.FACTCHECK["SIMILAR_SUGGEST"]},
    }


def _pairs_in_db() -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The pair set's second texts as claims (entered by hand), created once per database."""
    from benchmarks.similar_pairs import NON_PARAPHRASES, PARAPHRASES
    from claims.models import Claim

    def ensure(pairs):
        found = []
        for a, b in pairs:
            other = Claim.objects.filter(text=b, article__isnull=True).first()
            found.append((a, (other or Claim.objects.create(text=b)).pk))
        return found

    return ensure(PARAPHRASES), ensure(NON_PARAPHRASES)


def _similar(sample: int, clock) -> dict:
    from django.conf import settings

    from claims.models import Claim
    from claims.selectors import similar_candidates
    from workers import enrichment
    from workers.gather import similar_claims_many

    suggest = settings.FACTCHECK["SIMILAR_SUGGEST"]

    def bounded(text: str) -> list[tuple[int, float]]:
        return enrichment.rank_similar(text, similar_candidates(text), threshold=suggest)[:20]

    paraphrases, others = _pairs_in_db()
    ids = list(Claim.objects.filter(article__isnull=False).values_list("id", flat=True))
    chosen = random.Random(14).sample(ids, min(sample, len(ids)))
    claims = list(Claim.objects.filter(pk__in=chosen).select_related("article"))

    def timed(fn, claim) -> float:
        began = clock()
        fn(claim)
        return (clock() - began) * 1000

    def similar_claims(claim) -> list[tuple[int, float]]:
        return similar_claims_many([claim], canonicals={})[claim.pk]

    for claim in claims[:3]:
        similar_claims(claim)
    new = [timed(similar_claims, c) for c in claims]

    def found(search, pairs) -> int:
        return sum(1 for a, pk in pairs if pk in {cid for cid, _ in search(a)})

    by_text = dict(
        Claim.objects.filter(pk__in=[pk for _, pk in paraphrases]).values_list("pk", "text")
    )
    return {
        "new_median": statistics.median(new),
        "new_p90": _p90(new),
        "pairs": len(paraphrases),
        "non_pairs": len(others),
        "new_recall": found(bounded, paraphrases),
        "ceiling": sum(
            1 for a, pk in paraphrases if enrichment.similarity(a, by_text[pk]) >= suggest
        ),
        "new_false": found(bounded, others),
    }
