from django.apps import AppConfig


class WorkersConfig(AppConfig):
    """Celery tasks and the pure pipeline modules; no models of its own."""

    name = "workers"
    verbose_name = "Workers"

    def ready(self) -> None:
        # The job outbox (claims.services.jobs) publishes through factcheck's Celery app: the
        # web process and the workers alike. claims names tasks, and never imports workers.
        from claims.services import broker_register
        from factcheck.celery import app

        broker_register(app)
