"""PolicyArea and Document (with their history) move here from planning, keeping their
tables: indicators and planning both refer to them, and neither may depend on the other both
ways. On a fresh database planning 0001 creates the tables, so this comes after it."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('planning', '0001_initial'),  # created the tables these models keep
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are (planning_*): only Django's idea of which
            # app holds the models changes.
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalDocument',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('kind', models.CharField(choices=[('begroting', 'Begroting (budget)'), ('jaarstukken', 'Jaarstukken (annual report)')], max_length=20, verbose_name='kind')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published (adopted)')], default='draft', max_length=20, verbose_name='status')),
                        ('published_on', models.DateField(blank=True, null=True, verbose_name='published on')),
                        ('imported', models.BooleanField(default=False, help_text='Read from an existing document rather than written here.', verbose_name='imported')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.TextField(null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('updated_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last changed by')),
                    ],
                    options={
                        'verbose_name': 'historical document',
                        'verbose_name_plural': 'historical documents',
                        'db_table': 'planning_historicaldocument',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='PolicyArea',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('code', models.CharField(max_length=20, unique=True, verbose_name='code')),
                        ('title_nl', models.CharField(max_length=200, verbose_name='title (Dutch)')),
                        ('title_en', models.CharField(blank=True, max_length=200, verbose_name='title (English)')),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='policy.policyarea', verbose_name='parent')),
                        ('updated_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last changed by')),
                    ],
                    options={
                        'verbose_name': 'policy area',
                        'verbose_name_plural': 'policy areas',
                        'db_table': 'planning_policyarea',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalPolicyArea',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('code', models.CharField(db_index=True, max_length=20, verbose_name='code')),
                        ('title_nl', models.CharField(max_length=200, verbose_name='title (Dutch)')),
                        ('title_en', models.CharField(blank=True, max_length=200, verbose_name='title (English)')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.TextField(null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('updated_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last changed by')),
                        ('parent', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='policy.policyarea', verbose_name='parent')),
                    ],
                    options={
                        'verbose_name': 'historical policy area',
                        'verbose_name_plural': 'historical policy areas',
                        'db_table': 'planning_historicalpolicyarea',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Document',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('kind', models.CharField(choices=[('begroting', 'Begroting (budget)'), ('jaarstukken', 'Jaarstukken (annual report)')], max_length=20, verbose_name='kind')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published (adopted)')], default='draft', max_length=20, verbose_name='status')),
                        ('published_on', models.DateField(blank=True, null=True, verbose_name='published on')),
                        ('imported', models.BooleanField(default=False, help_text='Read from an existing document rather than written here.', verbose_name='imported')),
                        ('updated_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last changed by')),
                    ],
                    options={
                        'verbose_name': 'document',
                        'verbose_name_plural': 'documents',
                        'db_table': 'planning_document',
                        'ordering': ['-year', 'kind'],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'year'), name='unique_document')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
