"""Rebuild ``workers/extract/cue_verbs.json``: the cue verbs learned from PolNeAR train.

For every finite verb (a past form, an -s form, or a base form after a modal or "did") that
follows a subject able to hold a view (a personal pronoun, a capitalised word that does not
open the sentence, or a noun naming people: "officials", "voters"), with auxiliaries and
adverbs between skipped, the verb's stem (``cue_verbs.stem``: a suffix lemmatiser) counts as a
**cue use** when the verb lies inside the gold cue of an attribution whose source ends before
it (the subject is the source), and as a **plain use** when it lies in no gold cue at all (the
annotators left the clause to the writer). Words that already open a frame (``CUE_WORDS``) are
not counted. Only the counts per stem are written (no corpus text); the cut that turns counts
into the lexicon lives in ``workers.extract.cue_verbs`` (chosen by cross-validation on two
halves of train).

``python -m evaluation.build_cue_verbs --polnear DIR [--articles FILE] [--out PATH]`` reads the
train split only (DIR: the fetched bare git directory or a folder holding ``data/``);
``--articles FILE`` keeps the article stems listed in FILE (one a line), for cross-validation.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from evaluation.polnear import articles, read_split
from evaluation.polnear_gold import parse_brat
from workers.extract.cue_verbs import MODALS, finite_form, stem
from workers.extract.cues import CUE_WORDS

OUT = Path(__file__).resolve().parents[1] / "workers" / "extract" / "cue_verbs.json"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*|[^\sA-Za-z]")
_SKIP = frozenset(
    {"has", "have", "had", "also", "not", "never", "n't", "later", "then", "again", "already",
     "previously", "recently", "repeatedly", "now", "still", "reportedly", "once", "first",
     "publicly", "privately", "even", "just", "only", "would", "will", "could", "did", "does",
     "do", "can", "may", "might", "should", "must"}
)  # fmt: skip
# Function words that follow a subject without being its verb.
_NOT_VERBS = frozenset(
    {"is", "was", "were", "are", "be", "been", "being", "to", "a", "an", "as", "the", "us",
     "no", "since", "always", "all", "both", "who", "which", "that", "and", "or", "but", "in",
     "of", "on", "at", "for", "with", "from", "this", "his", "her", "its", "their", "says"}
)  # fmt: skip
_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ees", "ians", "ants", "ents", "ives", "officials")
_SENTENCE_END = frozenset({".", "?", "!", ":", ";", "“", '"', "”"})


def _view_holder(words: list[tuple[str, int, int]], k: int) -> bool:
    """Is the word at ``k`` the end of a subject that can hold a view?"""
    word = words[k][0]
    if word.lower() in _PRONOUNS:
        return True
    if word[:1].isupper() and word.isalpha():
        return k > 0 and words[k - 1][0] not in _SENTENCE_END  # not a sentence's opening word
    return word.islower() and word.endswith(_PEOPLE_ENDINGS)


def count(raw: str, ann: str, tally: dict[str, list[int]]) -> None:
    """Add one article's cue and plain uses to ``tally`` ({stem: [cue, plain]})."""
    golds = parse_brat(ann, raw)
    cue_at: dict[int, bool] = {}  # character offset in a gold cue -> its source comes before it
    for gold in golds:
        source_end = max((b for _a, b in gold.source or []), default=None)
        for a, b in gold.cue:
            for c in range(a, b):
                before = source_end is not None and source_end <= c and c - source_end < 80
                cue_at[c] = cue_at.get(c, False) or before
    # A verb inside someone's content (a quotation, a reported clause) is framed by that
    # attribution, never by its own subject: it says nothing about the verb as a cue.
    framed = {c for gold in golds for a, b in gold.content for c in range(a, b)}
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(raw)]
    for k, (word, at, _end) in enumerate(words):
        if not (word.isalpha() and word.islower()) or word in CUE_WORDS | _NOT_VERBS:
            continue
        if word in _SKIP or word.endswith("ly"):
            continue
        j = k - 1
        while j >= 0 and (words[j][0].lower() in _SKIP or words[j][0].endswith("ly")):
            j -= 1
        if j < 0 or not _view_holder(words, j):
            continue
        after_modal = j < k - 1 and words[k - 1][0].lower() in MODALS
        if not (finite_form(word) or after_modal):
            continue
        key = stem(word)
        if at in cue_at:
            if cue_at[at]:
                tally.setdefault(key, [0, 0])[0] += 1
        elif at not in framed:
            tally.setdefault(key, [0, 0])[1] += 1


def build(location: Path, keep: set[str] | None = None) -> dict[str, list[int]]:
    tally: dict[str, list[int]] = {}
    for name, raw, ann, _outlet in articles(read_split(location, "train")):
        if keep is None or name in keep:
            count(raw, ann, tally)
    return {k: v for k, v in sorted(tally.items()) if v[0] >= 2}


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--polnear", required=True, type=Path)
    ap.add_argument("--articles", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    keep = set(args.articles.read_text().split()) if args.articles else None
    verbs = build(args.polnear, keep)
    rows = ",\n".join(f"  {json.dumps(k)}: [{cue}, {plain}]" for k, (cue, plain) in verbs.items())
    head = '"source": "PolNeAR train", "counts": "stem: [cue uses, plain uses]"'
    args.out.write_text(f'{{\n {head},\n "verbs": {{\n{rows}\n }}\n}}\n')
    print(f"{len(verbs)} stems with >= 2 cue uses -> {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
