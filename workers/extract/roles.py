"""A leader's title around a name ("Mexican President Claudia Sheinbaum", "…, the Mexican
president") and the role a speaker phrase names ("the U.S. president", "the former premier"):
the patterns discourse.py reads to keep each office's holder. Pure: no Django.
"""

from __future__ import annotations

import re

from workers.nlp import DEMONYMS

ROLE_RE = re.compile(
    r"(?:(?P<nat>[A-Z][\w.]*|[Uu]\.[Ss]\.)\s+)?(?P<title>President|Pres\.|Prime Minister|Premier|"
    r"president|leader|prime minister|premier|counterpart|head of state)\s*,?\s*$"
)
ROLE_AFTER_RE = re.compile(
    r"^\s*,\s*(?:the|a|an|his|her|its)\s+(?:(?P<nat>[\w.]+)\s+)?(?P<title>president|leader|"
    r"prime minister|premier|counterpart|head of state)\b",
    re.IGNORECASE,
)
ROLE_REF_RE = re.compile(
    r"^(?:(?:the|a|an|his|her|its|their)\s+)?(?:(?P<nat>[\w.]+)\s+)?(?P<title>president|leader|"
    r"prime minister|premier|counterpart|head of state)$",
    re.IGNORECASE,
)
# "former"/"ex-" before a title: a role the person held, kept apart from the office's holder.
FORMER_RE = re.compile(r"\b(?:former|ex-?)\s*$", re.IGNORECASE)


def nationality(word: str | None) -> str | None:
    """The country a people's adjective names ("Mexican" -> Mexico), else None."""
    if not word:
        return None
    return DEMONYMS.get(word.lower().rstrip(","))
