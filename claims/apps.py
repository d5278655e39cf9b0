from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    """Articles, claims, their enrichment, checklists, evidence, workflow events and jobs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        # The API token cache's signal receivers: a token deleted or a user saved in any
        # process (the admin's too) drops its cached entry.
        from claims.api import authentication  # noqa: F401
