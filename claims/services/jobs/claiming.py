"""Starting jobs in one statement on PostgreSQL: an `UPDATE … RETURNING` that finds the claimable
job (or a batch of claims' jobs), marks it running — or failed when it is out of attempts — and
returns it, the row's state re-checked under its lock so that two runs never hold the same job.
`lifecycle.job_start` and `lifecycle.claim_jobs_start` use it on PostgreSQL; on SQLite they
run the same rules through the ORM.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from claims.models import Job, JobState

# `lifecycle._claimable` in SQL, for the statements that pick jobs by claim or article and stage.
# Written as a CASE so that no index on `state` can serve it: without statistics (a table never
# analysed: autovacuum off) the planner read the jobs through the state index, whose entries for
# "queued" and "running" point at every dead version of every job until a vacuum, a scan of the
# whole table per statement, growing with every job run; the (claim or article, stage) unique index
# finds the few rows a statement means whatever the statistics.
_CLAIMABLE_SQL = (
    "CASE state WHEN %(queued)s THEN true WHEN %(running)s THEN task_id = %(task_id)s "
    "ELSE false END"
)


# `_give_up` and `_running` in one UPDATE … RETURNING: SET expressions read the row as it was.
_START_SET = """
UPDATE claims_job SET
    state = CASE WHEN attempts >= %(cap)s THEN %(failed)s ELSE %(running)s END,
    last_error = CASE WHEN attempts >= %(cap)s
        THEN left('gave up after ' || attempts || ' attempts; last error: '
                  || coalesce(nullif(last_error, ''), 'none'), 4000)
        ELSE last_error END,
    finished_at = CASE WHEN attempts >= %(cap)s THEN %(now)s ELSE NULL END,
    attempts = CASE WHEN attempts >= %(cap)s THEN attempts ELSE attempts + 1 END,
    task_id = CASE WHEN attempts >= %(cap)s THEN task_id ELSE %(task_id)s END,
    worker = CASE WHEN attempts >= %(cap)s THEN worker ELSE %(worker)s END,
    started_at = CASE WHEN attempts >= %(cap)s THEN started_at ELSE %(now)s END"""
_START_RETURNING = f"""{_START_SET}
WHERE stage = %(stage)s AND claim_id = ANY(%(ids)s) AND {_CLAIMABLE_SQL}
RETURNING claim_id, state
"""


def job_start_returning(job_filter: Q, task_id: str, worker: str) -> Job | None:
    """`_START_RETURNING` for the first claimable job `job_filter` matches, returned as a Job.
    The update re-checks the row's state under its lock: a job another run took meanwhile is
    not updated (None)."""
    params = _start_params(task_id, worker)
    simple = _simple_pick(job_filter, task_id)
    if simple is not None:  # the stages' own filters: no queryset compiled per job
        pick, pick_params = simple[0], tuple(simple[1])
    else:
        claimable = RawSQL(_PICK_CLAIMABLE, [*_pick_states(), task_id], BooleanField())
        pick, pick_params = (
            Job.objects.filter(job_filter)
            .filter(claimable)
            .values("pk")[:1]
            .query.sql_with_params()
        )
    for n, value in enumerate(pick_params):
        params[f"pick{n}"] = value
    *parts, last = pick.split("%s")  # its placeholders, named
    pick = "".join(f"{part}%(pick{n})s" for n, part in enumerate(parts)) + last
    fields = Job._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{_START_SET} WHERE id = ({pick}) AND {_CLAIMABLE_SQL} RETURNING {columns}", params
        )
        row = cursor.fetchone()
    return None if row is None else Job.from_db(connection.alias, [f.attname for f in fields], row)


# `_CLAIMABLE_SQL`, positional: its states, then the task id.
_PICK_CLAIMABLE = "CASE state WHEN %s THEN true WHEN %s THEN task_id = %s ELSE false END"


def _pick_states() -> list[str]:
    return [str(JobState.QUEUED), str(JobState.RUNNING)]


# The Job columns a stage's filter names (`Q(article_id=…, stage=…)` and the like).
_PICK_COLUMNS = {"pk": "id", "id": "id", "article_id": "article_id", "claim_id": "claim_id"}


def _simple_pick(job_filter: Q, task_id: str) -> tuple[str, list] | None:
    """`job_start_returning`'s pick for a filter that is only equalities on the job's id, its
    article, its claim or its stage (what the stages pass): the SQL the ORM would compile, built
    without it (compiling a queryset per job cost more Python than the rest of starting it).
    None for any other filter (the ORM builds it)."""
    if job_filter.negated or job_filter.connector != Q.AND or not job_filter.children:
        return None
    where: list[str] = []
    params: list[object] = []
    for child in job_filter.children:
        if not isinstance(child, tuple) or child[1] is None:
            return None
        name, value = child
        if name == "stage":
            where.append("stage = %s")
            params.append(str(value))
        elif name in _PICK_COLUMNS and isinstance(value, int) and not isinstance(value, bool):
            where.append(f"{_PICK_COLUMNS[name]} = %s")
            params.append(value)
        else:
            return None
    sql = f"SELECT id FROM claims_job WHERE {' AND '.join(where)} AND {_PICK_CLAIMABLE} LIMIT 1"
    return sql, [*params, *_pick_states(), task_id]


def _start_params(task_id: str, worker: str) -> dict:
    return {
        "cap": settings.FACTCHECK["JOB_MAX_ATTEMPTS"],
        "failed": str(JobState.FAILED),
        "running": str(JobState.RUNNING),
        "queued": str(JobState.QUEUED),
        "now": timezone.now(),
        "task_id": task_id,
        "worker": worker[:255],
    }


def claim_jobs_start_returning(stage: str, claim_ids: list[int], task_id: str, worker: str):
    params = {**_start_params(task_id, worker), "stage": str(stage), "ids": list(claim_ids)}
    with connection.cursor() as cursor:
        cursor.execute(_START_RETURNING, params)
        return {claim_id for claim_id, state in cursor.fetchall() if state == JobState.RUNNING}
