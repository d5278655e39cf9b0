"""Searching claims, and finding the claims that say much the same as a text.

`claims_search()` is the one claim search of the API's `q` and of the admin's search box. On
PostgreSQL it is full-text search on `claims_claim.search`, a tsvector kept by a trigger
(migration 0010) over the claim's text (weight A), its claimant's name (B) and its article's title
(C), GIN-indexed: words in any order (English stemming: "tariffs" finds "tariff"), "quoted
phrases", `prefix*` and `-excluded` terms, ranked by `ts_rank`. On SQLite (the embedded `make run`)
each term is a case-insensitive substring of one of the three.

`similar_candidates()` is the bounded candidate search behind similar-claim suggestions (and any
other "does this text say the same as something we track" question): the claims sharing two of
the text's rarest words, from the full-text index (`candidate_tsquery`), above a trigram
similarity (pg_trgm's, from the stored trigram sets: `trigram_similarity`), the best few by it,
then re-ranked by the caller with `workers.enrichment.rank_similar` (rapidfuzz).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL

from claims.models import Claim
from claims.parsing.search import Term, parse_search

CONFIG = "english"
# The trigram similarity (pg_trgm's `similarity`, 0..1) a candidate found by the full-text index
# needs: it keeps every pair of the paraphrase set that rapidfuzz scores at or above the
# suggestion threshold (`python -m benchmarks.scale` measures recall and time).
TRIGRAM_THRESHOLD = 0.45
CANDIDATE_LIMIT = 200
# Of the claims matching `candidate_tsquery`, only the PRESELECT that share most of the text's own
# words (`ts_rank` on `words_tsquery`, normalised by the candidate's length) are compared by
# trigram similarity. A text whose rarest words are still common among the desk's claims (a
# recurring subject) matches thousands of claims; each compared cost 9-14 ms per claim at 100,000
# claims with the 500 sharing most of the *rare* words, the pipeline's costliest query. Ranked by
# all their words, a paraphrase comes first far sooner: the best 100 keep every pair of the
# paraphrase set found before, with 5-6 ms per claim at 100k, and find more of what an
# exhaustive rapidfuzz scan over all 100k suggests (0.52 of its first 20 against 0.43;
# docs/scale.md, "Similar-claim candidates ranked by all their words").
PRESELECT = 100


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


# The words a similar-claim search looks for: the text's RAREST_LEXEMES rarest lexemes (English
# stemming, stop words dropped), rarity estimated from the planner's statistics on the search
# column (pg_stats.most_common_elems: ANALYZE keeps each frequent lexeme's share of rows; a lexeme
# not listed is rarer than all that are; ties: the longer lexeme first), OR-ed, each in the
# claim's own text (weight A). A paraphrase keeps a text's rare words (names, figures, subjects),
# and the GIN index reads only their short posting lists, where pg_trgm's index read those of the
# commonest trigrams whatever the threshold (235-476 ms at 100,000 claims).
RAREST_LEXEMES = 5
_LEXEME_FREQUENCIES = """
SELECT e.lexeme, e.freq
FROM pg_stats AS s,
    unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, freq)
WHERE s.schemaname = current_schema() AND s.tablename = 'claims_claim' AND s.attname = 'search'
"""

# A lexeme as a tsquery operand in the text's own words (weight A): quoted, its quotes and
# backslashes escaped (format('%L') would write E'...', which a tsquery does not read).
_QUOTED_LEXEME = (
    r"""concat('''', replace(replace(r.lexeme, E'\\', E'\\\\')"""
    r""", '''', ''''''), ''':A')"""
)


LEXEME_FREQUENCIES = f"({_LEXEME_FREQUENCIES})"


def text_lexemes(text_sql: str) -> str:
    """SQL of the array of the text `text_sql`'s lexemes (an SQL expression; English stemming,
    stop words dropped): what `candidate_tsquery` and `words_tsquery` are built from (a batch
    computes it once per claim for both)."""
    return f"tsvector_to_array(to_tsvector('{CONFIG}', {text_sql}))"


def words_tsquery(lexemes_sql: str) -> str:
    """SQL of the tsquery matching any of the lexemes `lexemes_sql` (an SQL array, see
    `text_lexemes`) in a claim's own text (weight A): what `ts_rank` orders the candidates by (a
    candidate holding more of the text's words ranks higher). NULL when there are none."""
    return f"""(
    SELECT string_agg({_QUOTED_LEXEME}, ' | ')::tsquery FROM unnest({lexemes_sql}) AS r(lexeme)
)"""


