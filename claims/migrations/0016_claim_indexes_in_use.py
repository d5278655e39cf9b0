"""Only the claims' indexes a query reads. Every index is written with each claim the pipeline
stores and with each update that cannot stay on its page, so unread ones are pure write cost:

- the trigram index on the claim text (migration 0004): the similar-claim search takes its
  candidates from the full-text index since issue 14 and computes `similarity()` on those few;
  nothing asks the trigram index anything, and it was the largest of the table's indexes;
- Django's `db_index` on status, type, verdict and check-worthiness: status and check-worthiness
  lead `claim_status_score_idx` and `claim_default_order_idx`; the pattern-ops copies of the
  three text columns serve LIKE, which no query uses on them; type and verdict keep one plain
  index each. The history table's copies of them go too (nothing filters history by them).
"""

from django.conf import settings
from django.db import migrations, models

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS claim_text_trgm_idx ON claims_claim USING gin (text gin_trgm_ops)"
)


def on_postgresql(statement):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0015_claim_counts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(
            on_postgresql("DROP INDEX IF EXISTS claim_text_trgm_idx"),
            on_postgresql(TRIGRAM_INDEX),
        ),
        migrations.AlterField(
            model_name="claim",
            name="checkworthiness",
            field=models.FloatField(default=0.0),
        ),
        migrations.AlterField(
            model_name="claim",
            name="claim_type",
            field=models.CharField(
                choices=[
                    ("statistic", "Statistic"),
                    ("superlative", "Superlative"),
                    ("comparison", "Comparison"),
                    ("quote", "Quote"),
                    ("event", "Event"),
                    ("policy", "Policy"),
                    ("prediction", "Prediction"),
                    ("causal", "Causal"),
                    ("other", "Other"),
                ],
                default="other",
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="claim",
            name="status",
            field=models.CharField(
                choices=[
                    ("new", "New"),
                    ("triaged", "Triaged"),
                    ("researching", "Researching"),
                    ("in_review", "In review"),
                    ("published", "Published"),
                    ("dismissed", "Dismissed"),
                ],
                default="new",
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="claim",
            name="verdict",
            field=models.CharField(
                blank=True,
                choices=[
                    ("true", "True"),
                    ("mostly_true", "Mostly true"),
                    ("half_true", "Half true"),
                    ("misleading", "Misleading"),
                    ("mostly_false", "Mostly false"),
                    ("false", "False"),
                    ("unverifiable", "Unverifiable"),
                ],
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="checkworthiness",
            field=models.FloatField(default=0.0),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="claim_type",
            field=models.CharField(
                choices=[
                    ("statistic", "Statistic"),
                    ("superlative", "Superlative"),
                    ("comparison", "Comparison"),
                    ("quote", "Quote"),
                    ("event", "Event"),
                    ("policy", "Policy"),
                    ("prediction", "Prediction"),
                    ("causal", "Causal"),
                    ("other", "Other"),
                ],
                default="other",
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="status",
            field=models.CharField(
                choices=[
                    ("new", "New"),
                    ("triaged", "Triaged"),
                    ("researching", "Researching"),
                    ("in_review", "In review"),
                    ("published", "Published"),
                    ("dismissed", "Dismissed"),
                ],
                default="new",
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="verdict",
            field=models.CharField(
                blank=True,
                choices=[
                    ("true", "True"),
                    ("mostly_true", "Mostly true"),
                    ("half_true", "Half true"),
                    ("misleading", "Misleading"),
                    ("mostly_false", "Mostly false"),
                    ("false", "False"),
                    ("unverifiable", "Unverifiable"),
                ],
                max_length=16,
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["claim_type"], name="claim_type_idx"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["verdict"], name="claim_verdict_idx"),
        ),
    ]
