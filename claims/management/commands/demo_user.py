import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from claims import roles

DEMO_USERS = (("demo-editor", roles.EDITOR), ("demo-checker", roles.FACT_CHECKER))


def password_file() -> Path:
    return settings.VAR_DIR / "demo-password"


def kept_password() -> str | None:
    try:
        return password_file().read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def keep_password(password: str) -> None:
    """Write the password under var/, readable by its owner only."""
    fd = os.open(password_file(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(password + "\n")
    os.chmod(password_file(), 0o600)


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo accounts for a laptop: an editor and a fact-checker, both "
        "staff, with one password kept in var/demo-password (the same on every run) and printed. "
        "Refused when DJANGO_DEBUG is off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", help="use (and keep) this password from now on")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo accounts are for development only (DJANGO_DEBUG=1)")
        password = options["password"] or kept_password() or secrets.token_urlsafe(9)
        keep_password(password)
        User = get_user_model()
        for username, role in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            self.stdout.write(f"{role:13} {username}  password: {password}")
