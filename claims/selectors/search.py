"""Searching claims, and finding the claims that say much the same as a text.

`claims_search()` is the one claim search of the API's `q` and of the admin's search box. On
PostgreSQL it is full-text search on `claims_claim.search`, a tsvector kept by a trigger
(migration 0010) over the claim's text (weight A), its claimant's name (B) and its article's title
(C), GIN-indexed: words in any order (English stemming: "tariffs" finds "tariff"), "quoted
phrases", `prefix*` and `-excluded` terms, ranked by `ts_rank`. On SQLite (the embedded `make run`)
each term is a case-insensitive substring of one of the three.

`similar_candidates()` is the bounded candidate search behind similar-claim suggestions (and any
other "does this text say the same as something we track" question): PostgreSQL's trigram index
with a per-query threshold and a limit, the candidates then re-ranked by the caller with
`workers.enrichment.rank_similar` (rapidfuzz).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import BooleanField, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL

from claims.models import Claim
from claims.parsing.search import Term, parse_search

CONFIG = "english"
# The trigram similarity a candidate needs (pg_trgm's `%`, 0..1). pg_trgm's default, 0.3, let the
# index return 7,000-44,000 candidates per claim at 100,000 claims; at 0.45 it returns a few
# dozen, and keeps every pair of the paraphrase set that rapidfuzz scores at or above the
# suggestion threshold (benchmarks/test_scale_bench.py measures both).
TRIGRAM_THRESHOLD = 0.45
CANDIDATE_LIMIT = 200


def _tsquery(term: Term) -> tuple[str, list[str]]:
    if term.prefix:
        sql, params = f"to_tsquery('{CONFIG}', %s)", [term.text.lower() + ":*"]
    else:  # the same parser as the stored vector, so "450,000" or "U.S." match as stored
        sql, params = f"phraseto_tsquery('{CONFIG}', %s)", [term.text]
    return (f"!!{sql}" if term.negated else sql), params


def search_query(terms: Iterable[Term]) -> tuple[str, list[str]]:
    """The tsquery SQL (and its parameters) that matches every term."""
    parts = [_tsquery(term) for term in terms]
    sql = " && ".join(part for part, _ in parts) or "''::tsquery"
    return f"({sql})", [param for _, params in parts for param in params]


def claims_search(
    queryset: QuerySet[Claim], value: str, *, strict: bool = True, ranked: bool = False
) -> QuerySet[Claim]:
    """`queryset` narrowed to the claims matching every term of `value` (see the module).
    `ranked`: annotated with `search_rank` (0 on SQLite). Too many terms or characters:
    `SearchQueryError` when `strict`, else the search is cut to its bounds."""
    terms = parse_search(value, strict=strict)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        query, params = search_query(terms)
        matches = RawSQL(f'"claims_claim"."search" @@ {query}', params, BooleanField())
        queryset = queryset.filter(matches)
        if ranked:
            # float8: a real (float4) would reach Python rounded, and a cursor page compares it
            rank = RawSQL(
                f'ts_rank("claims_claim"."search", {query})::float8', params, FloatField()
            )
            queryset = queryset.annotate(search_rank=rank)
        return queryset
    for term in terms:
        found = (
            Q(text__icontains=term.text)
            | Q(claimant__name__icontains=term.text)
            | Q(article__title__icontains=term.text)
        )
        queryset = queryset.exclude(found) if term.negated else queryset.filter(found)
    if ranked:
        queryset = queryset.annotate(search_rank=RawSQL("0.0", [], FloatField()))
    return queryset


@contextmanager
def trigram_threshold(threshold: float = TRIGRAM_THRESHOLD) -> Iterator[None]:
    """PostgreSQL: `text % …` inside the block uses `pg_trgm.similarity_threshold` = `threshold`,
    so the trigram index itself prunes what shares too few trigrams; the caller's own value is
    put back after (SET LOCAL lasts to the end of the outermost transaction, not of a savepoint)."""
    with transaction.atomic(), connection.cursor() as cursor:
        # show_limit() first: it loads pg_trgm, whose setting does not exist before
        cursor.execute(
            "SELECT show_limit()::text, set_config('pg_trgm.similarity_threshold', %s, true)",
            [str(threshold)],
        )
        (previous, _) = cursor.fetchone()
        try:
            yield
        finally:
            cursor.execute(
                "SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [previous]
            )


def similar_candidates(
    text: str,
    *,
    exclude_claim: int | None = None,
    exclude_article: int | None = None,
    threshold: float = TRIGRAM_THRESHOLD,
    limit: int = CANDIDATE_LIMIT,
    queryset: QuerySet[Claim] | None = None,
    canonicals: Iterable[str] = (),
) -> list[tuple[int, str]]:
    """(id, text) of tracked claims whose text may say the same as `text`, most similar first,
    at most `limit`: to be re-ranked with `workers.enrichment.rank_similar`.

    PostgreSQL: the trigram GIN index answers `text % …` with `pg_trgm.similarity_threshold` set
    to `threshold` for this query only (set locally, then put back), so the index itself prunes
    what shares too few trigrams; the best `limit` by trigram similarity are returned. SQLite
    (no trigram index): the most recent `limit` claims naming one of the entities `canonicals`,
    plus the most recent ones.
    `queryset` narrows where to look (default: every claim)."""
    others = Claim.objects.all() if queryset is None else queryset
    if exclude_claim is not None:
        others = others.exclude(pk=exclude_claim)
    if exclude_article is not None:
        others = others.exclude(article_id=exclude_article)
    if connection.vendor == "postgresql":
        rows = (
            others.filter(text__trigram_similar=text)
            .annotate(trigram=RawSQL("similarity(claims_claim.text, %s)", [text], FloatField()))
            .order_by("-trigram", "-id")
            .values_list("id", "text")[:limit]
        )
        with trigram_threshold(threshold):
            return list(rows)
    sharing = others.filter(mentions__entity__name__in=set(canonicals)).distinct()
    pool = list(sharing.order_by("-id").values_list("id", "text")[:limit]) if canonicals else []
    pool += list(others.order_by("-id").values_list("id", "text")[:limit])
    return list(dict(pool).items())
