"""Seed the themes the budget chapter names; administrators may change the list."""

from django.db import migrations

THEMES = [
    ("energie", "Energie", "Energy"),
    ("healthy-ageing", "Healthy Ageing", "Healthy Ageing"),
    (
        "digitale-economie-startups",
        "Digitale economie en startups",
        "Digital economy and start-ups",
    ),
    ("smart-city", "Smart City", "Smart City"),
]


def seed(apps, schema_editor):
    theme_model = apps.get_model("core", "Theme")
    for slug, name_nl, name_en in THEMES:
        theme_model.objects.get_or_create(
            slug=slug, defaults={"name_nl": name_nl, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
