"""Mails to registrants go through a background task (with the retry policy), queued after the
commit: raising the places by 100 queues 100 tasks instead of sending inside the request."""

import pytest
from django.core import mail

from kennisstad.registrations import services, tasks

from .factories import RegistrationFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def test_promotions_are_queued_as_tasks(
    monkeypatch, django_capture_on_commit_callbacks, team_member
):
    queued = []
    monkeypatch.setattr(tasks.send_registrant_mail, "delay", lambda *args: queued.append(args))
    config = RegistrationSettingsFactory(capacity=0)
    for position in range(1, 4):
        RegistrationFactory(activity=config.activity, status="waiting", waiting_position=position)
    config.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        services.save_settings(config=config, user=team_member, expected_version=config.version)
    assert [kind for _pk, kind in queued] == ["promoted"] * 3
    assert mail.outbox == []


def test_the_task_sends_the_mail():
    registration = RegistrationFactory()
    assert tasks.send_registrant_mail.delay(registration.pk, "confirmed").get() == {"sent": 1}
    assert len(mail.outbox) == 1
