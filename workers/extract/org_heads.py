"""The generic nouns that stand in for an organisation the gazetteer does not know, read off
its name: "Harbor Foods Inc." is "the company" and "the firm", "the Tarrow Housing Authority"
"the authority", "Local 881" "the union". The gazetteer gives its own entries' heads; these are
for the names the fallback finder found. Pure: no Django.
"""

from __future__ import annotations

from workers.enrich.name_context import TRADE_NOUNS
from workers.enrich.name_words import COMPANY_WORDS
from workers.nlp.world import COMPANIES

from .sources import ORG_HEAD_NOUNS

# Besides the name finder's company words, the bare forms a pasted name may carry.
_BUSINESS = COMPANY_WORDS | {"Inc", "Corp", "Ltd", "PLC", "plc", "AG", "SA", "Oil", "Group"}
# Words of a public body's name: "the Ministry of Mining" is no company.
_PUBLIC_WORDS = frozenset(
    {"Ministry", "Department", "Agency", "Bureau", "Office", "Commission", "Authority",
     "Council", "Board", "Administration", "Service"}
)  # fmt: skip
_KNOWN_COMPANIES = frozenset(COMPANIES)
# Name words whose generic noun is another word ("Bureau" → "the agency" too).
_ALSO = {
    "bureau": ("agency",),
    "service": ("agency",),
    "university": ("school",),
    "local": ("union",),
    "association": ("group",),
    "foundation": ("group",),
    "coalition": ("group",),
}


def org_heads(name: str) -> tuple[str, ...]:
    """The nouns "the …" may use for the organisation called ``name``."""
    heads: list[str] = []
    words = name.split()
    public = any(w in _PUBLIC_WORDS for w in words)
    if name in _KNOWN_COMPANIES or (any(w in _BUSINESS for w in words) and not public):
        heads += ["company", "firm"]
    for word in words:
        lowered = word.lower()
        if lowered in ORG_HEAD_NOUNS or lowered in _ALSO:
            heads += [lowered, *_ALSO.get(lowered, ())]
    return tuple(dict.fromkeys(heads))


def trade_heads(kind: str, before: str) -> tuple[str, ...]:
    """The nouns "the …" may use for an organisation the article introduced by its trade
    ("German carmaker Volkhaus" is "the company", "the firm" and "the carmaker")."""
    words = before.split()
    noun = words[-1] if words else ""
    if kind != "organization" or noun not in TRADE_NOUNS:
        return ()
    return tuple(dict.fromkeys(("company", "firm", noun)))
