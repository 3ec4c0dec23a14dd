"""The old statuses become the cycle's: ``draft`` is ``ontwerp``, ``published`` is
``gepubliceerd`` with its ``published_on`` kept.

Whether the council adopted a published document is known only where the team said so: the old
Publish button read "Publish (adopt)" and froze the targets, so a published document written in
Kennisstad (not imported) is taken as adopted on its publication date, and its targets stay
frozen. An imported published document gets no adoption date: the importer set its status and
its date (the peildatum) without anyone deciding it; the team records the council's decision
(date and number) on the document's page when it is known. The history rows follow, so the
audit trail shows the new names. Going back maps the statuses back and forgets the dates.
"""

from django.db import migrations
from django.db.models import F

OLD_TO_NEW = {"draft": "ontwerp", "published": "gepubliceerd"}


def forwards(apps, schema_editor):
    for name in ("Document", "HistoricalDocument"):
        model = apps.get_model("policy", name)
        for old, new in OLD_TO_NEW.items():
            model.objects.filter(status=old).update(status=new)
    Document = apps.get_model("policy", "Document")
    Document.objects.filter(
        status="gepubliceerd", imported=False, published_on__isnull=False
    ).update(adopted_on=F("published_on"))


def backwards(apps, schema_editor):
    for name in ("Document", "HistoricalDocument"):
        model = apps.get_model("policy", name)
        adopted_or_published = ("vastgesteld", "gepubliceerd")
        model.objects.filter(status__in=adopted_or_published).update(status="published")
        model.objects.filter(status="aangeboden").update(status="draft")
        model.objects.filter(status="ontwerp").update(status="draft")


class Migration(migrations.Migration):
    dependencies = [("policy", "0003_cycle_statuses_and_dates")]

    operations = [migrations.RunPython(forwards, backwards)]
