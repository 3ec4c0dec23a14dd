"""All-day activities are stored as whole local days (exclusive end, as iCalendar does), and a
recurrence rule is normalised and kept."""

import datetime
import zoneinfo

import pytest

from kennisstad.agenda.models import Activity
from kennisstad.agenda.services import save_activity

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def test_all_day_activity_covers_whole_local_days(team_member):
    activity = Activity(
        title_nl="Week van de Regio's",
        kind="conference",
        all_day=True,
        starts_at=datetime.datetime(2027, 10, 11, 15, 30, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 10, 13, 12, 0, tzinfo=AMSTERDAM),
    )
    save_activity(activity=activity, user=team_member)
    activity.refresh_from_db()
    assert activity.starts_at.astimezone(AMSTERDAM) == datetime.datetime(
        2027, 10, 11, tzinfo=AMSTERDAM
    )
    assert activity.ends_at.astimezone(AMSTERDAM) == datetime.datetime(
        2027, 10, 14, tzinfo=AMSTERDAM
    )
    assert activity.last_day == datetime.date(2027, 10, 13)


def test_recurrence_rule_is_normalised(team_member):
    activity = Activity(
        title_nl="Teamoverleg",
        kind="other",
        starts_at=datetime.datetime(2027, 1, 4, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 1, 4, 10, tzinfo=AMSTERDAM),
        rrule="RRULE:freq=weekly;byday=MO;count=10",
    )
    save_activity(activity=activity, user=team_member)
    assert Activity.objects.get().rrule == "FREQ=WEEKLY;COUNT=10;BYDAY=MO"


def test_every_change_raises_the_sequence(team_member):
    activity = Activity(
        title_nl="Ontvangst",
        kind="reception",
        starts_at=datetime.datetime(2027, 1, 4, 17, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 1, 4, 19, tzinfo=AMSTERDAM),
    )
    save_activity(activity=activity, user=team_member)
    assert activity.sequence == 0
    activity.title_nl = "Nieuwjaarsontvangst"
    save_activity(activity=activity, user=team_member, expected_version=activity.version)
    activity.refresh_from_db()
    assert (activity.sequence, activity.version) == (1, 2)
