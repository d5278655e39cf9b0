"""Web pastes: the parser and the extractor on news pages as people paste them from a browser.

The fixtures (tests/fixtures/pastes, see the README there) hold what a fact-checker expects of
each page. What the parser and the furniture recogniser answer for is asserted outright: the
title, the dateline, no furniture left in the body, all prose kept, no claim made of furniture,
and every expected claim present as a candidate span whatever the scorer says. Whether a claim
is scored check-worthy (the check-worthiness scorer) and who its claimant is (attribution) belong
to other work on issue 8: those expectations are written down too, each one that does not hold
yet marked ``xfail(strict=True)`` with the reason, so that it turns red when it starts to hold and
its mark must go (``python -m evaluation.pastes --waiting`` prints the lists as they stand).
Pure: no database.
"""

from __future__ import annotations

import pytest

from claims.parsing import ParsedArticle, parse_article
from evaluation.pastes import EverySentence, Fixture, claimant_matches, covers, load_fixtures
from workers.extraction import ClaimCandidate, extract_claims

FIXTURES = {fixture.name: fixture for fixture in load_fixtures()}
NAMES = sorted(FIXTURES)

WAITS_FOR_SCORER = (
    "nlp-scorer: the check-worthiness scorer scores this sentence below the threshold "
    "(the parser keeps it and the extractor offers it as a candidate span)"
)
WAITS_FOR_SCORER_NOT_CLAIM = (
    "nlp-scorer: the check-worthiness scorer scores this opinion, narration or vague quote "
    "above the threshold"
)
WAITS_FOR_ATTRIBUTION = "nlp-attribution: news-style attribution resolves another claimant"

# Expected claims, by fixture, that no claim covers at the default threshold today.
NOT_FOUND_YET: dict[str, list[str]] = {}
# Expected claims, by fixture, whose claimant is not the expected one today.
CLAIMANT_NOT_YET = {
    "blog_platform": ["each extra stop costs about 20 seconds"],
    "broadcaster_local_tv": [
        "Nine people have died in the Harlan County jail so far this year, "
        "the most since at least 2014"
    ],
    "broadcaster_bbc": ["will cut 300 jobs, about a fifth of its workforce"],
    "broadcaster_cnn": [
        "More than 2 million people in northern Kenya and southern Ethiopia face severe hunger",
        "declared a national disaster in the affected counties",
        "pledged emergency cash transfers to 300,000 households",
    ],
    "broadcaster_npr": [
        "Driver pay has risen faster than inflation in most states since 2021",
        "remains lower than what delivery companies offer",
    ],
    "live_blog": [
        "expects most customers to be reconnected by Wednesday evening",
        "has issued a rare red warning for wind",
    ],
    "newspaper_nigeria": ["transport fares on her route had doubled in a week"],
    "newspaper_tabloid": ["plans to put cameras outside another 25 schools by Christmas"],
    "opinion": ["scored lower in maths than comparable students in five-day districts"],
    "portal_syndicated": ["Carriers have cut sailings on the route by about 15% since February"],
    "press_release": [
        "reported first-quarter revenue of $486 million, an increase of 22%",
        "expects full-year revenue of $1.9 billion to $2.0 billion, up from its previous forecast",
    ],
    "reader_view": [
        "has promised to refurbish the homes and let them at below-market rents within two years",
        "The repair bill alone would have been $60 million",
    ],
    "regional_uk": ["30 per cent of the homes will be classed as affordable"],
    "wire_afp": ["thinned by an average of 2.3 metres between June and September"],
}
# Not-claims, by fixture, extracted as claims at the default threshold today.
EXTRACTED_YET = {
    "analysis": ["Nobody expected the car trade to respond this fast"],
    "broadcaster_bbc": [
        'called the decision "a hammer blow"',
        "would offer redeployment to some staff",
    ],
    "broadcaster_cnn": ["Families have nothing left to sell."],
    "broadcaster_gulf": ["We cannot ignore the damage to marine life"],
    "broadcaster_local_tv": ["We are doing everything we can with the people we have"],
    "broadcaster_public": [
        "Nobody should wait 40 minutes for an ambulance",
        "the plan does not go far enough",
    ],
    "factcheck_site": ["it can feel like it"],
    "live_blog": ["Our engineers will not be able to reach some areas until the winds drop"],
    "local_paper": [
        "Nobody likes raising taxes, but our roads and our water system cannot wait",
        "the city should have cut spending first",
        "We asked families to tighten their belts.",
        "Residents packed the council chamber for the vote",
    ],
    "newsletter": ["So far, no one has said."],
    "newspaper_nigeria": ["Many motorists said they were tired of the uncertainty."],
    "newspaper_uk_energy": ["This is a hammer blow"],
    "press_release_government": ["Every family deserves a connection that works"],
    "newspaper_tabloid": [
        "It's nothing but a cash grab.",
        "They should be fixing the potholes instead.",
    ],
    "portal_pti": ["Farmers in Maharashtra said they would wait for the first showers"],
    "reader_view": ["giving away public land at a fire-sale price"],
    "regional_uk": ["The roads round here are already gridlocked every morning."],
    "wire_afp": ["What we measured this year would have seemed impossible 20 years ago"],
    "wire_reuters": [
        "We are not yet where we need to be",
        "Wage growth remains too strong for us to declare victory",
    ],
}


