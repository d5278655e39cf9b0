"""The one way the desk shortens a claim or a title (pure: no database)."""

import pytest

from claims.text import ellipsize

FIGURE = (
    "At the same time, the Mexican president said she had urged Trump to stop the cross-border "
    "arms trafficking that has contributed to a wave of violence that has killed more than "
    "450,000 in Mexico over nearly two decades."
)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short claim.", 80, "Short claim."),
        ("x" * 75, 75, "x" * 75),
        ("word " * 30, 75, ("word " * 15).strip() + "…"),  # a whole last word fits exactly
        (
            FIGURE,
            80,
            "At the same time, the Mexican president said she had urged Trump to stop the…",
        ),
        (FIGURE, 183, FIGURE[: FIGURE.index(" 450,000")] + "…"),  # never "450,0…"
        ("Sheinbaum said:   “no,\n\nnever”, and left.", 24, "Sheinbaum said: “no…"),
        ("Trump to stop, then more words follow", 16, "Trump to stop…"),  # no dangling comma
        ("y" * 100, 75, "y" * 74 + "…"),  # one word longer than the limit: the only mid-word cut
        ("https://example.org/a/very/long/path", 10, "https://e…"),
        ("Anything", 1, "…"),
    ],
)
def test_ellipsize_cuts_at_a_word_with_an_ellipsis(text, limit, expected):
    shortened = ellipsize(text, limit)
    assert shortened == expected
    assert len(shortened) <= limit


def test_every_cut_of_the_seed_figure_ends_on_a_whole_word():
    words = FIGURE.split()
    for limit in range(len(words[0]) + 2, len(FIGURE)):
        shortened = ellipsize(FIGURE, limit)
        assert len(shortened) <= limit
        kept = shortened.removesuffix("…").split()
        if kept:
            last = kept[-1]
            assert words[len(kept) - 1].startswith(last), (limit, shortened)
            assert last.rstrip(",") == words[len(kept) - 1].rstrip(","), (limit, shortened)
