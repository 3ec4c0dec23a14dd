import datetime

import factory
from django.utils import timezone

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.registrations.models import Registration, RegistrationSettings


def public_activity(**kwargs):
    """A public activity a month from now."""
    start = timezone.now() + datetime.timedelta(days=30)
    defaults = {
        "visibility": "public",
        "kind": "reception",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
    }
    return ActivityFactory(**{**defaults, **kwargs})


class RegistrationSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationSettings

    activity = factory.LazyFunction(public_activity)
    is_open = True
    capacity = 50
    waiting_list = True
    consent_text_nl = "Wij bewaren uw gegevens tot drie maanden na de activiteit."
    consent_text_en = "We keep your data until three months after the activity."


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    activity = factory.LazyFunction(lambda: RegistrationSettingsFactory().activity)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.org")
    status = "confirmed"
    consent_given_at = factory.LazyFunction(timezone.now)
