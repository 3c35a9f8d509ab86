"""Quote kind "indirect": reported speech, with no quote marks (shown as paraphrase)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0005_postgresql_search_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalquote",
            name="kind",
            field=models.CharField(
                choices=[
                    ("full", "full sentence"),
                    ("fragment", "fragment"),
                    ("indirect", "reported speech"),
                ],
                default="full",
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="quote",
            name="kind",
            field=models.CharField(
                choices=[
                    ("full", "full sentence"),
                    ("fragment", "fragment"),
                    ("indirect", "reported speech"),
                ],
                default="full",
                max_length=16,
            ),
        ),
    ]
