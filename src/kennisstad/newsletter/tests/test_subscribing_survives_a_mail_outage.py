"""Subscribing never gives the visitor an error page because the mail server or the queue is
down: the confirmation goes through a background task (retried later with a broker; in-process
its failure is logged) and the answer is the same as always."""

from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend
from django.test import TestCase
from django.urls import reverse

from kennisstad.newsletter import tasks
from kennisstad.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


class DownBackend(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


class OtherErrorBackend(EmailBackend):
    def send_messages(self, messages):
        raise SMTPServerDisconnected("gone")


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def ask(client):
    data = {"email": "anna@example.org", "language": "nl", "consent": "on"}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("newsletter:subscribe"), data)


@pytest.mark.parametrize("backend", ["DownBackend", "OtherErrorBackend"])
def test_a_mail_server_that_is_down_gives_the_usual_answer(client, settings, backend, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.{backend}"
    client.raise_request_exception = True
    response = ask(client)
    assert response.status_code == 302
    assert response.url == reverse("newsletter:subscribe-sent")
    assert Subscriber.objects.filter(email="anna@example.org").exists()
    assert "task.newsletter-confirm.failed" in caplog.text


def test_a_broker_that_is_down_gives_the_usual_answer(client, monkeypatch):
    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("no broker")

    monkeypatch.setattr(tasks.send_confirmation, "delay", broker_down)
    monkeypatch.setitem(tasks.send_confirmation.app.conf, "task_always_eager", False)
    response = ask(client)
    assert response.status_code == 302
    assert mail.outbox == []


def test_the_confirmation_goes_through_the_task(client):
    ask(client)
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
