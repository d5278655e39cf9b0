"""What the claim stages read, gathered from the database for a batch of claims at once and
handed to the pure modules as plain values: the claims with their rows prefetched, similar-claim
candidates, and the automated checks' context (corroborating figures, the claimant's history) in
one query each for the whole batch rather than one per claim or per figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from claims import selectors
from claims.models import Claim, Quantity, SimilarClaim, SimilarityDecision

from . import checklists, enrichment
from .histories import claimant_histories
from .reads import Reads

CORROBORATIONS_PER_FIGURE = 5


def claims_for_enrichment(claim_ids) -> list[Claim]:
    """The claims with their article and claimant: enough for their checklists too (`ClaimRows`
    stands for the rows enrichment writes)."""
    return list(Claim.objects.filter(pk__in=list(claim_ids)).select_related("article", "claimant"))


@dataclass(frozen=True)
class ClaimRows:
    """A claim's enrichment rows as its checks read them: dates (text, value), quantities (text,
    value, unit, bound) in the order of their start, and the entities it mentions."""

    dates: tuple[tuple[str, str], ...]
    quantities: tuple[tuple[str, float, str, str], ...]
    entity_ids: frozenset[int]


def rows_read(claim: Claim) -> ClaimRows:
    """A claim's rows, from its prefetched relations (`claims_for_checklists`)."""
    return ClaimRows(
        dates=tuple((d.text, d.value) for d in claim.dates.all()),
        quantities=tuple((q.text, q.value, q.unit, q.bound) for q in claim.quantities.all()),
        entity_ids=frozenset(m.entity_id for m in claim.mentions.all()),
    )


def rows_written(found: enrichment.Enrichment, entity_ids) -> ClaimRows:
    """The rows the enrichment service has just written for `found` (the same cuts and values a
    read back would give), so the same run's checklists need not read them back."""
    by_start = sorted(found.dates, key=lambda d: d.start)
    figures = sorted(found.quantities, key=lambda q: q.start)
    return ClaimRows(
        dates=tuple((d.text[:200], str(d.value)) for d in by_start),
        quantities=tuple((q.text[:300], float(q.value), q.unit[:64], q.bound) for q in figures),
        entity_ids=frozenset(entity_ids),
    )


# Each claim's candidates, all claims in one query: the per-claim search's rule
# (claims.selectors.similar_candidates: its tsquery on the full-text index, its preselection by
# the words held, its trigram threshold, its limit) in a lateral join. A stored claim's trigram
# set is read, not built again (a third of the claim's share of the query). `OFFSET 0` keeps the
# planner from inlining a subquery's expression where it is used: without it each claim's
# lexemes were found twice (the two tsqueries), its tsquery built twice (the match and the
# rank) and the trigram similarity, the costliest part, computed twice per candidate kept (the
# threshold and the order).
_CANDIDATE_POOLS = f"""
WITH frequencies AS MATERIALIZED (SELECT * FROM {selectors.LEXEME_FREQUENCIES} AS f)
SELECT t.n, c.id, c.text
FROM unnest(%s::text[], %s::bigint[], %s::bigint[])
    WITH ORDINALITY AS t(text, claim_id, article_id, n)
CROSS JOIN LATERAL (
    SELECT {selectors.text_lexemes("t.text")} AS lexemes, coalesce(
        (SELECT trigrams FROM claims_claim WHERE id = t.claim_id AND text = t.text),
        claims_text_trigrams(t.text)
    ) AS trigrams
    OFFSET 0
) AS l
CROSS JOIN LATERAL (
    SELECT {selectors.candidate_tsquery("l.lexemes", "frequencies")} AS query,
        {selectors.words_tsquery("l.lexemes")} AS words
    OFFSET 0
) AS q
CROSS JOIN LATERAL (
    SELECT id, text FROM (
        SELECT id, text, {selectors.trigram_similarity("shared.trigrams", "l.trigrams")} AS trigram
        FROM (
            SELECT id, text, trigrams FROM claims_claim
            WHERE search @@ q.query AND id <> t.claim_id
              AND (t.article_id IS NULL OR article_id IS DISTINCT FROM t.article_id)
            ORDER BY ts_rank(search, q.words, {selectors.WORDS_RANK_NORMALISATION}) DESC, id DESC
            LIMIT %s
        ) AS shared OFFSET 0
    ) AS scored
    WHERE trigram >= %s
    ORDER BY trigram DESC, id DESC LIMIT %s
) AS c
"""


