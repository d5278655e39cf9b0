from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_external_factchecks")]

    operations = [
        migrations.AddField(
            model_name="job",
            name="worker",
            field=models.CharField(blank=True, max_length=255),
        ),
    ]
