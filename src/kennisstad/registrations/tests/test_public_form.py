"""The public form: no account needed, a registration or the waiting list, clear refusals for
closed, not yet open, past the deadline and full, and only for activities the visitor may see."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kennisstad.registrations.models import Registration

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db

FORM = {"name": "Grace Hopper", "email": "grace@example.org", "consent": "on", "website": ""}


def url(activity) -> str:
    return reverse("registrations:register", args=[activity.pk])


def test_anyone_registers_without_an_account(client, django_capture_on_commit_callbacks):
    activity = RegistrationSettingsFactory(ask_dietary=True).activity
    page = client.get(url(activity))
    assert page.status_code == 200
    assert 'name="dietary"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(activity), {**FORM, "dietary": "vegetarisch"})
    assert response.status_code == 200 and response.context["outcome"] == "received"
    registration = Registration.objects.get()
    assert registration.answers == {"dietary": "vegetarisch"}
    assert registration.consent_given_at is not None
    assert len(mail.outbox) == 1


def test_english_form_registers_in_english(client):
    activity = RegistrationSettingsFactory().activity
    page = client.get(url(activity) + "?lang=en")
    assert "Register" in page.content.decode()
    client.post(url(activity), FORM)
    assert Registration.objects.get().language == "en"


def test_without_consent_nothing_is_stored_and_the_error_is_linked(client):
    activity = RegistrationSettingsFactory().activity
    response = client.post(url(activity), {**FORM, "consent": ""})
    assert response.status_code == 400
    assert 'href="#id_consent"' in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Registration.objects.exists()


def test_registering_twice_is_recognised_and_the_link_sent_again(
    client, django_capture_on_commit_callbacks
):
    activity = RegistrationSettingsFactory().activity
    RegistrationFactory(activity=activity, email="grace@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(activity), {**FORM, "email": "GRACE@example.org "})
    assert response.context["outcome"] == "received"
    assert Registration.objects.count() == 1
    (message,) = mail.outbox
    assert "/registrations/manage/" in message.body


def test_a_full_activity_puts_people_on_the_waiting_list(client):
    activity = RegistrationSettingsFactory(capacity=1).activity
    RegistrationFactory(activity=activity)
    response = client.post(url(activity), FORM)
    assert response.context["outcome"] == "received"
    assert Registration.objects.get(email="grace@example.org").waiting_position == 1


def test_full_without_waiting_list_is_refused(client):
    activity = RegistrationSettingsFactory(capacity=1, waiting_list=False).activity
    RegistrationFactory(activity=activity)
    response = client.post(url(activity), FORM)
    assert response.status_code == 409
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("settings_kwargs", "code"),
    [
        ({"is_open": False}, "closed"),
        ({"opens_at": timezone.now() + datetime.timedelta(days=1)}, "not_yet"),
        ({"deadline": timezone.now() - datetime.timedelta(minutes=1)}, "deadline"),
    ],
)
def test_closed_registration_is_explained_and_refused(client, settings_kwargs, code):
    activity = RegistrationSettingsFactory(**settings_kwargs).activity
    page = client.get(url(activity))
    assert page.context["refusal"].code == code
    assert '<form method="post" class="utrecht-form ks-form"' not in page.content.decode()
    response = client.post(url(activity), FORM)
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_an_internal_activity_has_no_public_form(client):
    activity = RegistrationSettingsFactory(activity=public_activity(visibility="internal")).activity
    assert client.get(url(activity)).status_code == 404
