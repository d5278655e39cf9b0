from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_claim_summary_review_url_checks_not_applicable")]

    operations = [
        migrations.AddField(
            model_name="job",
            name="worker",
            field=models.CharField(blank=True, max_length=255),
        ),
    ]
