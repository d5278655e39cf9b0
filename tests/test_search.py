"""The claim search's query parser (pure), the search on both databases, the bounded similar-claim
candidates and the search vector's triggers (PostgreSQL)."""

import pytest
from django.db import connection

from claims import selectors
from claims.models import Claim
from claims.parsing.search import MAX_TERMS, SearchQueryError, Term, parse_search
from tests.factories import ArticleFactory, ClaimFactory, EntityFactory

postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search vector and trigram index are PostgreSQL's"
)


# --- The parser (no database) -------------------------------------------------------------------
def test_words_phrases_prefixes_and_exclusions():
    assert parse_search('health  "care  costs" immig* -career -"new budget"') == [
        Term("health"),
        Term("care costs", phrase=True),
        Term("immig", prefix=True),
        Term("career", negated=True),
        Term("new budget", phrase=True, negated=True),
    ]


def test_odd_input_is_searched_as_typed():
    assert parse_search('"half typed') == [Term("half typed", phrase=True)]
    assert parse_search('- "" * U.S.*') == [Term("U.S.")]
    assert parse_search("   ") == []


def test_too_many_terms_or_characters_is_refused_or_cut():
    many = " ".join(f"w{n}" for n in range(MAX_TERMS + 1))
    with pytest.raises(SearchQueryError, match="at most 12"):
        parse_search(many)
    assert len(parse_search(many, strict=False)) == MAX_TERMS
    with pytest.raises(SearchQueryError, match="200 characters"):
        parse_search("x" * 201)
    assert parse_search("x" * 201, strict=False) == [Term("x" * 200)]


# --- The search ----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_search_finds_by_claimant_and_article_title_on_either_database():
    claim = ClaimFactory(text="Costs doubled.", claimant=EntityFactory(name="Claudia Sheinbaum"))
    titled = ClaimFactory(article=ArticleFactory(title="Steel tariffs"), text="Imports fell.")
    ClaimFactory(text="Something else.")

    def found(q):
        return set(selectors.claims_search(Claim.objects.all(), q).values_list("pk", flat=True))

    assert found("sheinbaum costs") == {claim.pk}
    assert found("steel") == {titled.pk}
    assert found("costs -sheinbaum") == set()


@postgres
@pytest.mark.django_db
def test_the_vector_follows_renamed_claimants_and_retitled_articles():
    entity = EntityFactory(name="Jane Roe")
    article = ArticleFactory(title="Budget day")
    claim = ClaimFactory(article=article, text="Spending rose.", claimant=entity)

    def found(q):
        return set(selectors.claims_search(Claim.objects.all(), q).values_list("pk", flat=True))

    assert found("roe budget") == {claim.pk}
    entity.name = "Jane Doe"
    entity.save()
    article.title = "Election night"
    article.save()
    Claim.objects.filter(pk=claim.pk).update(text="Spending fell.")
    assert found("roe") == found("budget") == found("rose") == set()
    assert found("doe election fell") == {claim.pk}


@postgres
@pytest.mark.django_db
def test_the_search_uses_the_gin_index():
    ClaimFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        queryset = selectors.claims_search(Claim.objects.all(), '"health care" tariff*')
        plan = queryset.explain()
    assert "claim_search_idx" in plan


# --- Similar-claim candidates ---------------------------------------------------------------------
@postgres
@pytest.mark.django_db
def test_candidates_are_bounded_by_threshold_and_limit_and_leave_the_setting_alone():
    text = "Violence has killed more than 450,000 people in Mexico since 2006."
    paraphrase = ClaimFactory(
        text="More than 450,000 people have been killed by violence in Mexico since 2006."
    )
    unrelated = ClaimFactory(text="The tourism budget reached $12 billion last year.")
    near = [
        ClaimFactory(text=f"Violence has killed more than {n},000 people in Mexico.")
        for n in range(5)
    ]

    ids = [pk for pk, _ in selectors.similar_candidates(text, limit=3)]

    assert len(ids) == 3
    assert unrelated.pk not in ids
    everything = [pk for pk, _ in selectors.similar_candidates(text)]
    assert paraphrase.pk in everything
    assert set(everything) >= {c.pk for c in near}
    assert [pk for pk, _ in selectors.similar_candidates(text, threshold=0.99)] == []
    with connection.cursor() as cursor:
        cursor.execute("SHOW pg_trgm.similarity_threshold")
        assert cursor.fetchone()[0] == "0.3"  # SET LOCAL: the session's default is untouched


