"""The domain model (docs/architecture.md, "Domain model"), by subdomain: articles and entities,
claims and their event log, enrichment, checklists and evidence, jobs, webhooks, other desks'
fact-checks.

Writes that span rows or change a claim's status go through `claims.services`; reads with joins
through `claims.selectors`. Import from here: `from claims.models import Claim`.
"""

from .articles import Article, Entity, EntityKind, Outlet, PipelineStatus, TimeStamped
from .checklists import (
    ChecklistItem,
    ChecklistState,
    ChecklistTemplate,
    ChecklistTemplateItem,
    Evidence,
    Stance,
)
from .claims import (
    Attribution,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    EventKind,
    Priority,
    Verdict,
)
from .enrichment import (
    Bound,
    DateMention,
    Granularity,
    Mention,
    Quantity,
    SimilarClaim,
    SimilarityDecision,
)
from .external import ExternalFactCheck, ExternalMatch
from .jobs import IdempotencyKey, Job, JobStage, JobState
from .webhooks import DeliveryState, WebhookDelivery, WebhookEndpoint, WebhookEvent

__all__ = [
    "Article",
    "Attribution",
    "Bound",
    "ChecklistItem",
    "ChecklistState",
    "ChecklistTemplate",
    "ChecklistTemplateItem",
    "Claim",
    "ClaimEvent",
    "ClaimStatus",
    "ClaimType",
    "DateMention",
    "DeliveryState",
    "Entity",
    "EntityKind",
    "EventKind",
    "Evidence",
    "ExternalFactCheck",
    "ExternalMatch",
    "Granularity",
    "IdempotencyKey",
    "Job",
    "JobStage",
    "JobState",
    "Mention",
    "Outlet",
    "PipelineStatus",
    "Priority",
    "Quantity",
    "SimilarClaim",
    "SimilarityDecision",
    "Stance",
    "TimeStamped",
    "Verdict",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
