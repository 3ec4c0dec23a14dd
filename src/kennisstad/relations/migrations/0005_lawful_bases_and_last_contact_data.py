"""Stored data to the new rules.

- Legitimate interest without a written justification becomes public task: a public body may
  not use legitimate interest for its tasks (AVG art. 6(1), last sentence), and contact with
  partners is the team's public task. Every other basis was valid and stays.
- The last contact of every contact person not yet erased: the later of the day the record was
  last changed and the date of the latest contact moment they took part in; their retention
  date is that plus the period for contact persons (the municipality's, else 24 months).
"""

from dateutil.relativedelta import relativedelta
from django.db import migrations
from django.db.models import Max

DEFAULT_MONTHS = 24
BATCH = 2000


def forwards(apps, schema_editor):
    Person = apps.get_model("relations", "Person")
    RetentionPeriod = apps.get_model("privacy", "RetentionPeriod")
    Person.objects.filter(lawful_basis="legitimate_interest", lawful_basis_justification="").update(
        lawful_basis="public_task"
    )
    setting = RetentionPeriod.objects.filter(kind="relations.person").first()
    months = setting.months if setting is not None else DEFAULT_MONTHS
    people = (
        Person.objects.filter(erased_at__isnull=True)
        .annotate(latest=Max("interactions__happened_on"))
        .only("pk", "updated_at")
        .order_by("pk")
    )
    batch = []
    for person in people.iterator(chunk_size=BATCH):
        changed = person.updated_at.date()
        last = max(changed, person.latest) if person.latest else changed
        person.last_contact_on = last
        person.retain_until = last + relativedelta(months=months)
        batch.append(person)
        if len(batch) >= BATCH:
            Person.objects.bulk_update(batch, ["last_contact_on", "retain_until"])
            batch = []
    if batch:
        Person.objects.bulk_update(batch, ["last_contact_on", "retain_until"])


class Migration(migrations.Migration):
    dependencies = [
        ("relations", "0004_lawful_bases_and_retention_per_kind"),
        ("privacy", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
