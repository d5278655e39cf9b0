import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date

from claims.management.ingest_support import FileSpec, add_mode_arguments, ingest_files
from claims.models import Outlet


class Command(BaseCommand):
    help = "Ingest the seed articles of seeds/ with their metadata (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=settings.BASE_DIR / "seeds", help="the seeds folder"
        )
        add_mode_arguments(parser)

    def handle(self, *args, **options):
        folder: Path = options["dir"]
        paths = sorted(folder.glob("*.txt"))
        if not paths:
            raise CommandError(f"no seed articles (*.txt) in {folder}")
        ingest_files(self, [self._spec(path) for path in paths], options)

    def _spec(self, path: Path) -> FileSpec:
        meta_path = path.with_suffix(".json")
        if not meta_path.exists():
            return FileSpec(path)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CommandError(f"{meta_path}: not valid JSON ({exc})") from None
        outlet = meta.get("outlet")
        if isinstance(outlet, dict):
            outlet, _ = Outlet.objects.get_or_create(
                name=outlet["name"],
                defaults={"domain": outlet.get("domain", ""), "country": outlet.get("country", "")},
            )
        published = meta.get("published_at")
        if published and parse_date(published) is None:
            raise CommandError(f"{meta_path}: published_at {published!r} is not YYYY-MM-DD")
        return FileSpec(
            path,
            {
                "url": meta.get("url"),
                "outlet": outlet,
                "published_at": parse_date(published) if published else None,
                "language": meta.get("language", "en"),
                "title": meta.get("title", ""),
            },
        )
