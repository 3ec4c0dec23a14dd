"""The demo's P&C calendar: the scenario's deadlines and two around today, every indicator
with an owner, a team lead, and a dashboard that always shows figures still missing; loading
twice changes nothing."""

import pytest
from django.urls import reverse

from kennisstad.accounts.models import User
from kennisstad.indicators.models import Indicator
from kennisstad.policy.models import Deadline
from kennisstad.workspace.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_dashboard_shows_missing_values(client_for):
    load_demo()
    load_demo()
    assert Deadline.objects.count() == 6
    assert not Indicator.objects.filter(owner__isnull=True, owner_organisation__isnull=True)
    lead = User.objects.get(username="team")
    assert lead.is_team_lead
    html = client_for(lead).get(reverse("workspace:home")).content.decode()
    assert 'aria-labelledby="missing-values-heading"' in html
    assert "Jeroen Dijkstra" in html  # the survey's owner still owes its figures
