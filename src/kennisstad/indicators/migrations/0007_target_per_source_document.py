import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def own_targets_name_their_document(apps, schema_editor):
    """The earlier import left ``source_document`` empty on the targets a begroting set itself;
    each document's own targets now name it, so a re-import finds (and updates) its own."""
    Target = apps.get_model("indicators", "Target")
    Target.objects.filter(
        source_document__isnull=True,
        set_in__imported=True,
        note__startswith="Geïmporteerd uit",
    ).update(source_document=models.F("set_in"))


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0006_indicator_kind_and_source'),
        ('policy', '0002_content_types_follow_the_models'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(own_targets_name_their_document, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name='target',
            name='unique_target_per_document',
        ),
        migrations.AlterField(
            model_name='historicaltarget',
            name='source_document',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='The document this target was imported from.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='policy.document', verbose_name='read from'),
        ),
        migrations.AlterField(
            model_name='target',
            name='source_document',
            field=models.ForeignKey(blank=True, help_text='The document this target was imported from.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='targets_read', to='policy.document', verbose_name='read from'),
        ),
        migrations.AddConstraint(
            model_name='target',
            constraint=models.UniqueConstraint(condition=models.Q(('source_document__isnull', False)), fields=('indicator', 'year', 'source_document'), name='unique_target_per_source_document'),
        ),
        migrations.AddConstraint(
            model_name='target',
            constraint=models.UniqueConstraint(condition=models.Q(('source_document__isnull', True)), fields=('indicator', 'year', 'set_in'), name='unique_target_per_document'),
        ),
    ]