_parsed: dict[str, ParsedArticle] = {}
_claims: dict[tuple[str, bool], list[ClaimCandidate]] = {}


def parsed(name: str) -> ParsedArticle:
    if name not in _parsed:
        _parsed[name] = parse_article(FIXTURES[name].raw)
    return _parsed[name]


def claims(name: str, *, every_sentence: bool = False) -> list[ClaimCandidate]:
    """The claims of the fixture's parsed body, as the pipeline extracts them."""
    key = (name, every_sentence)
    if key not in _claims:
        scorer = EverySentence() if every_sentence else None
        _claims[key] = extract_claims(
            parsed(name).body, outlet=FIXTURES[name].outlet, scorer=scorer
        )
    return _claims[key]


def _cases(field: str, waiting: dict[str, list[str]], reason: str) -> list:
    cases = []
    for name in NAMES:
        for item in FIXTURES[name].expected[field]:
            text = item["text"] if isinstance(item, dict) else item
            waits = text in waiting.get(name, ())
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if waits else []
            cases.append(pytest.param(name, item, marks=marks, id=f"{name}: {text[:40]}"))
    return cases


# ---------------------------------------------------------------------------------------------
# The set
# ---------------------------------------------------------------------------------------------


def test_the_set_covers_the_layouts_and_the_kinds_of_claim() -> None:
    assert len(FIXTURES) >= 12
    prefixes = {name.split("_")[0] for name in NAMES}
    assert {"wire", "broadcaster", "newspaper", "state", "local", "live", "opinion"} <= prefixes
    expected = [c for f in FIXTURES.values() for c in f.expected["claims"]]
    kinds = {c["type"] for c in expected}
    assert {"statistic", "superlative", "comparison", "quote", "policy", "prediction"} <= kinds
    assert any(c["claimant"] == "unnamed" for c in expected)
    assert all(f.expected["not_claims"] or f.name == "state_outlet" for f in FIXTURES.values())


def test_the_waiting_lists_name_real_expectations() -> None:
    for table, field in (
        (NOT_FOUND_YET, "claims"),
        (CLAIMANT_NOT_YET, "claims"),
        (EXTRACTED_YET, "not_claims"),
    ):
        for name, texts in table.items():
            items = FIXTURES[name].expected[field]
            known = {i["text"] if isinstance(i, dict) else i for i in items}
            assert set(texts) <= known, name


@pytest.mark.parametrize("name", NAMES)
def test_the_expectations_quote_the_page(name: str) -> None:
    fixture: Fixture = FIXTURES[name]
    expected = fixture.expected
    for text in (
        [c["text"] for c in expected["claims"]]
        + expected["not_claims"]
        + expected["boilerplate"]
        + expected["furniture"]
    ):
        assert text in fixture.raw, text


