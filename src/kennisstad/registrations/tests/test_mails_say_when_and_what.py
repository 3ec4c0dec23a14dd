"""The mails: no calendar file while waiting (it comes with the place), the cancellation
removes the event (METHOD:CANCEL, same UID), all-day activities without times, times in the
activity's own time zone with its name when that is not the site's."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from kennisstad.registrations.mails import build_mail

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


def _calendar(message):
    ((_name, content, _mimetype),) = message.attachments
    return icalendar.Calendar.from_ical(content)


def test_the_waiting_list_mail_has_no_calendar_file_the_promotion_has():
    config = RegistrationSettingsFactory(capacity=0)
    waiting = RegistrationFactory(activity=config.activity, status="waiting", waiting_position=1)
    assert build_mail(waiting, "waiting").attachments == []
    assert build_mail(waiting, "duplicate").attachments == []
    waiting.status, waiting.waiting_position = "confirmed", None
    assert _calendar(build_mail(waiting, "promoted"))["METHOD"] == "PUBLISH"


def test_the_cancellation_mail_cancels_the_same_event():
    registration = RegistrationFactory()
    calendar = _calendar(build_mail(registration, "cancelled"))
    (event,) = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "CANCEL"
    assert str(event["UID"]) == registration.activity.uid
    assert str(event["STATUS"]) == "CANCELLED"


def test_an_all_day_activity_is_mailed_without_times():
    start = timezone.make_aware(datetime.datetime(2030, 5, 6))
    activity = public_activity(
        all_day=True, starts_at=start, ends_at=start + datetime.timedelta(days=1)
    )
    RegistrationSettingsFactory(activity=activity)
    body = build_mail(RegistrationFactory(activity=activity), "confirmed").body
    when = next(line for line in body.splitlines() if line.startswith("Wanneer"))
    assert "2030" in when and ":" not in when.split(":", 1)[1]


def test_times_are_in_the_activitys_own_zone_with_its_name():
    zone = zoneinfo.ZoneInfo("America/New_York")
    start = datetime.datetime(2030, 5, 6, 18, 30, tzinfo=zone)
    activity = public_activity(
        starts_at=start, ends_at=start + datetime.timedelta(hours=2), timezone="America/New_York"
    )
    RegistrationSettingsFactory(activity=activity)
    body = build_mail(RegistrationFactory(activity=activity), "confirmed").body
    when = next(line for line in body.splitlines() if line.startswith("Wanneer"))
    assert "18:30" in when and "America/New_York" in when
