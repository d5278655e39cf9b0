"""Entity kinds that are right (issue 8, part 4), table-driven over labelled mentions in
news-style sentences written for these tests: persons, organisations, places and groups; a
demonym, a country, an app or a newspaper is never a person."""

from __future__ import annotations

import pytest

from tests.workers.conftest import SEED_DATE
from tests.workers.entity_kind_samples import CONTEXT, HELD_OUT, SAMPLES
from workers.enrichment import enrich

# Known misses, kept visible: a lone unknown name opening a sentence is read as an ordinary
# capitalised word.
KNOWN_MISSES = {
    ("Lula told reporters", "Lula"),
}


def _cases(samples):
    for sentence, labels in samples:
        for mention, kind in labels:
            marks = ()
            if any(sentence.startswith(s) and mention == m for s, m in KNOWN_MISSES):
                marks = (pytest.mark.xfail(strict=True, reason="known miss"),)
            yield pytest.param(sentence, mention, kind, marks=marks, id=f"{mention}->{kind}")


def _kinds(sentence: str) -> dict[str, str]:
    return {m.text: m.kind for m in enrich(sentence, reference_date=SEED_DATE).entities}


@pytest.mark.parametrize(
    ("sentence", "mention", "kind"), [*_cases(SAMPLES), *_cases(HELD_OUT), *_cases(CONTEXT)]
)
def test_each_mention_has_its_kind(sentence, mention, kind):
    found = _kinds(sentence)
    if kind is None:
        assert mention not in found  # a nationality alone is no entity
    else:
        assert found.get(mention) == kind


@pytest.mark.parametrize(("sentence", "labels"), SAMPLES, ids=lambda v: str(v)[:25])
def test_no_country_nationality_app_or_newspaper_is_a_person(sentence, labels):
    people = {text for text, kind in _kinds(sentence).items() if kind == "person"}
    assert people <= {mention for mention, kind in labels if kind == "person"}


def test_a_compass_adjective_opens_no_region():
    """ "West Tarshire" is a region, "Western Ledgerline" (an outlet, a company) is not."""
    assert _kinds("Labour MPs from West Tarshire wrote.")["West Tarshire"] == "place"
    assert (
        _kinds("As first reported by Western Ledgerline, the deal fell.").get("Western Ledgerline")
        != "place"
    )


@pytest.mark.parametrize("text", ["The deal was signed by Volkhaus", "Shares fell at Volkhaus'"])
def test_a_name_ending_the_text_is_read(text):
    """A name that is the text's last token (a truncated paste) must not read past the end."""
    assert _kinds(text)["Volkhaus"]
