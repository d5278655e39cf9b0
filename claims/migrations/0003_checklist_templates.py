"""Default verification checklists per claim type (workers/checklists.py), editable afterwards."""

from django.db import migrations

from workers.checklists import DEFAULT_TEMPLATES


def create_templates(apps, schema_editor):
    Template = apps.get_model("claims", "ChecklistTemplate")
    Item = apps.get_model("claims", "ChecklistTemplateItem")
    for claim_type, (name, description, items) in DEFAULT_TEMPLATES.items():
        template, created = Template.objects.get_or_create(
            claim_type=claim_type, defaults={"name": name, "description": description}
        )
        if not created:
            continue  # never overwrite a template editors may have changed
        Item.objects.bulk_create(
            Item(
                template=template,
                order=order,
                title=spec.title,
                guidance=spec.guidance,
                required=spec.required,
                check_key=spec.check_key,
            )
            for order, spec in enumerate(items, start=1)
        )


def remove_templates(apps, schema_editor):
    apps.get_model("claims", "ChecklistTemplate").objects.filter(
        claim_type__in=list(DEFAULT_TEMPLATES)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_roles")]

    operations = [migrations.RunPython(create_templates, remove_templates)]
