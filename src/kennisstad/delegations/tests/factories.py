import datetime
from decimal import Decimal

import factory

from kennisstad.agenda.tests.factories import AMSTERDAM, ActivityFactory
from kennisstad.delegations.models import Delegation, TravelCost


class VisitFactory(ActivityFactory):
    kind = "incoming_visit"
    title_nl = factory.Sequence(lambda n: f"Bezoek {n}")


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    activity = factory.SubFactory(VisitFactory)
    purpose_nl = "Kennismaking"


class TravelCostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TravelCost

    delegation = factory.SubFactory(
        DelegationFactory, activity__kind="outgoing_visit", activity__country="BE"
    )
    traveller = factory.Sequence(lambda n: f"Reiziger {n}")
    traveller_function = "Wethouder"
    destination_country = "BE"
    transport = Decimal("100.00")
    lodging = Decimal("50.00")
    other = Decimal("0.00")
    paid_by = "municipality"


def outgoing_visit(start: datetime.datetime, **kwargs):
    return VisitFactory(
        kind="outgoing_visit",
        starts_at=start,
        ends_at=start + datetime.timedelta(days=2),
        **kwargs,
    )


def at(year, month, day, hour=9, zone=AMSTERDAM) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=zone)
