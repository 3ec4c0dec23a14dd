"""The indicators' links to policy areas and documents point to the policy app, where those
models moved; the foreign keys in the database already point to the same tables."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0004_decimals_bounded'),
        ('policy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are (planning_*): only Django's idea of which
            # app holds the models changes.
            state_operations=[
                migrations.AlterField(
                    model_name='historicalindicator',
                    name='policy_area',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='policy.policyarea', verbose_name='policy field'),
                ),
                migrations.AlterField(
                    model_name='historicalrealisation',
                    name='source_document',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='policy.document', verbose_name='source document'),
                ),
                migrations.AlterField(
                    model_name='historicaltarget',
                    name='set_in',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='policy.document', verbose_name='set in'),
                ),
                migrations.AlterField(
                    model_name='historicaltarget',
                    name='source_document',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='The document this target was imported from, when it was quoted elsewhere.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='policy.document', verbose_name='read from'),
                ),
                migrations.AlterField(
                    model_name='indicator',
                    name='policy_area',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='indicators', to='policy.policyarea', verbose_name='policy field'),
                ),
                migrations.AlterField(
                    model_name='realisation',
                    name='source_document',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='realisations', to='policy.document', verbose_name='source document'),
                ),
                migrations.AlterField(
                    model_name='target',
                    name='set_in',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='targets_set', to='policy.document', verbose_name='set in'),
                ),
                migrations.AlterField(
                    model_name='target',
                    name='source_document',
                    field=models.ForeignKey(blank=True, help_text='The document this target was imported from, when it was quoted elsewhere.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='targets_read', to='policy.document', verbose_name='read from'),
                ),
            ],
            database_operations=[],
        ),
    ]
