"""workers.language (pure): the language an article is written in, table-driven over short news
paragraphs in nine languages written for these tests."""

from __future__ import annotations

import pytest

from tests.workers.conftest import SEED_BODY
from tests.workers.language_samples import SAMPLES, TOO_SHORT
from workers.enrichment import find_quantities
from workers.language import detect_language, is_supported, unsupported_reason


@pytest.mark.parametrize(("expected", "text"), SAMPLES, ids=[t[:30] for _, t in SAMPLES])
def test_each_paragraph_is_read_in_its_language(expected, text):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", TOO_SHORT)
def test_too_short_to_tell_is_undetermined(text):
    assert detect_language(text) is None


def test_the_seed_and_english_full_of_foreign_names_stay_english():
    assert detect_language(SEED_BODY) == "en"
    names = " ".join(text for lang, text in SAMPLES if lang == "en")
    assert detect_language(names) == "en"


def test_a_whole_spanish_article_is_spanish():
    body = "\n\n".join(text for lang, text in SAMPLES if lang == "es")
    assert detect_language(body) == "es"


def test_only_english_is_supported_and_the_reason_names_the_language():
    assert is_supported("en")
    assert not is_supported("es")
    assert unsupported_reason("es") == "language es is not supported yet"


@pytest.mark.parametrize(
    "text", ["más de 450.000 personas", "1.000.000 de euros", "unos 3.000 soldados"]
)
def test_thousands_grouped_with_dots_are_never_read_as_small_numbers(text):
    assert not [q for q in find_quantities(text) if q.value < 1000]


def test_an_english_decimal_with_three_places_stays():
    [quantity] = find_quantities("a 2.125 percent coupon")
    assert quantity.value == pytest.approx(2.125)