def similar_claims_many(
    claims: list[Claim], *, canonicals: dict[int, set[str]]
) -> dict[int, list[tuple[int, float]]]:
    """Claims already tracked that say much the same as each claim of a batch: (id, score) best
    first, at or above the suggestion threshold. Candidates: the per-claim search's rule
    (PostgreSQL's full-text index, every claim in one query) or, on SQLite, its fallback (claims
    naming the same entities plus the most recent ones); rapidfuzz ranks."""
    if not claims:
        return {}
    if connection.vendor == "postgresql":
        pools = _candidate_pools(claims)
    else:  # no full-text index: the per-claim search's fallback (claims naming the same entities)
        pools = {
            c.pk: dict(
                selectors.similar_candidates(
                    c.text,
                    exclude_claim=c.pk,
                    exclude_article=c.article_id,
                    canonicals=canonicals.get(c.pk, ()),
                )
            )
            for c in claims
        }
    threshold = settings.FACTCHECK["SIMILAR_SUGGEST"]
    return {
        c.pk: enrichment.rank_similar(c.text, pools[c.pk].items(), threshold=threshold)[:20]
        for c in claims
    }


def _candidate_pools(claims: list[Claim]) -> dict[int, dict[int, str]]:
    pools: dict[int, dict[int, str]] = {c.pk: {} for c in claims}
    with connection.cursor() as cursor:
        cursor.execute(
            _CANDIDATE_POOLS,
            [
                [c.text for c in claims],
                [c.pk for c in claims],
                [c.article_id for c in claims],
                selectors.PRESELECT,
                selectors.TRIGRAM_THRESHOLD,
                selectors.CANDIDATE_LIMIT,
            ],
        )
        for n, pk, text in cursor.fetchall():
            pools[claims[n - 1].pk][pk] = text
    return pools


def claims_for_checklists(claim_ids) -> list[Claim]:
    """The claims with everything their checklist and its automated checks read, prefetched."""
    return list(
        Claim.objects.filter(pk__in=list(claim_ids))
        .select_related("article", "claimant")
        .prefetch_related(
            "quantities",
            "dates",
            "mentions",
            "checklist",
        )
    )


def check_contexts(
    claims: list[Claim], rows: dict[int, ClaimRows], *, imported: bool | None = None
) -> dict[int, checklists.CheckContext]:
    """Each claim's `CheckContext`: `claims` with their article and claimant, `rows` each one's
    enrichment rows (`rows_read` or `rows_written`); `imported`: whether other desks'
    fact-checks exist, when the caller has asked (else asked here)."""
    reads = Reads()  # the three reads below in one round trip (PostgreSQL)
    corroborations = _corroborations(claims, rows, reads)
    histories = claimant_histories(claims, rows, reads)
    similar = _similar_read([claim.pk for claim in claims], reads)
    reads.run()
    # No other desk's fact-check imported: no claim has a match (they go with it), none to read
    # (the existence test costs a fifth of the read's building and instances).
    external = (
        selectors.claims_external_matches(claim_ids=[claim.pk for claim in claims])
        if (selectors.external_factchecks_exist() if imported is None else imported)
        else {}
    )
    return {
        claim.pk: checklists.CheckContext(
            claim_text=claim.text,
            claim_type=claim.claim_type,
            claimant=claim.claimant.name if claim.claimant else None,
            source_text=claim.article.body if claim.article else None,
            dates=rows[claim.pk].dates,
            quantities=rows[claim.pk].quantities,
            similar=tuple(similar[claim.pk]),
            corroborations=tuple(corroborations[claim.pk]),
            claimant_history=tuple(histories[claim.pk]),
            external_checks=tuple(
                (m.external.author_name, m.external.rating, m.external.url, m.score)
                for m in external.get(claim.pk, [])
            ),
        )
        for claim in claims
    }


