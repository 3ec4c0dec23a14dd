"""Loads the national Iv3 taakvelden; later changes to the national list come as new data
migrations, so every installation holds the same reference data."""

from django.db import migrations


def load_taakvelden(apps, schema_editor):
    from kennisstad.finances.taakvelden import TAAKVELDEN

    Taakveld = apps.get_model("finances", "Taakveld")
    for position, (code, title_nl, title_en, former) in enumerate(TAAKVELDEN, start=1):
        Taakveld.objects.update_or_create(
            code=code,
            defaults={
                "title_nl": title_nl,
                "title_en": title_en,
                "main_task": code.split(".")[0],
                "former_titles": list(former),
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("finances", "0001_initial")]

    operations = [migrations.RunPython(load_taakvelden, migrations.RunPython.noop)]
