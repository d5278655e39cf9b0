from django.apps import AppConfig


class WorkersConfig(AppConfig):
    """Celery tasks and the pure pipeline modules; no models of its own."""

    name = "workers"
    verbose_name = "Workers"
