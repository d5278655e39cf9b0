"""spaCy's tokenizer, fed in bounded pieces so that no input makes it slower than linear.

spaCy's tokenizer strips prefixes and suffixes one at a time, searching the rest of the
whitespace-free run each time: a run of thousands of ``"`` ``)`` ``!`` or ``'`` costs time
quadratic in its length (10,000 quotes took 40 s), and its special cases (``'``, ``''``,
``'s``) make even short runs add up super-linearly over a long text. So:

* text is tokenized in pieces of about ``PIECE`` characters, cut only where whitespace
  meets a word (where spaCy's own result is the same on either side);
* a whitespace-free run longer than ``LONG_RUN`` characters, or ``PUNCT_RUN`` punctuation
  marks in a row, is not given to spaCy at all: it becomes word runs and runs of
  punctuation (prose has neither; a long URL is the only thing read differently, and it
  is not a claim).

Ordinary text shorter than ``WHOLE`` goes straight to spaCy, untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc
from spacy.vocab import Vocab

PIECE = 2000
# Text this short with no hostile run goes to spaCy whole: its special cases ("'", "''",
# ":)", "’") cost super-linearly only over many thousands of matches.
WHOLE = 20_000
LONG_RUN = 64
PUNCT_RUN = 5
# A whitespace-free run longer than LONG_RUN, or PUNCT_RUN punctuation marks in a row.
_HOSTILE_RE = re.compile(rf"\S{{{LONG_RUN + 1},}}|[^\w\s]{{{PUNCT_RUN},}}")
_RUN_TOKEN_RE = re.compile(r"\w+|[^\w\s]+")
_CUT_RE = re.compile(r"\s(?=\S)")


class BoundedTokenizer:
    """Wraps a spaCy tokenizer (keeps its special cases and attributes for ordinary text)."""

    def __init__(self, inner: Callable[[str], Doc], vocab: Vocab) -> None:
        self.inner = inner
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        if len(text) <= WHOLE and not _HOSTILE_RE.search(text):
            return self.inner(text)
        words: list[str] = []
        spaces: list[bool] = []
        strings = self.vocab.strings
        for piece, is_run in pieces(text):
            if is_run:
                run_words = _RUN_TOKEN_RE.findall(piece)
                words += run_words
                spaces += [False] * len(run_words)
                continue
            # Lexical attributes (is_alpha, is_punct …) come from the vocabulary, so a Doc
            # rebuilt from words and spaces reads like the one spaCy made.
            array = self.inner(piece).to_array([ORTH, SPACY])
            words += [strings[int(orth)] for orth in array[:, 0]]
            spaces += array[:, 1].astype(bool).tolist()
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy calls these when it serialises a pipeline; delegate them.
    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def pieces(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` cut into (piece, is_hostile_run): pieces join back to ``text`` exactly."""
    pos = 0
    for run in _HOSTILE_RE.finditer(text):
        yield from _bounded(text[pos : run.start()])
        yield run.group(), True
        pos = run.end()
    yield from _bounded(text[pos:])


def _bounded(text: str) -> Iterator[tuple[str, bool]]:
    """Cut ``text`` (no long run in it) into pieces of about ``PIECE`` characters, each cut just
    before a word that follows whitespace (spaCy reads whitespace locally: the tokens on either
    side are the ones it makes of the whole)."""
    pos = 0
    while len(text) - pos > PIECE:
        cut = _CUT_RE.search(text, pos + PIECE)
        if cut is None:
            break
        yield text[pos : cut.end()], False
        pos = cut.end()
    if pos < len(text):
        yield text[pos:], False
