from django.core.management.base import BaseCommand

from claims.workflow import mermaid_diagram


class Command(BaseCommand):
    help = "Print the claim workflow as a Mermaid diagram, generated from claims/workflow.py."

    def handle(self, *args, **options):
        self.stdout.write(mermaid_diagram(), ending="")
