"""Who a source phrase names without naming its source: the one it speaks to ("a source
speaking to Fox News") and where a document appeared ("a study published in the Journal of X").
Pure: no Django.
"""

from __future__ import annotations

from workers.enrichment import EntityMention

# Words a source phrase drops before a name or a description ("the", "its", …).
LEADING = frozenset({"a", "an", "the", "this", "these", "those", "its", "their", "his", "her"})
_ADDRESSING = frozenset({"to", "speaking", "talking", "told"})


def addressed(phrase: str, mention: EntityMention, phrase_start: int) -> bool:
    """The mention is what the source speaks to ("a source speaking to Fox News")."""
    before = phrase[: max(mention.start - phrase_start, 0)].split()
    while before and before[-1].lower() in LEADING:
        before.pop()  # "speaking to the Ledger"
    return bool(before) and before[-1].lower() in _ADDRESSING


def published_in(phrase: str, mention: EntityMention, phrase_start: int) -> bool:
    """The mention is where the document appeared ("a study published Wednesday in the Journal
    of X"), not who wrote it; "a report in the Ledger" is the paper's own."""
    before = phrase[: max(mention.start - phrase_start, 0)].lower().split()
    while before and before[-1] in LEADING:
        before.pop()
    return bool(before) and before[-1] == "in" and bool({"published", "appeared"} & set(before))
