"""Table-driven tests for workers.enrichment (pure: no database, no Django)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.workers.conftest import SEED_BODY, SEED_DATE
from workers.enrichment import (
    DateMention,
    Enrichment,
    QuantityMention,
    canonical_entity,
    enrich,
    rank_similar,
    similarity,
)
from workers.extraction import extract_claims
from workers.nlp import get_nlp

REF = SEED_DATE  # Sunday 2025-05-04

# ======================================================================================
# Entities
# ======================================================================================


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Trump", ("Donald Trump", "person")),
        ("Donald Trump", ("Donald Trump", "person")),
        ("President Trump", ("Donald Trump", "person")),
        ("U.S. President Donald Trump", ("Donald Trump", "person")),
        ("Trump’s", ("Donald Trump", "person")),
        ("U.S.", ("United States", "place")),
        ("US", ("United States", "place")),
        ("United States", ("United States", "place")),
        ("the United States", ("United States", "place")),
        ("Sheinbaum", ("Claudia Sheinbaum", "person")),
        ("Claudia Sheinbaum", ("Claudia Sheinbaum", "person")),
        ("Mexican President Claudia Sheinbaum", ("Claudia Sheinbaum", "person")),
        ("Mexico", ("Mexico", "place")),
        ("Canada", ("Canada", "place")),
        ("Texas", ("Texas", "place")),
        ("El Paso", ("El Paso", "place")),
        ("New Mexico", ("New Mexico", "place")),
        ("Fort Bliss", ("Fort Bliss", "place")),
        ("Wall Street Journal", ("The Wall Street Journal", "organization")),
        ("the Wall Street Journal", ("The Wall Street Journal", "organization")),
        ("Reuters", ("Reuters", "organization")),
        ("U.S. National Security Council", ("U.S. National Security Council", "organization")),
        ("U.S. Department of Defense", ("U.S. Department of Defense", "organization")),
        ("Defense Department", ("U.S. Department of Defense", "organization")),
        ("the Pentagon", ("U.S. Department of Defense", "organization")),
        ("U.S. Department of Homeland Security",
         ("U.S. Department of Homeland Security", "organization")),
        ("U.S. Army", ("U.S. Army", "organization")),
        ("Mexican drug gangs", ("Mexican drug cartels", "group")),
        ("drug cartels", ("drug cartels", "group")),
        ("us", None),  # the pronoun is not the country
        ("Nobody In Particular", None),
        ("", None),
    ],
)  # fmt: skip
def test_canonical_entity(alias, expected):
    assert canonical_entity(alias) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump met Donald Trump and President Trump.",
         [("Trump", "person", "Donald Trump"), ("Donald Trump", "person", "Donald Trump"),
          ("President Trump", "person", "Donald Trump")]),
        ("The U.S. and the US and the United States, unlike us.",
         [("U.S.", "place", "United States"), ("US", "place", "United States"),
          ("United States", "place", "United States")]),
        ("Mexican President Claudia Sheinbaum met Sheinbaum.",
         [("Mexican President Claudia Sheinbaum", "person", "Claudia Sheinbaum"),
          ("Sheinbaum", "person", "Claudia Sheinbaum")]),
        ("Troops went from Mexico and Canada to Texas, El Paso, New Mexico and Fort Bliss.",
         [("Mexico", "place", "Mexico"), ("Canada", "place", "Canada"),
          ("Texas", "place", "Texas"), ("El Paso", "place", "El Paso"),
          ("New Mexico", "place", "New Mexico"), ("Fort Bliss", "place", "Fort Bliss")]),
        ("The Defense Department, also called the Pentagon, briefed Reuters.",
         [("Defense Department", "organization", "U.S. Department of Defense"),
          ("Pentagon", "organization", "U.S. Department of Defense"),
          ("Reuters", "organization", "Reuters")]),
        ("Mexican drug gangs fight drug cartels.",
         [("Mexican drug gangs", "group", "Mexican drug cartels"),
          ("drug cartels", "group", "drug cartels")]),
        # capitalised-name fallback for names the gazetteer does not know
        ("Yesterday Elon Musk visited the European Central Bank in Brazil.",
         [("Elon Musk", "person", "Elon Musk"),
          ("European Central Bank", "organization", "European Central Bank"),
          ("Brazil", "place", "Brazil")]),
        ("Play the trump card.", []),
    ],
)  # fmt: skip
def test_entities(text, expected):
    result = enrich(text, reference_date=REF)
    assert [(m.text, m.kind, m.canonical) for m in result.entities] == expected
    for mention in result.entities:
        assert text[mention.start : mention.end] == mention.text


def test_entity_aliases_are_exposed():
    [mention] = enrich("Sheinbaum spoke.", reference_date=REF).entities
    assert "Claudia Sheinbaum" in mention.aliases or mention.canonical == "Claudia Sheinbaum"
    assert "Sheinbaum" in mention.aliases


def test_seed_entities_cover_the_article():
    canonicals = {m.canonical for m in enrich(SEED_BODY, reference_date=REF).entities}
    assert {
        "Claudia Sheinbaum",
        "Donald Trump",
        "United States",
        "Mexico",
        "Canada",
        "Texas",
        "El Paso",
        "New Mexico",
        "Fort Bliss",
        "The Wall Street Journal",
        "Reuters",
        "U.S. National Security Council",
        "U.S. Department of Defense",
        "U.S. Department of Homeland Security",
        "U.S. Army",
    } <= canonicals


# ======================================================================================
# Quantities
# ======================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seed's statistic
        ("a wave of violence that has killed more than 450,000 in Mexico over nearly two "
         "decades",
         [("more than 450,000", 450000.0, "people", "lower"),
          ("nearly two decades", 20.0, "years", "approx")]),
        ("Inflation rose 5% last year.", [("5%", 5.0, "percent", "exact")]),
        ("Inflation was 5 per cent.", [("5 per cent", 5.0, "percent", "exact")]),
        ("Five percent of voters agreed.", [("Five percent", 5.0, "percent", "exact")]),
        ("Support fell roughly 3.5 percentage points.",
         [("roughly 3.5 percentage points", 3.5, "percentage points", "approx")]),
        ("a $1.5 billion package", [("$1.5 billion", 1.5e9, "USD", "exact")]),
        ("€20 million in aid", [("€20 million", 2e7, "EUR", "exact")]),
        ("a £3m fine", [("£3m", 3e6, "GBP", "exact")]),
        ("a budget of 20 million pesos", [("20 million pesos", 2e7, "MXN", "exact")]),
        ("He paid US$750 in taxes.", [("US$750", 750.0, "USD", "exact")]),
        ("at least 12 soldiers were killed", [("at least 12 soldiers", 12.0, "soldiers", "lower")]),
        ("up to 300 migrants", [("up to 300 migrants", 300.0, "migrants", "upper")]),
        ("fewer than 50 cases", [("fewer than 50 cases", 50.0, "cases", "upper")]),
        ("about 40 people", [("about 40 people", 40.0, "people", "approx")]),
        ("around 1,000 troops", [("around 1,000 troops", 1000.0, "troops", "approx")]),
        ("some 200 trucks", [("some 200 trucks", 200.0, "trucks", "approx")]),
        ("a dozen reporters", [("a dozen reporters", 12.0, "reporters", "exact")]),
        ("twenty-five people", [("twenty-five people", 25.0, "people", "exact")]),
        ("two decades of war", [("two decades", 20.0, "years", "exact")]),
        ("thousands of people", [("thousands of people", 2000.0, "people", "lower")]),
        ("half a million voters", [("half a million voters", 5e5, "voters", "exact")]),
        ("7 million people died", [("7 million people", 7e6, "people", "exact")]),
        ("500+ arrests", [("500+ arrests", 500.0, "arrests", "lower")]),
        ("crime dropped by a third", [("a third", 0.3333, "fraction", "exact")]),
        ("2000 soldiers", [("2000 soldiers", 2000.0, "soldiers", "exact")]),
        ("Since 2006, 450,000 died.", [("450,000", 450000.0, "people", "exact")]),
        ("12 were killed on Friday", [("12", 12.0, "people", "exact")]),
        ("between 10 and 20 protesters", [("10", 10.0, "", "exact"),
                                         ("20 protesters", 20.0, "protesters", "exact")]),
        ("12 Mexican soldiers", [("12 Mexican soldiers", 12.0, "soldiers", "exact")]),
        # a count is the subject of a verb, not counted in it; a year after "the" is a year
        ("three remain missing", [("three", 3.0, "", "exact")]),
        ("two face charges", [("two", 2.0, "", "exact")]),
        ("the 2023 floods cost more", []),
        ("the 2,023 floods recorded", [("2,023 floods", 2023.0, "floods", "exact")]),
        ("during the 2008-09 recession", []),
        # a share written "one in five" is a fraction, not a count of the noun after it
        ("one in five voters", [("one in five", 0.2, "fraction", "exact")]),
        ("3 out of 10 homes", [("3 out of 10", 0.3, "fraction", "exact")]),
        ("lost 3 in 10 days", [("3", 3.0, "", "exact"), ("10 days", 10.0, "days", "exact")]),
        # thousands grouped by spaces
        ("employs 12 000 people", [("12 000 people", 12000.0, "people", "exact")]),
        ("In 2019 300 people came", [("300 people", 300.0, "people", "exact")]),
        ("in the 2023/24 season", []),
        ("a score of 21-14", [("21", 21.0, "", "exact"), ("14", 14.0, "", "exact")]),
        # not quantities
        ("a second stretch on the border", []),
        ("the first zone", []),
        ("the two countries", []),
        ("between our two countries", []),
        ("an April 16th call", []),
        ("in 2024", []),
        ("at 10 a.m. on May 4", []),
        ("Section 230 of the act", []),
        ("one of the leaders", []),
        ("a day after the report", []),
        ("COVID-19", []),
        # a number in a name is no quantity
        ("told Radio 4's morning show", []),
        ("a Category 4 hurricane", []),
        # the unit is the noun a qualifier leads to, not the qualifier
        ("40 new diagnostic centres", [("40 new diagnostic centres", 40.0, "centres", "exact")]),
        ("hired 12 police officers", [("12 police officers", 12.0, "officers", "exact")]),
        ("300 people were hurt", [("300 people", 300.0, "people", "exact")]),
        ("12 weekly sessions", [("12 weekly sessions", 12.0, "sessions", "exact")]),
        # South Asian scales and currencies
        ("cost Rs 4,500 crore", [("Rs 4,500 crore", 4.5e10, "INR", "exact")]),
        ("₹12 lakh", [("₹12 lakh", 1.2e6, "INR", "exact")]),
        ("Mrs 40 said", [("40", 40.0, "", "exact")]),
        # a unit after a hyphen, temperatures
        ("a 40-year-old man", [("40-year", 40.0, "years", "exact")]),
        ("a 12-month low", [("12-month", 12.0, "months", "exact")]),
        ("hit 45°C", [("45°C", 45.0, "degrees C", "exact")]),
        ("113 degrees Fahrenheit", [("113 degrees Fahrenheit", 113.0, "degrees F", "exact")]),
    ],
)  # fmt: skip
def test_quantities(text, expected):
    result = enrich(text, reference_date=REF)
    got = [(q.text, q.value, q.unit, q.bound) for q in result.quantities]
    assert got == [(t, pytest.approx(v), u, b) for t, v, u, b in expected]
    for q in result.quantities:
        assert text[q.start : q.end] == q.text
        assert q.bound in {"exact", "lower", "upper", "approx"}


# ======================================================================================
# Dates
# ======================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seed's dates
        ("Speaking at a public event on Saturday", [("Saturday", "2025-05-03", "day")]),
        ("an order on Friday", [("Friday", "2025-05-02", "day")]),
        ("during an April 16th call", [("April 16th", "2025-04-16", "day")]),
        ("established last month", [("last month", "2025-04", "month")]),
        ("said earlier this week", [("earlier this week", "2025-04-28", "week")]),
        ("Since taking office in January", [("January", "2025-01", "month")]),
        ("a day after the report", []),
        # more
        ("in January", [("January", "2025-01", "month")]),
        ("Mexico City, May 4", [("May 4", "2025-05-04", "day")]),
        ("in 2024", [("2024", "2024", "year")]),
        ("yesterday", [("yesterday", "2025-05-03", "day")]),
        ("today", [("today", "2025-05-04", "day")]),
        ("on Sunday", [("Sunday", "2025-05-04", "day")]),  # the reference day itself
        ("last Friday", [("last Friday", "2025-05-02", "day")]),
        ("last week", [("last week", "2025-04-21", "week")]),
        ("this week", [("this week", "2025-04-28", "week")]),
        ("two days ago", [("two days ago", "2025-05-02", "day")]),
        ("three weeks ago", [("three weeks ago", "2025-04-07", "week")]),
        ("in May 2024", [("May 2024", "2024-05", "month")]),
        ("on March 3, 2021", [("March 3, 2021", "2021-03-03", "day")]),
        ("on 3 March 2021", [("3 March 2021", "2021-03-03", "day")]),
        ("on the 16th of April", [("the 16th of April", "2025-04-16", "day")]),
        ("on Jan. 5", [("Jan. 5", "2025-01-05", "day")]),
        ("published 2025-05-04", [("2025-05-04", "2025-05-04", "day")]),
        ("last year", [("last year", "2024", "year")]),
        ("later this month", [("later this month", "2025-05", "month")]),
        ("in mid-April", [("mid-April", "2025-04", "month")]),
        ("you may go", []),
        ("2000 soldiers", []),
        ("The 2023 floods cost more", [("2023", "2023", "year")]),
        # a capitalised "Today" inside a sentence is a programme or a paper, not the day
        ("she told the Today programme", []),
        ("he told USA Today on Friday", [("Friday", "2025-05-02", "day")]),
        ("Today, the council voted", [("Today", "2025-05-04", "day")]),
        ("“Today we act,” she said", [("Today", "2025-05-04", "day")]),
        # a date with no year is the next one when its clause looks ahead, else the last one
        ("the law will take effect on Jan. 1", [("Jan. 1", "2026-01-01", "day")]),
        ("the council will vote on Thursday", [("Thursday", "2025-05-08", "day")]),
        ("the vote is scheduled for June", [("June", "2025-06", "month")]),
        ("the plant closed in June", [("June", "2024-06", "month")]),
        ("he said on Thursday that prices will rise", [("Thursday", "2025-05-01", "day")]),
        (
            "prices will rise, the minister said on Thursday",
            [("Thursday", "2025-05-01", "day")],
        ),
        ("it will close in June 2024", [("June 2024", "2024-06", "month")]),
    ],
)
def test_dates(text, expected):
    result = enrich(text, reference_date=REF)
    assert [(d.text, d.value, d.granularity) for d in result.dates] == expected
    for d in result.dates:
        assert text[d.start : d.end] == d.text


def test_dates_follow_the_reference_date():
    result = enrich("on Friday and last month", reference_date=dt.date(2024, 1, 10))
    assert [(d.value, d.granularity) for d in result.dates] == [
        ("2024-01-05", "day"),
        ("2023-12", "month"),
    ]


# ======================================================================================
# enrich() on the seed claims, with offsets into the body
# ======================================================================================


def test_enrich_offsets_point_into_the_body():
    claims = extract_claims(SEED_BODY)
    for claim in claims:
        result = enrich(claim.text, reference_date=REF, offset=claim.start)
        for span in (*result.entities, *result.quantities, *result.dates):
            assert SEED_BODY[span.start : span.end] == span.text


def test_enrich_seed_statistic_claim():
    [claim] = [c for c in extract_claims(SEED_BODY) if "450,000" in c.text]
    result = enrich(claim.text, reference_date=REF, offset=claim.start)
    assert isinstance(result, Enrichment)
    assert (
        QuantityMention(
            "more than 450,000",
            450000.0,
            "people",
            "lower",
            SEED_BODY.index("more than 450,000"),
            SEED_BODY.index("more than 450,000") + len("more than 450,000"),
        )
        in result.quantities
    )
    assert {m.canonical for m in result.entities} >= {"Donald Trump", "Mexico"}


def test_enrich_seed_date_claim():
    [claim] = [c for c in extract_claims(SEED_BODY) if c.text.startswith("The U.S. Department")]
    result = enrich(claim.text, reference_date=REF, offset=claim.start)
    start = SEED_BODY.index("earlier this week")
    assert result.dates == (
        DateMention("earlier this week", "2025-04-28", "week", start, start + 17),
    )
    assert result.quantities == ()  # "a second stretch" is not a quantity


def test_pipeline_is_built_once():
    assert get_nlp() is get_nlp()


# ======================================================================================
# Similarity
# ======================================================================================


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Trump issued an order on Friday", "Trump issued an order on Friday", 1.0, 1.0),
        ("Trump issued an order on Friday", "On Friday, Trump issued an order", 0.85, 1.0),
        ("Trump issued an order on Friday", "TRUMP ISSUED AN ORDER ON FRIDAY!", 1.0, 1.0),
        ("more than 450,000 killed in Mexico", "450,000 people killed in Mexico", 0.7, 0.95),
        ("Trump", "Trump imposed steep tariffs on Mexican goods", 0.6, 0.85),
        ("Trump issued an order on Friday", "Inflation in Canada fell to 2%", 0.0, 0.45),
        ("", "anything", 0.0, 0.0),
        ("!!!", "???", 0.0, 0.0),
    ],
)
def test_similarity(a, b, low, high):
    score = similarity(a, b)
    assert low <= score <= high
    assert similarity(b, a) == pytest.approx(score)
    assert 0.0 <= score <= 1.0


def test_rank_similar_orders_and_filters():
    candidates = [
        (7, "Inflation in Canada fell to 2% in March"),
        (3, "Sheinbaum rejected Trump's offer to send U.S. troops to Mexico"),
        (5, "Sheinbaum says she rejected an offer from Trump to send troops"),
        (9, ""),
        (1, "Sheinbaum rejected Trump's offer to send U.S. troops to Mexico"),
    ]
    ranked = rank_similar(
        "Sheinbaum rejected Trump's offer to send US troops to Mexico", candidates, threshold=0.6
    )
    ids = [cid for cid, _ in ranked]
    assert ids[:2] == [1, 3]  # equal scores: ascending id
    assert 5 in ids and 7 not in ids and 9 not in ids
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(score >= 0.6 for score in scores)


def test_rank_similar_edge_cases():
    assert rank_similar("", [(1, "x")], threshold=0.0) == []
    assert rank_similar("abc", [], threshold=0.0) == []
    assert rank_similar("abc", [(1, "abc")], threshold=1.0) == [(1, 1.0)]
