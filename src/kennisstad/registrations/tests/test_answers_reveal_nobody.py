"""The form answers the same for a new registration, a duplicate and a script (so it reveals
nobody's registration); the link is mailed again at most once an hour; addresses are
compared in one spelling (case, Unicode, IDN domain)."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from kennisstad.registrations import services
from kennisstad.registrations.models import Registration

from .factories import RegistrationFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def _alert(response) -> str:
    page = response.content.decode()
    start = page.index('<div class="utrecht-alert')
    return page[start : page.index("</div>", start)]


def test_new_duplicate_and_honeypot_get_the_same_answer(client):
    cache.clear()
    activity = RegistrationSettingsFactory().activity
    RegistrationFactory(activity=activity, email="wethouder@gemeente.nl")
    url = reverse("registrations:register", args=[activity.pk])
    form = {"name": "X", "consent": "on"}
    duplicate = client.post(url, {**form, "email": "Wethouder@Gemeente.nl "})
    new = client.post(url, {**form, "email": "niemand@gemeente.nl"})
    script = client.post(url, {**form, "email": "bot@gemeente.nl", "website": "http://x"})
    assert duplicate.status_code == new.status_code == script.status_code == 200
    assert _alert(duplicate) == _alert(new) == _alert(script)


def test_the_duplicate_mail_goes_at_most_once_an_hour(django_capture_on_commit_callbacks):
    cache.clear()
    config = RegistrationSettingsFactory()
    RegistrationFactory(activity=config.activity, email="jan@example.org")
    for _attempt in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            outcome = services.register(
                activity=config.activity, name="Jan", email="jan@example.org", consent=True
            )
        assert outcome.kind == "duplicate"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (" Jan@Example.ORG ", "jan@example.org"),
        ("jan@bücher.de", "jan@xn--bcher-kva.de"),
        ("JAN@BU\u0308CHER.DE", "jan@xn--bcher-kva.de"),
    ],
)
def test_addresses_are_compared_in_one_spelling(typed, stored):
    assert services.normalise_email(typed) == stored


def test_an_idn_address_is_a_duplicate_of_its_punycode():
    config = RegistrationSettingsFactory(capacity=None)
    first = services.register(
        activity=config.activity, name="a", email="jan@bücher.de", consent=True, notify=False
    )
    again = services.register(
        activity=config.activity,
        name="a",
        email="jan@xn--bcher-kva.de",
        consent=True,
        notify=False,
        now=timezone.now(),
    )
    assert (first.kind, again.kind) == ("confirmed", "duplicate")
    assert Registration.objects.get().email == "jan@xn--bcher-kva.de"
