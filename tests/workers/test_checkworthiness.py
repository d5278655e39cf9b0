"""The trained check-worthiness scorer (workers/extract/model.py) and its shipped weights.

Pure tests: no database, no Django. The CT24 tests read the data from FACTCHECK_CT24_DIR (or a
shared/ folder beside or above the checkout) and skip when it is absent.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from evaluation.ct24 import ct24_dir, load, prf
from workers.extract.features import news_form
from workers.extract.model import MODEL_PATH, features, load_model, tokens
from workers.extraction import (
    FEATURE_WEIGHTS,
    NEWS_FORM_REASON,
    QUOTED_SOURCE_REASON,
    SCORERS,
    ModelScorer,
    RuleBasedScorer,
    extract_claims,
    get_scorer,
)

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = [
    "Unemployment fell to 4.2 percent last year, the lowest rate in two decades.",
    "The ministry said 1,200 people were evacuated on Friday.",
    "Thank you all for coming tonight.",
    "What are we going to do about it?",
    "I think we can do better.",
    "",
    "   ",
    "¿Cuántas personas? 450.000 personas.",
    "x" * 5000,
    "He said — “no” — and left.",
]
# "word 'percent' (+0.8)", "phrase 'per cent' (+0.3)", "number with unit (+1.2)"
REASON_RE = re.compile(
    r"^(?:word '[^']+'|phrase '[^']+ [^']+'|(?P<rule>[a-z -]+)) \([+-]\d+\.\d\)$"
)


@pytest.fixture(scope="module")
def scorer() -> ModelScorer:
    return ModelScorer()


@pytest.mark.parametrize("text", SENTENCES)
def test_scores_are_probabilities(scorer, text):
    value = scorer.score(text).value
    assert 0.0 <= value <= 1.0


def test_a_figure_scores_higher_than_a_courtesy_or_a_question(scorer):
    figure = scorer.score(SENTENCES[0]).value
    assert figure >= scorer.threshold
    assert scorer.score(SENTENCES[2]).value < scorer.threshold
    assert scorer.score(SENTENCES[3]).value < scorer.threshold
    assert figure > scorer.score(SENTENCES[2]).value


def test_scoring_is_deterministic_across_instances(scorer):
    again = ModelScorer()
    assert [scorer.score(t) for t in SENTENCES] == [again.score(t) for t in SENTENCES]


def test_reasons_are_the_largest_readable_contributions(scorer):
    score = scorer.score(SENTENCES[0])
    assert 1 <= len(score.reasons) <= 5
    for reason in score.reasons:
        match = REASON_RE.match(reason)
        assert match, reason
        assert match["rule"] is None or match["rule"] in FEATURE_WEIGHTS
    shares = [abs(float(r.rsplit("(", 1)[1].rstrip(")"))) for r in score.reasons]
    assert shares == sorted(shares, reverse=True)
    assert any(r.startswith("number with unit (+") for r in score.reasons)
    question = scorer.score("Why is it on the ballot in 2024?").reasons
    assert any(r.startswith("question (-") for r in question)


def test_the_probability_is_the_calibrated_sum_of_the_weights(scorer):
    text = SENTENCES[1]
    total = scorer.bias + sum(
        scorer.weights.get(name, 0.0) * value for name, value in features(text).items()
    )
    assert scorer.log_odds(text)[0] == pytest.approx(total)
    expected = 1 / (1 + math.exp(-(scorer.scale * total + scorer.shift)))
    assert scorer.score(text).value == pytest.approx(expected, abs=1e-4)


def test_feature_norms_do_not_depend_on_the_weights_kept():
    found = features("The budget grew 5% in 2024, more than the 3% of 2023.")
    for prefix in ("w:", "c:"):
        assert sum(v * v for k, v in found.items() if k.startswith(prefix)) == pytest.approx(1.0)
    assert "r:number with unit" in found
    expected = ["it", "cost", "$", "0000", "00", "%", "more"]
    assert tokens("It cost $1,500,000 — 12% more.") == expected


def test_the_shipped_file_loads_and_matches_its_training_metadata():
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert model == load_model()
    training = model["training"]
    assert len(model["weights"]) == training["weights"]
    assert 0.05 <= model["threshold"] <= 0.95
    assert model["calibration"]["a"] > 0
    assert training["data"]["train"]["sentences"] > 20_000
    assert MODEL_PATH.stat().st_size < 2_000_000
    # Every rule input the model knows is one the rule scorer names too.
    rules = {name[2:] for name in model["weights"] if name.startswith("r:")}
    assert rules and rules <= set(FEATURE_WEIGHTS)


def test_a_model_of_another_format_is_refused():
    with pytest.raises(ValueError, match="format"):
        ModelScorer({**load_model(), "format": 99})


def test_both_scorers_by_name():
    assert isinstance(get_scorer("model"), ModelScorer)
    assert isinstance(get_scorer("rules"), RuleBasedScorer)
    assert get_scorer("model") is get_scorer("model")
    assert list(SCORERS) == ["model", "rules"]


def test_the_threshold_defaults_to_the_scorers_own(seed_body):
    model = get_scorer("model")
    claims = extract_claims(seed_body)
    assert claims == extract_claims(seed_body, threshold=model.threshold, scorer=model)
    floors = {QUOTED_SOURCE_REASON, *(NEWS_FORM_REASON.format(f) for f in NEWS_FORMS)}
    assert all(c.checkworthiness >= model.threshold or c.reasons[-1] in floors for c in claims)
    rules = extract_claims(seed_body, scorer=get_scorer("rules"))
    assert rules == extract_claims(seed_body, scorer=RuleBasedScorer(), threshold=0.5)
    assert all(set(c.reasons) <= set(FEATURE_WEIGHTS) for c in rules)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a named source's quotation is kept whatever its content scores
        ("Jane Roe chairs the council.\n\n“I told him no, and I meant it,” Roe said.", True),
        # …but not a quoted question, nor a quotation nobody is named for
        ("Jane Roe chairs the council.\n\n“Why would I ever tell him that?” Roe said.", False),
        ("“I told him no, and I meant it.”", False),
    ],
)
def test_a_named_sources_quotation_is_kept_below_the_threshold(body, kept):
    claims = extract_claims(body, threshold=1.0)
    quoted = [c for c in claims if c.attribution == "direct_quote"]
    assert bool(quoted) == kept
    assert all(c.reasons[-1] == QUOTED_SOURCE_REASON and c.claimant for c in quoted)


NEWS_FORMS = ("forecast by a third party", "official act")


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Economists expect rent growth to slow later in the year.", NEWS_FORMS[0]),
        ("It expects most customers to be reconnected by Wednesday evening.", NEWS_FORMS[0]),
        ("The remaining provinces are expected to finish their harvests by May.", NEWS_FORMS[0]),
        ("Analysts now forecast that prices will fall.", NEWS_FORMS[0]),
        ("The Met Office has issued a rare red warning for wind.", NEWS_FORMS[1]),
        (
            "Ohio lawmakers passed a bill last week that will let districts hire vans.",
            NEWS_FORMS[1],
        ),
        ("The governor declared a state of emergency in three counties.", NEWS_FORMS[1]),
        ("I passed 56 bills as a senator.", NEWS_FORMS[1]),  # an act is checkable in any person
        # a debater's own expectation or hope is no third party's forecast
        ("I don't expect you to watch every vote.", None),
        ("So I hope and expect that I will be liked by the people.", None),
        ("We expect to win this election.", None),
        ("Nobody expects the car trade to respond this fast.", None),
        ("The weather was fine on Sunday.", None),
    ],
)
def test_news_forms(text, form):
    assert news_form(text) == form


def test_a_news_form_is_kept_below_the_threshold_with_its_reason():
    body = "The weather service has issued a red warning for wind. Forecasters expect it to ease."
    claims = extract_claims(body, threshold=1.0)
    assert [c.reasons[-1] for c in claims] == [
        NEWS_FORM_REASON.format("official act"),
        NEWS_FORM_REASON.format("forecast by a third party"),
    ]
    # …but not as a question
    assert extract_claims("Has the weather service issued a warning for wind?", threshold=1.0) == []
    assert extract_claims("Do forecasters expect the wind to ease?", threshold=1.0) == []


def test_the_service_never_imports_the_training_stack():
    code = (
        "import sys, workers.extraction as e; e.get_scorer('model').score('5% more.'); "
        "bad = [m for m in ('sklearn', 'scipy', 'django') if m in sys.modules]; "
        "sys.exit(f'imported {bad}' if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout


# ======================================================================================
# CT24 (skipped when the data is absent). Dev only: dev-test is reported by `make eval`.
# ======================================================================================

needs_ct24 = pytest.mark.skipif(ct24_dir() is None, reason="CT24 data not present")


@needs_ct24
def test_ct24_dev_the_model_beats_the_rules_and_all_yes(scorer):
    rows = load("dev")
    gold = [label for _, label in rows]
    model = prf([scorer.score(t).value >= scorer.threshold for t, _ in rows], gold)[2]
    rules = prf([RuleBasedScorer().score(t).value >= 0.5 for t, _ in rows], gold)[2]
    all_yes = prf([True] * len(gold), gold)[2]
    print(f"CT24 dev F1: model {model:.3f}, rules {rules:.3f}, all-yes {all_yes:.3f}")
    assert model > rules > all_yes
    # The shipped file's own dev figure is what this scorer measures now.
    assert model == pytest.approx(scorer.metadata["dev"]["f1"], abs=1e-4)
