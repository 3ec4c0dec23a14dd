"""A page's <title> is the record's name, never markup (the change history once ended up in
it for team members, who see the history)."""

import re

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.relations.services import save_organisation
from kennisstad.relations.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_detail_page_titles_hold_no_markup(client_for, team_member):
    organisation = OrganisationFactory(name="Hanzehogeschool")
    organisation.city = "Groningen-Zernike"
    save_organisation(organisation=organisation, user=team_member, expected_version=1)
    pages = [
        reverse("relations:organisation-detail", args=[organisation.pk]),
        reverse("relations:person-detail", args=[PersonFactory().pk]),
        reverse("agenda:activity-detail", args=[ActivityFactory().pk]),
    ]
    web = client_for(team_member)
    for url in pages:
        html = web.get(url).content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert "<" not in title and "history" not in title.lower(), (url, title)
