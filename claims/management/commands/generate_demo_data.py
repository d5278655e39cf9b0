"""`manage.py generate_demo_data --claims N`: a desk's worth of realistic claims, fast
(`services.demo_data_generate`), for trying the desk at scale and for the scale benchmark."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from claims.services.demo_data import demo_data_generate


class Command(BaseCommand):
    help = (
        "Add N demo claims (with articles, entities, mentions, figures, checklists, evidence, "
        "similar-claim suggestions, statuses and verdicts). Nothing is queued for the workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, required=True, help="How many claims to add.")
        parser.add_argument("--seed", type=int, default=14, help="Random seed (default 14).")

    def handle(self, *args, claims: int, seed: int, **options):
        if claims < 1 or claims > 5_000_000:
            raise CommandError("--claims must be between 1 and 5,000,000.")
        began = time.perf_counter()
        written = demo_data_generate(claims=claims, seed=seed)
        took = time.perf_counter() - began
        summary = ", ".join(f"{n:,} {table}" for table, n in written.items())
        self.stdout.write(self.style.SUCCESS(f"Wrote {summary} in {took:.0f} s."))
