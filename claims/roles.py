"""The desk's roles as Django groups and the model permissions each holds (docs/architecture.md).

Used by the data migration that creates the groups, and by tests. Each role includes the one
before it: viewer ⊂ fact-checker ⊂ editor.
"""

VIEWER = "viewer"
FACT_CHECKER = "fact-checker"
EDITOR = "editor"

_MODELS = (
    "outlet",
    "article",
    "entity",
    "claim",
    "mention",
    "quantity",
    "datemention",
    "similarclaim",
    "checklisttemplate",
    "checklisttemplateitem",
    "checklistitem",
    "evidence",
    "claimevent",
    "job",
    "externalfactcheck",
    "externalmatch",
)

_VIEWER_PERMS = tuple(f"view_{model}" for model in _MODELS)
_FACT_CHECKER_PERMS = (
    *_VIEWER_PERMS,
    "add_article",  # ingest an article
    "add_claim",  # enter a claim by hand
    "change_claim",
    "research_claim",  # triaged → researching → in_review
    "change_checklistitem",
    "add_evidence",
    "change_evidence",
    "delete_evidence",
    "add_claimevent",  # comments
    "change_similarclaim",  # confirm or reject a suggested duplicate
)
_EDITOR_PERMS = (
    *_FACT_CHECKER_PERMS,
    "triage_claim",
    "dismiss_claim",
    "publish_claim",
    "change_article",  # edit metadata, reprocess
    "add_outlet",
    "change_outlet",
    "change_entity",
    "add_checklisttemplate",
    "change_checklisttemplate",
    "delete_checklisttemplate",
    "add_checklisttemplateitem",
    "change_checklisttemplateitem",
    "delete_checklisttemplateitem",
    "change_job",  # requeue failed jobs
    "add_externalfactcheck",  # import other desks' ClaimReview
    "change_externalfactcheck",
    # Webhooks: endpoints and their delivery logs are the editors' alone.
    "view_webhookendpoint",
    "add_webhookendpoint",
    "change_webhookendpoint",  # edit, enable, regenerate the secret
    "delete_webhookendpoint",
    "view_webhookdelivery",
    "change_webhookdelivery",  # redeliver
)

ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    VIEWER: _VIEWER_PERMS,
    FACT_CHECKER: _FACT_CHECKER_PERMS,
    EDITOR: _EDITOR_PERMS,
}
