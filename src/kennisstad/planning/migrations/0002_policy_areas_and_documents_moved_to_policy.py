"""PolicyArea and Document left planning for the policy app (same tables); the chapters' links
point there. Comes after indicators 0005 so nothing still refers to planning's copies."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0005_policy_owns_areas_and_documents'),
        ('planning', '0001_initial'),
        ('policy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are (planning_*): only Django's idea of which
            # app holds the models changes.
            state_operations=[
                migrations.AlterField(
                    model_name='historicalchapter',
                    name='document',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='policy.document', verbose_name='document'),
                ),
                migrations.AlterField(
                    model_name='chapter',
                    name='document',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='chapters', to='policy.document', verbose_name='document'),
                ),
                migrations.RemoveField(
                    model_name='historicaldocument',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicaldocument',
                    name='updated_by',
                ),
                migrations.RemoveField(
                    model_name='historicalpolicyarea',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalpolicyarea',
                    name='parent',
                ),
                migrations.RemoveField(
                    model_name='historicalpolicyarea',
                    name='updated_by',
                ),
                migrations.RemoveField(
                    model_name='policyarea',
                    name='parent',
                ),
                migrations.RemoveField(
                    model_name='policyarea',
                    name='updated_by',
                ),
                migrations.AlterField(
                    model_name='chapter',
                    name='policy_area',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='chapters', to='policy.policyarea', verbose_name='policy field'),
                ),
                migrations.AlterField(
                    model_name='historicalchapter',
                    name='policy_area',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='policy.policyarea', verbose_name='policy field'),
                ),
                migrations.DeleteModel(
                    name='Document',
                ),
                migrations.DeleteModel(
                    name='HistoricalDocument',
                ),
                migrations.DeleteModel(
                    name='HistoricalPolicyArea',
                ),
                migrations.DeleteModel(
                    name='PolicyArea',
                ),
            ],
            database_operations=[],
        ),
    ]
