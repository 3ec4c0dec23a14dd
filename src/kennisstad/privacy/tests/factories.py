import factory

from kennisstad.privacy.models import RetentionPeriod


class RetentionPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RetentionPeriod

    kind = "relations.person"
    months = 12
    ground = "Besluit van het college, 1 juli 2026"
