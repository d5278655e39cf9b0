"""Default verification checklists per claim type (workers/checklists.py), editable afterwards."""

from django.db import migrations

from claims.reference_data import ensure_checklist_templates
from workers.checklists import DEFAULT_TEMPLATES


def create_templates(apps, schema_editor):
    ensure_checklist_templates(apps)


def remove_templates(apps, schema_editor):
    apps.get_model("claims", "ChecklistTemplate").objects.filter(
        claim_type__in=list(DEFAULT_TEMPLATES)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_roles")]

    operations = [migrations.RunPython(create_templates, remove_templates)]
