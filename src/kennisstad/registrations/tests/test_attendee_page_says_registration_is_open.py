"""The attendee page says registration is "open" in Dutch, not the "open" of a project's end
date ("onbepaald"): the word has its own context."""

import re

import pytest
from django.urls import reverse

from .factories import RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def test_the_attendee_page_says_open(client_for, team_member):
    config = RegistrationSettingsFactory(is_open=True)
    page = client_for(team_member).get(
        reverse("registrations:attendees", args=[config.activity.pk])
    )
    text = re.sub(r"\s+", " ", page.content.decode())
    assert "onbepaald" not in text
    assert re.search(r"<dd>open[ <(]", text)
