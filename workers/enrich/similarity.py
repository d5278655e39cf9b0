"""Fuzzy similarity of claim texts (rapidfuzz), for suggesting claims already tracked."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

# Weights of the blended similarity.  token_set_ratio ignores word order and
# duplicated words, so a reworded claim scores high; on its own it also gives 100 when
# one text's words are a subset of the other's ("Trump" vs "Trump imposed tariffs"),
# so plain ratio (edit distance over the whole string) is blended in to pull those down.
TOKEN_SET_WEIGHT = 0.7
RATIO_WEIGHT = 0.3


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two claim texts (deterministic).

    Both texts are normalised with rapidfuzz's ``default_process`` (lower-case,
    non-alphanumerics to spaces, trimmed), then scored as
    ``0.7 * token_set_ratio + 0.3 * ratio``, divided by 100.  Two empty texts score 0.
    """
    pa, pb = default_process(a), default_process(b)
    if not pa or not pb:
        return 0.0
    score = TOKEN_SET_WEIGHT * fuzz.token_set_ratio(pa, pb) + RATIO_WEIGHT * fuzz.ratio(pa, pb)
    return round(score / 100.0, 6)


def rank_similar(
    text: str, candidates: Iterable[tuple[int, str]], *, threshold: float
) -> list[tuple[int, float]]:
    """Re-rank (id, text) candidates by ``similarity`` to ``text``.

    Returns (id, score) pairs with score >= threshold, best first; ties are broken by
    ascending id so the order is deterministic.
    """
    query = default_process(text)
    if not query:
        return []
    ranked: list[tuple[int, float]] = []
    for cid, candidate in candidates:
        processed = default_process(candidate)
        if not processed:
            continue
        score = (
            TOKEN_SET_WEIGHT * fuzz.token_set_ratio(query, processed)
            + RATIO_WEIGHT * fuzz.ratio(query, processed)
        ) / 100.0
        score = round(score, 6)
        if score >= threshold:
            ranked.append((cid, score))
    ranked.sort(key=lambda pair: (-pair[1], pair[0]))
    return ranked
