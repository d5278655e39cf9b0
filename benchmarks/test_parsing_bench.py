"""How fast the parser is, and that it stays linear: the web-paste fixtures, and hostile pastes
of two sizes (10x apart) in the shapes that make naive patterns backtrack. Linear means the
chars/s of the large paste is about that of the small one (see ``extra_info``)."""

import contextlib
from pathlib import Path

import pytest

from claims.parsing import ArticleTextError, parse_article

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pastes"

# name -> a function of n giving a paste of about n characters
HOSTILE = {
    "one long line of byline words": lambda n: "By " + "Jane " * (n // 5),
    "unclosed links": lambda n: "[a](" * (n // 4),
    "open brackets before a credit": lambda n: "(" * (n - 20) + "AP Photo/Jane Roe",
    "slashes after a credit label": lambda n: "Photo: " + "a/" * (n // 2),
    "a sentence without punctuation": lambda n: "word " * (n // 5),
    "menu lines": lambda n: "World\n" * (n // 6) + "The council approved it.",
    "caption and credit lines": lambda n: (
        "A caption line\nJane Roe/Reuters\n" * (n // 32) + "The council approved it."
    ),
    "related-link lines": lambda n: "Also read: a headline\n" * (n // 22) + "It passed.",
    "paragraphs ending in furniture": lambda n: (
        "It rose. Have your say in the comments below.\n\n" * (n // 48)
    ),
    "labels over link lists": lambda n: "It passed.\n" + "Related\n" * (n // 8),
    "the headline repeated": lambda n: "# Budget passes\n\n" + "Budget passes.\n\n" * (n // 16),
}


def test_parse_the_web_paste_fixtures(benchmark):
    pages = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    benchmark.group = "parser: fixtures"

    def parse_all():
        return [parse_article(page) for page in pages]

    benchmark(parse_all)
    chars = sum(len(page) for page in pages)
    benchmark.extra_info["pages"] = len(pages)
    benchmark.extra_info["chars_per_second"] = round(chars / benchmark.stats["mean"])


@pytest.mark.parametrize("size", [10_000, 100_000])
@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_parse_hostile_paste(benchmark, shape, size):
    text = HOSTILE[shape](size)
    benchmark.group = f"parser, hostile: {shape}"

    def parse():
        # Some shapes hold no prose at all; the time to find that out is what counts.
        with contextlib.suppress(ArticleTextError):
            parse_article(text)

    benchmark.pedantic(parse, rounds=5, iterations=1)
    benchmark.extra_info["chars"] = len(text)
    benchmark.extra_info["chars_per_second"] = round(len(text) / benchmark.stats["mean"])
