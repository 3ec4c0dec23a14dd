"""A bestuursrapportage gives each action of its year's begroting a status (op schema,
vertraagd, gereed, vervallen) with a note, and each indicator a forecast for the year; its page
lists them, and recording again replaces what it said."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.core.tests.events import listen, logged
from kennisstad.indicators.models import Indicator
from kennisstad.planning.models import Action, ActionProgress, Forecast
from kennisstad.planning.services import (
    adopt_document,
    record_action_progress,
    record_forecast,
)
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def report():
    begroting()
    return Document.objects.create(kind="bestuursrapportage", year=2018, sequence=1)


def test_progress_and_forecasts_are_recorded_replaced_and_logged(
    report, team_member, caplog, django_capture_on_commit_callbacks
):
    listen(caplog)
    action = Action.objects.first()
    indicator = Indicator.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        record_action_progress(
            report=report, action=action, status="vertraagd", note="Later", user=team_member
        )
        record_action_progress(report=report, action=action, status="gereed", user=team_member)
        record_forecast(
            report=report, indicator=indicator, year=2018, value="> 6", user=team_member
        )
    progress = ActionProgress.objects.get()
    assert (progress.status, progress.note) == ("gereed", "")
    forecast = Forecast.objects.get()
    assert (forecast.display_text, forecast.value) == ("> 6", 6)
    assert [e["status"] for e in logged(caplog, "cycle.progress.recorded")] == [
        "vertraagd",
        "gereed",
    ]
    [recorded] = logged(caplog, "cycle.forecast.recorded")
    assert (recorded["report"], recorded["indicator"], recorded["year"]) == (
        report.pk,
        indicator.pk,
        2018,
    )


@pytest.mark.parametrize("status", ["op_schema", "vertraagd", "gereed", "vervallen"])
def test_each_status_of_the_cycle_is_accepted(report, team_member, status):
    action = Action.objects.first()
    record_action_progress(report=report, action=action, status=status, user=team_member)
    assert ActionProgress.objects.get().status == status


def test_what_a_bestuursrapportage_does_not_report_is_refused(report, team_member):
    action, indicator = Action.objects.first(), Indicator.objects.first()
    begroting_2018 = Document.objects.get(kind="begroting")
    other_year = Document.objects.create(kind="bestuursrapportage", year=2019)
    refused = [
        lambda: record_action_progress(
            report=report, action=action, status="later", user=team_member
        ),
        lambda: record_action_progress(
            report=other_year, action=action, status="gereed", user=team_member
        ),
        lambda: record_action_progress(
            report=begroting_2018, action=action, status="gereed", user=team_member
        ),
        lambda: record_forecast(
            report=report, indicator=indicator, year=2019, value="6", user=team_member
        ),
        lambda: record_forecast(
            report=report, indicator=indicator, year=2018, value="veel", user=team_member
        ),
    ]
    for attempt in refused:
        with pytest.raises(ValidationError):
            attempt()
    adopt_document(
        document=report, on=datetime.date(2018, 7, 5), decision_number="9", user=team_member
    )
    with pytest.raises(ValidationError, match="adopted"):
        record_forecast(report=report, indicator=indicator, year=2018, value="6", user=team_member)
    assert not ActionProgress.objects.exists() and not Forecast.objects.exists()


def test_the_page_lists_the_actions_and_indicators_and_sets_them(report, client_for, team_member):
    client = client_for(team_member)
    action, indicator = Action.objects.first(), Indicator.objects.first()
    progress_url = reverse("planning:document-cycle", args=[report.pk, "progress"])
    answer = client.post(
        progress_url,
        {"version": report.version, "action": action.pk, "status": "vertraagd", "note": "Later"},
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    forecast_url = reverse("planning:document-cycle", args=[report.pk, "forecast"])
    client.post(forecast_url, {"version": report.version, "indicator": indicator.pk, "value": "7"})
    page = client.get(reverse("planning:document-detail", args=[report.pk])).content.decode()
    assert "We starten een kennisfonds." in page and "We organiseren een kennisweek." in page
    assert "ertraagd" in page and "Later" in page  # Delayed (vertraagd), or Vertraagd in Dutch
    assert ">7<" in page.replace(" ", "").replace("\n", "")
    assert Forecast.objects.get().display_text == "7"
