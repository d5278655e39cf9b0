from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0012_entity_kind_unnamed")]

    operations = [
        migrations.AddField(
            model_name="job",
            name="worker",
            field=models.CharField(blank=True, max_length=255),
        ),
    ]