@postgres
@pytest.mark.django_db
def test_the_stored_trigrams_give_pg_trgms_similarity_and_follow_the_text():
    """The similarity from the stored trigram sets (migration 0020) is pg_trgm's `similarity()`,
    to the last bit, whatever the text: accents and other scripts (pg_trgm codes a multibyte
    trigram), figures, punctuation, case, nothing at all."""
    texts = [
        "Violence has killed more than 450,000 people in Mexico since 2006.",
        "MORE THAN 450.000 PERSONAS murieron en México desde 2006, según el gobierno.",
        "Zürich's straße-Preise stiegen um 12 % — „deutlich“, sagte die Ministerin.",
        "東京の人口は1400万人を超えた。",
        "“No,” she said.",
        "!!! ... ???",
        "",
    ]
    claims = [ClaimFactory(text=text) for text in texts]
    expression = selectors.trigram_similarity("a.trigrams", "b.trigrams")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.id, b.id, similarity(a.text, b.text), {expression} "
            "FROM claims_claim AS a, claims_claim AS b WHERE a.id = ANY(%s) AND b.id = ANY(%s)",
            [[c.pk for c in claims]] * 2,
        )
        rows = cursor.fetchall()
        assert len(rows) == len(texts) ** 2
        assert [(a, b, stored) for a, b, _, stored in rows] == [(a, b, pg) for a, b, pg, _ in rows]
        assert any(0 < pg < 1 for *_, pg, _ in rows)

        Claim.objects.filter(pk=claims[0].pk).update(text=texts[1])
        cursor.execute(
            f"SELECT {expression} FROM claims_claim AS a, claims_claim AS b "
            "WHERE a.id = %s AND b.id = %s",
            [claims[0].pk, claims[1].pk],
        )
        assert cursor.fetchone()[0] == 1.0


@pytest.mark.django_db
def test_candidates_exclude_the_claim_and_its_article():
    article = ArticleFactory()
    claim = ClaimFactory(article=article, text="Unemployment fell to 3.9 percent in Ohio.")
    sibling = ClaimFactory(article=article, start=50, end=60, text="Unemployment fell in Ohio.")
    other = ClaimFactory(text="Unemployment fell to 3.9 percent in Ohio in March.")

    ids = [
        pk
        for pk, _ in selectors.similar_candidates(
            claim.text, exclude_claim=claim.pk, exclude_article=article.pk
        )
    ]

    assert other.pk in ids
    assert claim.pk not in ids and sibling.pk not in ids


@postgres
@pytest.mark.django_db
def test_candidates_come_from_the_full_text_index_and_the_batch_uses_the_same_rule():
    from workers.gather import _candidate_pools

    article = ArticleFactory()
    claim = ClaimFactory(
        article=article, text="Rents in Lisbon rose by 40 percent in five years, the mayor said."
    )
    paraphrase = ClaimFactory(
        text="The mayor said rents in Lisbon have risen 40 percent in five years."
    )
    for n in range(30):  # common words: a claim sharing only these is no candidate
        ClaimFactory(text=f"Rents rose by {n} percent in five years across the region, data show.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")

    ids = [pk for pk, _ in selectors.similar_candidates(claim.text, exclude_claim=claim.pk)]
    pools = _candidate_pools([claim])

    assert ids == [paraphrase.pk]
    assert list(pools[claim.pk]) == ids
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM claims_claim WHERE search @@ "
            f"{selectors.candidate_tsquery(selectors.text_lexemes('%s'))}",
            [claim.text],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "claim_search_idx" in plan


