"""factcheck: claim tracking and verification for newsroom fact-check desks."""

from .celery import app as celery_app

__all__ = ("celery_app",)
