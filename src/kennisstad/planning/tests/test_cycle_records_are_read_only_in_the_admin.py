"""Amendments, action progress and forecasts are browsed in the admin, never changed there:
the cycle's services (versions, logged steps) make every change."""

import pytest
from django.urls import reverse

from kennisstad.indicators.models import Indicator
from kennisstad.planning.models import Action
from kennisstad.planning.services import record_action_progress, record_amendment, record_forecast
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


def test_the_cycle_records_are_listed_and_read_only(client_for, administrator, team_member):
    document = begroting()
    report = Document.objects.create(kind="bestuursrapportage", year=2018, sequence=1)
    records = {
        "amendment": record_amendment(
            document=document, number="A1", description="Hoger doel", user=team_member
        ),
        "actionprogress": record_action_progress(
            report=report, action=Action.objects.first(), status="gereed", user=team_member
        ),
        "forecast": record_forecast(
            report=report,
            indicator=Indicator.objects.first(),
            year=2018,
            value="6",
            user=team_member,
        ),
    }
    web = client_for(administrator)
    for name, record in records.items():
        assert web.get(reverse(f"admin:planning_{name}_changelist")).status_code == 200
        assert web.get(reverse(f"admin:planning_{name}_add")).status_code == 403
        change = reverse(f"admin:planning_{name}_change", args=[record.pk])
        assert web.post(change, {"note": "anders"}).status_code == 403