# ---------------------------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_title_is_the_headline(name: str) -> None:
    assert parsed(name).title == FIXTURES[name].expected["title"]


@pytest.mark.parametrize("name", NAMES)
def test_dateline(name: str) -> None:
    expected = FIXTURES[name].expected["dateline"]
    dateline = parsed(name).dateline
    if expected is None:
        assert dateline is None
    else:
        assert dateline is not None
        assert (dateline.place, dateline.agency, dateline.month, dateline.day) == (
            expected["place"],
            expected["agency"],
            expected["month"],
            expected["day"],
        )


@pytest.mark.parametrize("name", NAMES)
def test_no_furniture_left_in_the_body(name: str) -> None:
    body = parsed(name).body
    left = [text for text in FIXTURES[name].expected["furniture"] if text in body]
    assert left == []
    assert FIXTURES[name].expected["title"] not in body  # the headline is not repeated


@pytest.mark.parametrize("name", NAMES)
def test_prose_is_kept(name: str) -> None:
    expected = FIXTURES[name].expected
    body = parsed(name).body
    prose = [c["text"] for c in expected["claims"]] + expected["not_claims"]
    lost = [text for text in prose + expected["boilerplate"] if text not in body]
    assert lost == []


@pytest.mark.parametrize("name", NAMES)
def test_the_page_is_parsed_the_same_from_windows_line_endings(name: str) -> None:
    raw = FIXTURES[name].raw
    assert parse_article(raw.replace("\n", "\r\n")) == parsed(name)


# ---------------------------------------------------------------------------------------------
# The extractor on the parsed body (what the pipeline runs)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("every_sentence", [False, True], ids=["default scorer", "every sentence"])
@pytest.mark.parametrize("name", NAMES)
def test_no_claim_is_made_of_furniture(name: str, every_sentence: bool) -> None:
    expected = FIXTURES[name].expected
    body = parsed(name).body
    for claim in claims(name, every_sentence=every_sentence):
        assert body[claim.start : claim.end] == claim.text
        assert [f for f in expected["furniture"] if f in claim.text] == []
        assert [b for b in expected["boilerplate"] if covers(claim, body, b)] == []
        assert claim.text != expected["title"]


@pytest.mark.parametrize(("name", "item"), _cases("claims", {}, ""))
def test_every_expected_claim_is_a_candidate_span(name: str, item: dict) -> None:
    """With every sentence taken, each expected claim is there: only scoring can drop it."""
    body = parsed(name).body
    assert any(covers(c, body, item["text"]) for c in claims(name, every_sentence=True))


@pytest.mark.parametrize(("name", "item"), _cases("claims", NOT_FOUND_YET, WAITS_FOR_SCORER))
def test_expected_claim_is_found(name: str, item: dict) -> None:
    body = parsed(name).body
    assert any(covers(c, body, item["text"]) for c in claims(name))


@pytest.mark.parametrize(
    ("name", "text"), _cases("not_claims", EXTRACTED_YET, WAITS_FOR_SCORER_NOT_CLAIM)
)
def test_not_a_claim_is_not_extracted(name: str, text: str) -> None:
    body = parsed(name).body
    assert not any(covers(c, body, text) for c in claims(name))


@pytest.mark.parametrize(
    ("name", "item"), _cases("claims", CLAIMANT_NOT_YET, WAITS_FOR_ATTRIBUTION)
)
def test_expected_claimant(name: str, item: dict) -> None:
    # Attribution does not depend on the score: judged on every candidate span.
    body = parsed(name).body
    claim = next(c for c in claims(name, every_sentence=True) if covers(c, body, item["text"]))
    expected = item["claimant"]
    if expected == FIXTURES[name].outlet:
        assert claim.attribution == "author"
    assert claimant_matches(expected, claim.claimant), claim.claimant
