"""Quotation or paraphrase: ``is_direct_quote`` tells whether an attribution's content is a
quotation; ``is_quotation_only`` recognises a bare quotation that continues an earlier speaker;
``unclosed_opening`` finds a quotation a paragraph leaves open (news style for a quotation that
runs on into the next paragraph). Pure: no Django.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import QUOTE_PARTICIPLES
from .speakers import LEADING_CONJUNCTIONS, Attribution


def _content_after(doc: Doc, verb: int, end: int) -> int:
    """Index of the first content token after a speech verb (skips "that", the
    addressee "the Reuters news agency", adverbials like "earlier this week")."""
    i = verb + 1
    while i < end and (doc[i].is_space or doc[i].text in {",", ":"}):
        i += 1
    return i


def _quote_spans_to_end(doc: Doc, start: int, end: int, inside: dict) -> int | None:
    """If a quotation opens at ``start`` and closes at the end of the range (only
    punctuation after it), return its closing index."""
    if start >= end or start not in inside or inside[start][0] != start:
        return None
    close = inside[start][1]
    rest = [t for t in doc[close + 1 : end] if not (t.is_punct or t.is_space)]
    return close if not rest else None


def is_direct_quote(
    doc: Doc, start: int, end: int, attr: Attribution, inside: dict[int, tuple[int, int]]
) -> bool:
    """Is the content of this attribution a quotation (rather than a paraphrase)?"""
    if attr.trailing:
        # Content is before the attribution: "But “…”, the spokesperson said."
        i = start
        while i < end and (doc[i].lower_ in LEADING_CONJUNCTIONS or doc[i].is_space):
            i += 1
        if i in inside and inside[i][0] == i:
            close = inside[i][1]
            speaker_start = attr.speaker[0] if attr.speaker else attr.verb
            first = min(speaker_start, attr.verb)
            between = [t for t in doc[close + 1 : first] if not (t.is_punct or t.is_space)]
            return not between
        return False
    # Content after the verb is a quotation running to the end: "X said: “…”"
    content = _content_after(doc, attr.verb, end)
    if _quote_spans_to_end(doc, content, end, inside) is not None:
        return True
    # A participle introducing a closing quotation: "…, telling Trump, “…”"
    for i in range(attr.verb + 1, end):
        if i in inside or doc[i].lower_ not in QUOTE_PARTICIPLES:
            continue
        for j in range(i + 1, min(i + 6, end)):
            if (
                doc[j].text in {",", ":"}
                and j + 1 < end
                and _quote_spans_to_end(doc, j + 1, end, inside) is not None
            ):
                return True
    return False


def is_quotation_only(doc: Doc, start: int, end: int, inside: dict) -> bool:
    """The whole range is one quotation (or the unclosed tail of one)."""
    tokens = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    if not tokens:
        return False
    if all(t.i in inside for t in tokens) and len({inside[t.i] for t in tokens}) == 1:
        return True
    text = doc[start:end].text.strip()
    # Either half of a quotation split across sentences: “… (never closed here) or
    # … ” (never opened here).
    if text.startswith("“") and "”" not in text:
        return True
    return text.endswith(("”", "”.")) and "“" not in text


# Marks that open a quotation; a straight mark opens one only after a space.
_OPENING_MARKS = frozenset({"“", "„", "«", "``", '"', "''"})
_ANY_MARKS = _OPENING_MARKS | {"”", "»"}


def unclosed_opening(doc: Doc, start: int, end: int, inside: dict) -> int | None:
    """The first mark of the range (one paragraph) that opens a quotation never closed in
    it, or None: news style leaves the mark open at a paragraph's end when the quotation
    runs on, and opens the next paragraph with a mark again."""
    # One unmatched mark only: two ("“Not yet,“ he said") are a pairing gone wrong.
    stray = [i for i in range(start, end) if doc[i].text in _ANY_MARKS and i not in inside]
    if len(stray) != 1 or stray[0] + 1 >= end:
        return None
    i = stray[0]
    rest = doc[i + 1 : end].text
    if (
        doc[i].text in _OPENING_MARKS
        # a closing mark the tokenizer left inside a word ("weapons”–were") closes it
        and not any(mark in rest for mark in ("”", "»", '"', "''"))
        and (i == start or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space)
        and not (doc[i + 1].is_space or doc[i + 1].is_punct)
    ):
        return i
    return None


def opens_with_quotation(doc: Doc, start: int) -> bool:
    return doc[start].text in _OPENING_MARKS


def quotation_paragraph(doc: Doc, start: int, end: int) -> bool:
    """Is the paragraph (tokens ``start``..``end``) one quotation and nothing else: a mark
    opens it and the only other mark, if any, closes it ("“A. B.”", or "“A." left open)?
    A mark between ("“A,” she said “B.”") means words outside it: a tag of its own."""
    marks = [i for i in range(start, end) if doc[i].text in _ANY_MARKS]
    if not marks or marks[0] != start or doc[start].text not in _OPENING_MARKS:
        return False
    if len(marks) == 1:
        return True
    tail = [t for t in doc[marks[1] + 1 : end] if not (t.is_punct or t.is_space)]
    return len(marks) == 2 and not tail
