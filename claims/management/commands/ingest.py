from pathlib import Path

from django.core.management.base import BaseCommand

from claims.management.ingest_support import FileSpec, add_mode_arguments, ingest_files


class Command(BaseCommand):
    help = (
        "Ingest article files (UTF-8 text as pasted from the web) or URLs (the page is fetched "
        "and its article taken from it). Without --sync or --wait the pipeline is queued for "
        "the workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--title", default="", help="title (default: the text's headline)")
        parser.add_argument("--url", default=None, help="the article's URL (one file only)")
        parser.add_argument("--outlet", default=None, help="the outlet's name")
        parser.add_argument("--published", default=None, help="publication date, YYYY-MM-DD")
        parser.add_argument("--language", default="en")
        add_mode_arguments(parser)

    def handle(self, *args, **options):
        from django.core.management.base import CommandError
        from django.utils.dateparse import parse_date

        urls = [a for a in options["paths"] if a.lower().startswith(("http://", "https://"))]
        paths = [Path(a) for a in options["paths"] if a not in urls]
        given = [f"--{o}" for o in ("title", "url", "outlet", "published") if options[o]]
        if urls and given:
            raise CommandError(
                f"{', '.join(given)}: with a URL, the title, outlet and date come from its page"
            )
        if options["url"] and len(paths) > 1:
            raise CommandError("--url names one article: give one PATH with it")
        published = None
        if options["published"]:
            published = parse_date(options["published"])
            if published is None:
                raise CommandError(f"--published {options['published']!r} is not YYYY-MM-DD")
        metadata = {
            "title": options["title"],
            "url": options["url"],
            "outlet": options["outlet"],
            "published_at": published,
            "language": options["language"],
        }
        ingest_files(self, [FileSpec(path, metadata) for path in paths], options, urls=urls)
