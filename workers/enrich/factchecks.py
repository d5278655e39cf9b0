"""Matching a claim against other desks' fact-checks (pure: no Django).

The ranking is the similar-claims one (`similarity.rank_similar`: rapidfuzz's token-set ratio
blended with plain ratio), at its own, higher threshold (FACTCHECK_EXTERNAL_MATCH), plus two rules
fuzzy ratios cannot see: two claims that both state figures and share none are about different
facts ("450,000 killed" is not "45,000 killed", though one character apart), and a claim that
something rose is not one that it fell. The threshold's
precision on a set of paraphrase and non-paraphrase pairs is measured by
`python -m evaluation.factcheck_matching` (docs/factchecks.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .similarity import rank_similar

# FACTCHECK_EXTERNAL_MATCH's default: precision 1.0 on both pair sets (docs/factchecks.md).
DEFAULT_THRESHOLD = 0.9

# A figure as written: digits with thousands separators or a decimal part ("450,000", "2.5").
_FIGURE = re.compile(r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?")


def figures(text: str) -> frozenset[str]:
    """The figures a text states, normalised ("450,000" and "450 000" are both "450000";
    "2.5" stays "2.5")."""
    found = set()
    for match in _FIGURE.finditer(text):
        figure = re.sub(r"[,\u00a0 ](?=\d{3}\b)", "", match.group())
        figure = re.sub(r"\.(?=\d{3}(?:\D|$))", "", figure) if figure.count(".") > 1 else figure
        found.add(figure.replace(",", "."))
    return frozenset(found)


def figures_agree(a: str, b: str) -> bool:
    """False when one text states a figure the other, which states figures too, does not: the
    figures of the text with fewer of them must all be in the other ("300,000 homes since 2019"
    is not "200,000 homes since 2019", though both say 2019)."""
    fa, fb = figures(a), figures(b)
    if not fa or not fb:
        return True
    fewer, more = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    return fewer <= more


def _words(text: str) -> list[str]:
    return text.split()


# Words of direction or extent: "crime rose" is not "crime fell", "the largest" is not "the
# smallest", however alike the rest of the sentence. A text using words of both ("rose, then
# fell") says nothing either way.
_UP = frozenset(
    _words(
        "rose rise rises risen grew grown grow grows increased increase increases up higher "
        "highest larger largest biggest most more doubled tripled gained raise raises raised "
        "above best record"
    )
)
_DOWN = frozenset(
    _words(
        "fell fall falls fallen dropped drop drops shrank shrink shrinks decreased decrease "
        "decreases down lower lowest smaller smallest least fewer less halved lost cut cuts "
        "below worst"
    )
)
_WORD = re.compile(r"[a-z]+")


def _direction(text: str) -> int:
    words = set(_WORD.findall(text.lower()))
    up, down = bool(words & _UP), bool(words & _DOWN)
    return 0 if up == down else (1 if up else -1)


def directions_agree(a: str, b: str) -> bool:
    """False when one text speaks only of going up or being more ("rose", "largest") and the
    other only of going down or being less ("fell", "smallest")."""
    return _direction(a) * _direction(b) >= 0


def match_factchecks(
    text: str, candidates: Iterable[tuple[int, str]], *, threshold: float, limit: int = 5
) -> list[tuple[int, float]]:
    """(id, score) of the candidates (id, claim reviewed) that say the same as `text`: scored
    by `rank_similar`, at or above `threshold`, with agreeing figures and directions; best first,
    at most `limit`."""
    pool = dict(candidates)
    ranked = rank_similar(text, pool.items(), threshold=threshold)
    return [
        (cid, score)
        for cid, score in ranked
        if figures_agree(text, pool[cid]) and directions_agree(text, pool[cid])
    ][:limit]
