"""The extractor's public data types: a resolved claimant, a claim candidate, the claim types."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntityRef:
    """A resolved claimant.

    ``aliases`` is informational (the gazetteer's surface forms) and deliberately left
    out of equality and hashing, so ``EntityRef("Claudia Sheinbaum", "person")`` equals
    the fully populated reference the extractor returns.
    """

    name: str
    kind: str  # person | organization | place | group
    aliases: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class ClaimCandidate:
    text: str  # exactly body[start:end]
    start: int
    end: int
    sentence_index: int  # 0-based index into split_sentences(body)
    claim_type: str  # one of CLAIM_TYPES
    checkworthiness: float
    reasons: tuple[str, ...]
    claimant: EntityRef | None
    attribution: str  # direct_quote | reported_speech | according_to | author


CLAIM_TYPES = (
    "statistic",
    "superlative",
    "comparison",
    "quote",
    "event",
    "policy",
    "prediction",
    "causal",
    "other",
)
