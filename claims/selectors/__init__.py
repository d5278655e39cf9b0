"""Selectors: reads with joins (HackSoft's styleguide), shared by the API, the admin and anyone
else who reads. Every function returns rows with what its callers show already joined or
prefetched, so that a list costs the same number of queries for one row as for two hundred.

Import from here (`from claims import selectors`); the modules are how the code is laid out:
`claims` (the API's claims, their children, the ClaimReview feed, the public pages), `articles`
(articles, their pipeline's jobs, entities, jobs), `desk` (the admin's changelist, dashboard and
claim page), `people` (who may be assigned), `search` (the claim search and the similar-claim
candidates), `webhooks` (endpoints and their delivery logs), `external` (other desks'
fact-checks and the claims they match).
"""

from .articles import (
    article_detail,
    article_jobs,
    article_jobs_filter,
    article_list,
    entity_list,
    job_list,
)
from .claims import (
    checklist_items,
    claim_detail,
    claim_events,
    claim_list,
    claim_rows,
    claimreview_for,
    claimreview_list,
    evidence_items,
    public_factcheck,
    public_factcheck_list,
)
from .desk import (
    Dashboard,
    DeskClaim,
    claim_page_prefetch,
    claim_recent_events,
    claim_similar,
    claims_desk_annotate,
    claims_with_open_required,
    count_estimate,
    dashboard_for,
)
from .external import (
    claim_external_matches,
    claims_external_matches,
    external_factcheck_candidates,
    external_factcheck_list,
    external_factchecks_exist,
)
from .people import users_assignable
from .search import (
    CANDIDATE_LIMIT,
    LEXEME_FREQUENCIES,
    PRESELECT,
    TRIGRAM_THRESHOLD,
    WORDS_RANK_NORMALISATION,
    candidate_tsquery,
    claims_search,
    similar_candidates,
    text_lexemes,
    trigram_similarity,
    words_tsquery,
)
from .webhooks import webhook_deliveries, webhook_endpoint_list

__all__ = [
    "CANDIDATE_LIMIT",
    "LEXEME_FREQUENCIES",
    "PRESELECT",
    "TRIGRAM_THRESHOLD",
    "WORDS_RANK_NORMALISATION",
    "Dashboard",
    "DeskClaim",
    "article_detail",
    "article_jobs",
    "article_jobs_filter",
    "article_list",
    "candidate_tsquery",
    "checklist_items",
    "claim_detail",
    "claim_events",
    "claim_external_matches",
    "claim_list",
    "claim_page_prefetch",
    "claim_recent_events",
    "claim_rows",
    "claim_similar",
    "claimreview_for",
    "claimreview_list",
    "claims_desk_annotate",
    "claims_external_matches",
    "claims_search",
    "claims_with_open_required",
    "count_estimate",
    "dashboard_for",
    "entity_list",
    "evidence_items",
    "external_factcheck_candidates",
    "external_factcheck_list",
    "external_factchecks_exist",
    "job_list",
    "public_factcheck",
    "public_factcheck_list",
    "similar_candidates",
    "text_lexemes",
    "trigram_similarity",
    "users_assignable",
    "webhook_deliveries",
    "webhook_endpoint_list",
    "words_tsquery",
]
