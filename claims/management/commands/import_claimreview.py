"""`manage.py import_claimreview FILE…`: import other desks' ClaimReview (docs/factchecks.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.parsing.claimreview import ClaimReviewError, read_claimreviews


class Command(BaseCommand):
    help = (
        "Import other desks' fact-checks from ClaimReview JSON-LD files (one document, a list, or "
        "a schema.org DataFeed such as /api/v1/claimreview/); '-' reads stdin. Idempotent by url."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, files: list[str], **options):
        # Every file is read and checked before anything is stored: all or nothing.
        reviews = []
        for name in files:
            try:
                raw = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
                document = json.loads(raw)
            except OSError as exc:
                raise CommandError(f"{name}: cannot read it ({exc.strerror or exc})") from exc
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise CommandError(f"{name}: not UTF-8 JSON ({exc})") from exc
            try:
                reviews += read_claimreviews(document)
            except ClaimReviewError as exc:
                raise CommandError(f"{name}: {exc}; nothing was imported") from exc
        result = services.external_factchecks_import(reviews=reviews)
        self.stdout.write(f"ClaimReview imported: {result}")
