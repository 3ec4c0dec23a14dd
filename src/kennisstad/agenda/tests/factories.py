import datetime
import zoneinfo

import factory

from kennisstad.agenda.models import Activity, CalendarSubscription
from kennisstad.relations.tests.factories import OrganisationFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    title_nl = factory.Sequence(lambda n: f"Activiteit {n}")
    title_en = factory.Sequence(lambda n: f"Activity {n}")
    kind = "conference"
    starts_at = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=AMSTERDAM)
    ends_at = datetime.datetime(2026, 12, 1, 17, 0, tzinfo=AMSTERDAM)
    visibility = "internal"
    status = "confirmed"


class CalendarSubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarSubscription

    organisation = factory.SubFactory(OrganisationFactory)
    url = factory.Sequence(lambda n: f"https://agenda{n}.example.org/calendar.ics")
    visibility = "partners"
