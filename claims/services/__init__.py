"""Services: every write that spans rows or changes a claim's status (HackSoft's styleguide), by
subdomain. Typed, keyword-only functions named `<entity>_<action>`; the API, the admin, management
commands and tasks call them and stay thin. Their refusals are `claims.exceptions`.

Import from here (`from claims import services`); the modules are how the code is laid out:

- `ingest`       article_ingest, article_ingest_url, article_fill_from_page, article_reprocess
- `claims`       claim_create, claim_update, claim_transition, claim_comment
- `checklists`   checklist_item_update, evidence_add, evidence_delete
- `desk`         the editors' bulk operations and decisions on similar claims
- `machine`      recording the pipeline's results (language, claims; one claim's enrichment,
                 checklist)
- `batch`        recording enrichment and checklists for a batch of claims, in bulk
- `jobs`         the job outbox: queueing, publishing, the lifecycle, taking back, sweeping
- `webhooks`     webhook endpoints, emitting events, the delivery outbox and its attempts
- `external`     importing other desks' ClaimReview, recording the claims they match
- `idempotency`  the API's Idempotency-Key records
- `common`       the claim's row lock and the one version check, the one URL rule
"""

from .batch import checklists_build, claims_enrichment_apply, entities_resolve
from .checklists import checklist_item_update, evidence_add, evidence_delete
from .claims import (
    CLAIM_EDITABLE_FIELDS,
    claim_comment,
    claim_create,
    claim_transition,
    claim_update,
)
from .desk import (
    BulkOutcome,
    claims_assign,
    claims_reenrich,
    claims_transition,
    similar_claim_decide,
)
from .external import ImportResult, claim_external_matches_apply, external_factchecks_import
from .idempotency import (
    IDEMPOTENCY_TTL,
    StoredAnswer,
    idempotency_key_record,
    idempotency_key_release,
    idempotency_key_reserve,
    idempotency_keys_purge,
)
from .ingest import (
    IngestResult,
    article_fill_from_page,
    article_ingest,
    article_ingest_url,
    article_reprocess,
)
from .jobs import (
    article_pipeline_rollup,
    broker_register,
    claim_jobs_end,
    claim_jobs_enqueue,
    claim_jobs_publish,
    claim_jobs_queue,
    claim_jobs_retry_later,
    claim_jobs_start,
    job_fail,
    job_finish,
    job_publish,
    job_queue,
    job_requeue,
    job_retry_later,
    job_start,
    jobs_republish_stale,
    jobs_take_back,
)
from .machine import (
    article_language_record,
    checklist_build,
    claim_enrichment_apply,
    claims_record,
    entity_resolve,
)
from .webhooks import (
    deliveries_sweep,
    delivery_attempt,
    delivery_redeliver,
    endpoint_create,
    endpoint_delete,
    endpoint_disable,
    endpoint_rotate_secret,
    endpoint_update,
    webhook_emit,
)

__all__ = [
    "CLAIM_EDITABLE_FIELDS",
    "IDEMPOTENCY_TTL",
    "BulkOutcome",
    "ImportResult",
    "IngestResult",
    "StoredAnswer",
    "article_fill_from_page",
    "article_ingest",
    "article_ingest_url",
    "article_language_record",
    "article_pipeline_rollup",
    "article_reprocess",
    "broker_register",
    "checklist_build",
    "checklist_item_update",
    "checklists_build",
    "claim_comment",
    "claim_create",
    "claim_enrichment_apply",
    "claim_external_matches_apply",
    "claim_jobs_end",
    "claim_jobs_enqueue",
    "claim_jobs_publish",
    "claim_jobs_queue",
    "claim_jobs_retry_later",
    "claim_jobs_start",
    "claim_transition",
    "claim_update",
    "claims_assign",
    "claims_enrichment_apply",
    "claims_record",
    "claims_reenrich",
    "claims_transition",
    "deliveries_sweep",
    "delivery_attempt",
    "delivery_redeliver",
    "endpoint_create",
    "endpoint_delete",
    "endpoint_disable",
    "endpoint_rotate_secret",
    "endpoint_update",
    "entities_resolve",
    "entity_resolve",
    "evidence_add",
    "evidence_delete",
    "external_factchecks_import",
    "idempotency_key_record",
    "idempotency_key_release",
    "idempotency_key_reserve",
    "idempotency_keys_purge",
    "job_fail",
    "job_finish",
    "job_publish",
    "job_queue",
    "job_requeue",
    "job_retry_later",
    "job_start",
    "jobs_republish_stale",
    "jobs_take_back",
    "similar_claim_decide",
    "webhook_emit",
]