def _similar_read(claim_ids: list[int], reads: Reads) -> dict[int, list[tuple[int, str, float]]]:
    """Each claim's similar claims not rejected, (other id, its text, score) best first; filled
    when `reads` runs (with the batch's other reads, one round trip on PostgreSQL)."""
    similar: dict[int, list[tuple[int, str, float]]] = defaultdict(list)

    def fill(rows) -> None:
        for claim_id, other_id, text, score in rows:
            similar[claim_id].append((other_id, text, score))

    if not claim_ids:
        return similar  # an empty IN compiles to no query at all
    rows = (
        SimilarClaim.objects.filter(claim_id__in=claim_ids)
        .exclude(decision=SimilarityDecision.REJECTED)
        .order_by("claim_id", "-score", "id")
        .values_list("claim_id", "other_id", "other__text", "score")
    )
    sql, params = rows.query.sql_with_params()  # the ORM's query, sent with the others
    reads.add(sql, list(params), fill)
    return similar


def _corroborations(
    claims: list[Claim], claim_rows: dict[int, ClaimRows], reads: Reads | None = None
) -> dict[int, list[tuple[str, str]]]:
    """Other articles' claims reporting the same figure (same unit, within 1%): (title, text),
    one entry per claim, at most five per figure."""
    figures = [
        (claim, _Figure(value, unit))
        for claim in claims
        for _, value, unit, _ in claim_rows[claim.pk].quantities
        if value > 0
    ]
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if not figures:
        return found
    windows = [(q.unit, q.value * 0.99, q.value * 1.01, claim.article_id) for claim, q in figures]

    def fill(rows) -> None:
        for n, title, text in rows:  # in window order, each window's reports oldest first
            found[figures[n - 1][0].pk].append((title, text))
        for claim_id, pairs in found.items():
            found[claim_id] = list(dict.fromkeys(pairs))

    if reads is not None and connection.vendor == "postgresql":  # filled when `reads` runs
        reads.add(_FIGURES_REPORTED, _figures_params(windows), fill)
    else:
        fill(_figures_reported(windows))
    return found


# Each window's (unit, low, high, the figure's own article) first CORROBORATIONS_PER_FIGURE
# reports by claims of other articles, oldest first: (window's ordinal, article title, claim
# text). One lateral read per window on the (unit, value) index, so what is read grows with the
# figure's own reports, not with every figure stored (the OR of all windows over every quantity
# was the checks' costliest read at 100,000 claims: 18 ms an article).
_FIGURES_REPORTED = f"""
SELECT w.n, a.title, r.text
FROM unnest(%s::text[], %s::float8[], %s::float8[], %s::bigint[])
    WITH ORDINALITY AS w(unit, low, high, article_id, n)
CROSS JOIN LATERAL (
    SELECT c.article_id, c.text, q.claim_id, q.start
    FROM claims_quantity AS q
    JOIN claims_claim AS c ON c.id = q.claim_id
    WHERE q.unit = w.unit AND q.value >= w.low AND q.value <= w.high
      AND c.article_id IS NOT NULL AND c.article_id IS DISTINCT FROM w.article_id
    ORDER BY q.claim_id, q.start
    LIMIT {CORROBORATIONS_PER_FIGURE}
) AS r
JOIN claims_article AS a ON a.id = r.article_id
ORDER BY w.n, r.claim_id, r.start
"""

Window = tuple[str, float, float, "int | None"]


def _figures_reported(windows: list[Window]) -> list[tuple[int, str, str]]:
    """Each window's first reports by other articles' claims (see `_FIGURES_REPORTED`); on
    SQLite one query per window."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_FIGURES_REPORTED, _figures_params(windows))
            return cursor.fetchall()
    rows: list[tuple[int, str, str]] = []
    for n, (unit, low, high, article_id) in enumerate(windows, start=1):
        reports = Quantity.objects.filter(
            unit=unit, value__gte=low, value__lte=high, claim__article__isnull=False
        )
        if article_id is not None:
            reports = reports.exclude(claim__article_id=article_id)
        reports = reports.order_by("claim_id", "start")
        found = reports.values_list("claim__article__title", "claim__text")
        rows += [(n, title, text) for title, text in found[:CORROBORATIONS_PER_FIGURE]]
    return rows


def _figures_params(windows: list[Window]) -> list:
    return [list(column) for column in zip(*windows, strict=True)]


@dataclass(frozen=True)
class _Figure:
    value: float
    unit: str
