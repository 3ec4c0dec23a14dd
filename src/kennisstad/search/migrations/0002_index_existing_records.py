from django.db import migrations


def index_existing(apps, schema_editor):
    """Fill the index for records that exist before search was installed."""
    from kennisstad.search.documents import DOCUMENTS

    SearchEntry = apps.get_model("search", "SearchEntry")
    for kind, document in DOCUMENTS.items():
        model = apps.get_model(document.model_label)
        SearchEntry.objects.bulk_create(
            (
                SearchEntry(kind=kind, object_id=obj.pk, **document.entry_values(obj))
                for obj in model.objects.iterator(chunk_size=2000)
            ),
            batch_size=2000,
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE search_searchentry SET vector = to_tsvector('simple'::regconfig, text)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("relations", "0001_initial"),
        ("projects", "0002_seed_categories"),
        ("agenda", "0006_activity_recurs_until"),
    ]

    operations = [migrations.RunPython(index_existing, migrations.RunPython.noop)]
