"""Seed the project categories the begroting's indicators count; administrators may add more."""

from django.db import migrations

CATEGORIES = [
    (
        "samenwerking-kennis-innovatie",
        "Samenwerking kennis/innovatie",
        "Knowledge and innovation collaboration",
    ),
    ("profilering-kennisstad", "Profilering kennisstad", "Profiling the city of knowledge"),
    ("welkomstbeleid", "Welkomstbeleid", "Welcome policy"),
]


def seed(apps, schema_editor):
    category_model = apps.get_model("projects", "ProjectCategory")
    for code, name_nl, name_en in CATEGORIES:
        category_model.objects.get_or_create(
            code=code, defaults={"name_nl": name_nl, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
