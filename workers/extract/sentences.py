"""Sentences and paragraphs of an article body (token and character spans)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from workers.nlp import get_nlp, quotation_map, repair_closing_marks


def _sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        spans.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return spans


def split_sentences(body: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of every sentence in ``body``.

    Newlines are hard breaks; "U.S." and other abbreviations do not end a sentence
    unless a typical sentence opener follows; a quotation followed by its attribution
    (``…,” Sheinbaum said.``) stays in one sentence.
    """
    if not body.strip():
        return []
    nlp = get_nlp()
    # Only the tokenizer and our sentencizer are needed; calling the component directly
    # (rather than select_pipes) keeps the shared pipeline untouched and thread-safe.
    doc = nlp.get_pipe("factcheck_sentencizer")(nlp.make_doc(repair_closing_marks(body)))
    return _sentence_spans(doc)


def paragraph_index(body: str, sentence_starts: list[int]) -> list[int]:
    indices = []
    paragraph = 0
    prev = 0
    for start in sentence_starts:
        paragraph += len(re.findall(r"\n\s*\n", body[prev:start]))
        indices.append(paragraph)
        prev = start
    return indices


def paragraph_quotations(doc: Doc) -> dict[int, tuple[int, int]]:
    """``quotation_map`` over every paragraph (newline-separated run) of the doc."""
    inside: dict[int, tuple[int, int]] = {}
    start = None
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text:
            if start is not None:
                inside.update(quotation_map(doc, start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        inside.update(quotation_map(doc, start, len(doc)))
    return inside


def iter_sentence_tokens(doc: Doc) -> Iterator[tuple[int, int]]:
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if tokens:
            yield tokens[0].i, tokens[-1].i + 1