@postgres
@pytest.mark.django_db
def test_the_batch_builds_each_claims_tsquery_and_trigram_similarity_once():
    """The planner inlines a subquery's expression wherever it is used: the batch's query fences
    them, so that the trigram similarity (its costliest part, per candidate) is computed once per
    candidate, not for the threshold and again for the order, and each claim's lexemes and
    trigram set once."""
    from workers.gather import _CANDIDATE_POOLS

    params = [["Rents in Lisbon rose by 40 percent."], [1], [None]]
    params += [selectors.PRESELECT, selectors.TRIGRAM_THRESHOLD, selectors.CANDIDATE_LIMIT]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (VERBOSE) " + _CANDIDATE_POOLS, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    lines = [line.strip() for line in plan.splitlines()]
    assert len([line for line in lines if "COALESCE(((icount(" in line]) == 1
    # the lexemes and the trigram set computed by one node (the nodes above list them among
    # their outputs, in parentheses)
    computing = [line for line in lines if "to_tsvector(" in line]
    assert [line for line in computing if line.startswith("Output: tsvector_to_array(")] == [
        "Output: tsvector_to_array(to_tsvector('english'::regconfig, t.text)), "
        "COALESCE($8, claims_text_trigrams(t.text))"  # $8: the stored claim's own set
    ]
    assert all(line.startswith("Output:") for line in computing)


@postgres
@pytest.mark.django_db
def test_only_the_claims_holding_most_of_the_words_are_compared_by_trigrams(monkeypatch):
    from workers.gather import _candidate_pools

    claim = ClaimFactory(text="Quarterly zinc exports from Tasmania tripled, the minister said.")
    # two names misspelt: three of the five rarest words shared, the nearer text by trigrams
    misspelt = ClaimFactory(text="Quarterly zinc exports from Tasmanai tripled, the ministre said.")
    # all five shared, reworded
    reworded = ClaimFactory(
        text="Tasmania's quarterly zinc exports have tripled, according to the minister."
    )

    def found(**kwargs):
        return [pk for pk, _ in selectors.similar_candidates(claim.text, **kwargs)]

    assert found(exclude_claim=claim.pk) == [misspelt.pk, reworded.pk]
    assert found(exclude_claim=claim.pk, preselect=1) == [reworded.pk]
    monkeypatch.setattr(selectors, "PRESELECT", 1)
    assert list(_candidate_pools([claim])[claim.pk]) == [reworded.pk]


@postgres
@pytest.mark.django_db
def test_the_paraphrase_is_preselected_before_newer_claims_sharing_only_the_rare_words(
    monkeypatch,
):
    """The preselection orders the matches by how many of the text's words they hold, not only its
    rare ones: a recurring subject's newer claims (sharing the names and the figure) do not push
    the older paraphrase out of the few compared by trigrams."""
    from workers.gather import _candidate_pools

    text = "Tasmanian smelters quadrupled zinc exports, the minister said on Monday as jobs grew."
    paraphrase = ClaimFactory(
        text="The minister said on Monday Tasmanian smelters quadrupled zinc exports as jobs grew."
    )
    # the five rarest words (with no statistics yet, the longest) held, little else
    newer = [
        ClaimFactory(text=f"Tasmanian smelters quadrupled exports of {metal}, a minister wrote.")
        for metal in ("cobalt", "nickel", "tin", "copper")
    ]
    claim = ClaimFactory(text=text)

    def preselected(n: int) -> list[int]:
        return [
            pk
            for pk, _ in selectors.similar_candidates(
                text, exclude_claim=claim.pk, threshold=0, preselect=n
            )
        ]

    assert preselected(1) == [paraphrase.pk]
    assert set(preselected(10)) >= {paraphrase.pk, *[c.pk for c in newer]}
    monkeypatch.setattr(selectors, "PRESELECT", 1)
    monkeypatch.setattr(selectors, "TRIGRAM_THRESHOLD", 0)
    assert list(_candidate_pools([claim])[claim.pk]) == [paraphrase.pk]


@postgres
@pytest.mark.django_db
def test_a_lexeme_with_quotes_or_backslashes_is_one_tsquery_operand():
    from claims.selectors.search import _QUOTED_LEXEME

    lexeme = "o'neil\\x"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT numnode(q), setweight(array_to_tsvector(ARRAY[r.lexeme]), 'A') @@ q "
            f"FROM (SELECT %s::text AS lexeme) AS r, LATERAL (SELECT {_QUOTED_LEXEME}::tsquery) "
            f"AS t(q)",
            [lexeme],
        )
        (nodes, matches) = cursor.fetchone()
        cursor.execute(
            f"SELECT {selectors.candidate_tsquery(selectors.text_lexemes('%s'))}::text",
            ["the and of"],
        )  # nothing but stop words: no query, no candidate
        assert cursor.fetchone()[0] is None
    assert (nodes, matches) == (1, True)