def trigram_similarity(stored_sql: str, text_sql: str) -> str:
    """SQL of pg_trgm's `similarity()` between a claim's text, whose trigram set is the stored
    `stored_sql` (`claims_claim.trigrams`, migration 0020), and a text whose set is `text_sql`
    (`claims_text_trigrams(<text>)`): the same float4 ratio |A ∩ B| / (|A| + |B| - |A ∩ B|),
    without building both sets again for every pair (a seventh of the cost)."""
    shared = f"icount({stored_sql} & {text_sql})"
    union = f"icount({stored_sql}) + icount({text_sql}) - {shared}"
    return f"coalesce({shared}::float4 / nullif({union}, 0)::float4, 0)"


# ts_rank's normalisation: the rank divided by 1 + log(the candidate's length), so a long claim
# holding the words among many others does not outrank the short one that says the same.
WORDS_RANK_NORMALISATION = 1


def candidate_tsquery(lexemes_sql: str, frequencies: str = LEXEME_FREQUENCIES) -> str:
    """SQL of the tsquery matching the claims that may say the same as a text whose lexemes are
    `lexemes_sql` (an SQL array, see `text_lexemes`): those sharing at least two of its
    RAREST_LEXEMES rarest lexemes (one, when it has only one). The one candidate rule of
    `similar_candidates` and of the batch's lateral query (workers.gather). NULL when the text
    has no content word. `frequencies` is where the lexemes' shares are read: the statistics
    themselves, or the name of a CTE holding them (a batch reads pg_stats once, not once per
    claim: a third of a claim's candidate search)."""
    return f"""(
    WITH w AS (
        SELECT row_number() OVER () AS n, {_QUOTED_LEXEME} AS q FROM (
            SELECT l.lexeme
            FROM unnest({lexemes_sql}) AS l(lexeme)
            LEFT JOIN {frequencies} AS f ON f.lexeme = l.lexeme
            ORDER BY coalesce(f.freq, 0), length(l.lexeme) DESC, l.lexeme
            LIMIT {RAREST_LEXEMES}
        ) AS r
    )
    SELECT coalesce(
        (SELECT string_agg(a.q || ' & ' || b.q, ' | ') FROM w AS a JOIN w AS b ON a.n < b.n),
        (SELECT min(q) FROM w)
    )::tsquery
)"""


def similar_candidates(
    text: str,
    *,
    exclude_claim: int | None = None,
    exclude_article: int | None = None,
    threshold: float = TRIGRAM_THRESHOLD,
    limit: int = CANDIDATE_LIMIT,
    preselect: int = PRESELECT,
    queryset: QuerySet[Claim] | None = None,
    canonicals: Iterable[str] = (),
) -> list[tuple[int, str]]:
    """(id, text) of tracked claims whose text may say the same as `text`, most similar first,
    at most `limit`: to be re-ranked with `workers.enrichment.rank_similar`.

    PostgreSQL: the claims sharing the text's rarest words (`candidate_tsquery`, on the
    full-text GIN index), the `preselect` holding most of its words (`words_tsquery`), of those
    the ones whose trigram similarity to `text` is at least `threshold`, the best `limit` by it.
    SQLite (no such index): the most recent `limit` claims naming one of the entities
    `canonicals`, plus the most recent ones.
    `queryset` narrows where to look (default: every claim)."""
    others = Claim.objects.all() if queryset is None else queryset
    if exclude_claim is not None:
        others = others.exclude(pk=exclude_claim)
    if exclude_article is not None:
        others = others.exclude(article_id=exclude_article)
    if connection.vendor == "postgresql":
        query = candidate_tsquery(text_lexemes("%s"))
        matches = RawSQL(f"claims_claim.search @@ {query}", [text], BooleanField())
        words = words_tsquery(text_lexemes("%s"))
        shared = RawSQL(
            f"ts_rank(claims_claim.search, {words}, {WORDS_RANK_NORMALISATION})",
            [text],
            FloatField(),
        )
        preselected = (
            others.filter(matches).annotate(shared=shared).order_by("-shared", "-id").values("pk")
        )
        # compiled on its own: a Django subquery would rename the table the RawSQL names
        sql, params = preselected[:preselect].query.sql_with_params()
        similarity = trigram_similarity("claims_claim.trigrams", "claims_text_trigrams(%s)")
        trigram = RawSQL(similarity, [text] * similarity.count("%s"), FloatField())
        rows = (
            Claim.objects.filter(pk__in=RawSQL(sql, params))
            .annotate(trigram=trigram)
            .filter(trigram__gte=threshold)
            .order_by("-trigram", "-id")
            .values_list("id", "text")[:limit]
        )
        return list(rows)
    sharing = others.filter(mentions__entity__name__in=set(canonicals)).distinct()
    pool = list(sharing.order_by("-id").values_list("id", "text")[:limit]) if canonicals else []
    pool += list(others.order_by("-id").values_list("id", "text")[:limit])
    return list(dict(pool).items())
