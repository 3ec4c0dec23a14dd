"""The demo has a public IWCN welcome reception with open registration, full, with one person
on the waiting list; loading the demo again adds nobody."""

import pytest

from kennisstad.registrations.models import Registration, RegistrationStatus
from kennisstad.registrations.selectors import open_for_registration
from kennisstad.workspace.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_reception_takes_registrations():
    load_demo()
    load_demo()
    registrations = Registration.objects.filter(activity__uid__startswith="demo-iwcn-welcome")
    activity = registrations.first().activity
    assert activity.visibility == "public"
    assert open_for_registration([activity.pk]) == {activity.pk}
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 6
    assert registrations.filter(status=RegistrationStatus.WAITING).count() == 1
