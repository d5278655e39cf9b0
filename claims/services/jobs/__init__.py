"""Jobs: the pipeline's outbox in one home. Queueing a stage, publishing it after commit,
starting, finishing and failing it (one job or a batch of claims' jobs), taking back a dead
worker's jobs, sweeping what the broker lost, and the article's pipeline status rolled up from its
jobs. `lifecycle` owns the rows (`claiming` starts them in one statement on PostgreSQL), `outbox`
the way to the broker; callers import from here.
"""

from .lifecycle import (
    CLAIM_STAGES,
    article_pipeline_rollup,
    claim_jobs_end,
    claim_jobs_queue,
    claim_jobs_retry_later,
    claim_jobs_start,
    job_fail,
    job_finish,
    job_queue,
    job_requeue,
    job_retry_later,
    job_start,
    jobs_take_back,
)
from .outbox import (
    CLAIMS_TASK,
    STAGE_TASKS,
    broker_register,
    claim_jobs_enqueue,
    claim_jobs_publish,
    job_enqueue,
    job_publish,
    jobs_publish,
    jobs_republish_stale,
)

__all__ = [
    "CLAIMS_TASK",
    "CLAIM_STAGES",
    "STAGE_TASKS",
    "article_pipeline_rollup",
    "broker_register",
    "claim_jobs_end",
    "claim_jobs_enqueue",
    "claim_jobs_publish",
    "claim_jobs_queue",
    "claim_jobs_retry_later",
    "claim_jobs_start",
    "job_enqueue",
    "job_fail",
    "job_finish",
    "job_publish",
    "job_queue",
    "job_requeue",
    "job_retry_later",
    "job_start",
    "jobs_publish",
    "jobs_republish_stale",
    "jobs_take_back",
]
