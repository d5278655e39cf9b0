import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from claims import roles

DEMO_USERS = (("demo-editor", roles.EDITOR), ("demo-checker", roles.FACT_CHECKER))


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo accounts for a laptop: an editor and a fact-checker, both "
        "staff, with a fresh password printed. Refused when DJANGO_DEBUG is off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", help="use this password instead of a random one")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo accounts are for development only (DJANGO_DEBUG=1)")
        password = options["password"] or secrets.token_urlsafe(9)
        User = get_user_model()
        for username, role in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            self.stdout.write(f"{role:13} {username}  password: {password}")
        self.stdout.write("Log in at http://127.0.0.1:8000/admin/")
