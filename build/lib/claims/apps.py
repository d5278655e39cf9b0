from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    """Articles, claims, their enrichment, checklists, evidence, workflow events and jobs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Claims"
