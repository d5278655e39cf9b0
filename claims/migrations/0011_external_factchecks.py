"""Other desks' fact-checks (imported ClaimReview) and the claims they match; a trigram index for
the matching's candidate query (PostgreSQL); the "Already checked by another desk" step added to
the checklist templates; the roles' permissions on the new models."""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from claims.reference_data import ensure_roles
from workers.checklists import ALREADY_CHECKED

TRGM = (
    "CREATE INDEX IF NOT EXISTS extfc_claim_trgm_idx ON claims_externalfactcheck "
    "USING gin (claim_reviewed gin_trgm_ops)"
)


def trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(TRGM)


def already_checked_step(apps, schema_editor):
    """Every template gets the automated step, last, unless it has it (editors own templates: the
    step can be removed again in the admin)."""
    Template = apps.get_model("claims", "ChecklistTemplate")
    Item = apps.get_model("claims", "ChecklistTemplateItem")
    for template in Template.objects.exclude(items__check_key=ALREADY_CHECKED.check_key):
        last = template.items.aggregate(models.Max("order"))["order__max"] or 0
        Item.objects.create(
            template=template,
            order=last + 1,
            title=ALREADY_CHECKED.title,
            guidance=ALREADY_CHECKED.guidance,
            required=ALREADY_CHECKED.required,
            check_key=ALREADY_CHECKED.check_key,
        )


def no_already_checked_step(apps, schema_editor):
    apps.get_model("claims", "ChecklistTemplateItem").objects.filter(
        check_key=ALREADY_CHECKED.check_key
    ).delete()


def give_roles_external_factchecks(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps, strict=False)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_article_detected_language"),
    ]

    operations = [
        migrations.CreateModel(
            name="ExternalFactCheck",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "url",
                    models.URLField(max_length=2000, unique=True, verbose_name="ClaimReview url"),
                ),
                ("claim_reviewed", models.TextField()),
                ("claimant", models.CharField(blank=True, max_length=300)),
                (
                    "rating",
                    models.CharField(
                        help_text="The rating as the desk words it (alternateName).", max_length=300
                    ),
                ),
                ("rating_value", models.FloatField(blank=True, null=True)),
                ("best_rating", models.FloatField(blank=True, null=True)),
                ("worst_rating", models.FloatField(blank=True, null=True)),
                ("author_name", models.CharField(max_length=300, verbose_name="desk")),
                (
                    "author_url",
                    models.URLField(blank=True, max_length=2000, verbose_name="desk's site"),
                ),
                ("date_published", models.DateField(blank=True, null=True)),
                ("document", models.JSONField(blank=True, default=dict)),
                ("imported_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "external fact-check",
                "ordering": ["-date_published", "-id"],
                "indexes": [models.Index(fields=["-date_published", "-id"], name="extfc_date_idx")],
            },
        ),
        migrations.CreateModel(
            name="ExternalMatch",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("score", models.FloatField()),
                (
                    "claim",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="external_matches",
                        to="claims.claim",
                    ),
                ),
                (
                    "external",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="matches",
                        to="claims.externalfactcheck",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "external matches",
                "ordering": ["claim", "-score", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("claim", "external"), name="externalmatch_unique"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("score__gte", 0), ("score__lte", 1)),
                        name="externalmatch_score_range",
                    ),
                ],
            },
        ),
        migrations.RunPython(trigram_index, migrations.RunPython.noop),
        migrations.RunPython(already_checked_step, no_already_checked_step),
        migrations.RunPython(give_roles_external_factchecks, migrations.RunPython.noop),
    ]
