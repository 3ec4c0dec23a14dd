"""Loads the national Iv3 taakvelden; later changes to the national list come as new data
migrations, so every installation holds the same reference data."""

from django.db import migrations


def load_taakvelden(apps, schema_editor):
    from kennisstad.finances.reference_data import load_taakvelden as load

    load(apps.get_model("finances", "Taakveld"))


class Migration(migrations.Migration):
    dependencies = [("finances", "0001_initial")]

    operations = [migrations.RunPython(load_taakvelden, migrations.RunPython.noop)]
