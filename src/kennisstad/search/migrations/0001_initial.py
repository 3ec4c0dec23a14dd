
import django.contrib.postgres.search
from django.db import migrations, models

GIN_INDEX = "search_entry_vector_gin"


def create_gin_index(apps, schema_editor):
    """PostgreSQL only: the full-text index; SQLite searches the folded text instead."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {GIN_INDEX} ON search_searchentry USING gin (vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('organisation', 'Organisations'), ('person', 'People'), ('project', 'Projects'), ('activity', 'Activities')], max_length=20, verbose_name='kind')),
                ('object_id', models.BigIntegerField(verbose_name='record')),
                ('sort_key', models.CharField(blank=True, max_length=200, verbose_name='sort key')),
                ('text', models.TextField(verbose_name='text')),
                ('vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
            options={
                'verbose_name': 'search entry',
                'verbose_name_plural': 'search entries',
                'indexes': [models.Index(fields=['kind', 'sort_key'], name='search_sear_kind_1fd178_idx')],
                'constraints': [models.UniqueConstraint(fields=('kind', 'object_id'), name='unique_search_entry')],
            },
        ),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
