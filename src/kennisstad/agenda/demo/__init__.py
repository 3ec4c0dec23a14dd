"""Loads the calendar part of the demo through ``save_activity``. Dates are computed from the day
of loading, so the calendar never looks empty whenever the demo is loaded: anchored dates
(month, day) fall in a window of about three months back and nine ahead."""

import datetime
from collections.abc import Iterable
from functools import partial
from zoneinfo import ZoneInfo

from kennisstad.agenda.models import Activity, ActivityStatus
from kennisstad.agenda.services import save_activity
from kennisstad.core.demo import DemoLoad

from .events import EVENTS
from .outreach import OUTREACH
from .spec import ActivitySpec
from .visits import VISITS

__all__ = ["ACTIVITIES", "ActivitySpec", "load_activities"]

ACTIVITIES = (*EVENTS, *VISITS, *OUTREACH)
UID_TEMPLATE = "demo-{slug}@kennisstad.example"
WINDOW_DAYS_BACK = 95


def load_activities(demo: DemoLoad, activities: Iterable[ActivitySpec] = ACTIVITIES) -> None:
    """The calendar (or ``activities``: other apps add their own, e.g. a mission abroad)."""
    for spec in activities:
        demo.refs["activity days"][spec.slug] = first_day(demo, spec)
        demo.ensure(
            "activities",
            Activity,
            {"uid": UID_TEMPLATE.format(slug=spec.slug)},
            partial(_create, demo, spec),
        )


def first_day(demo: DemoLoad, spec: ActivitySpec) -> datetime.date:
    if spec.after is not None:
        other, offset = spec.after
        return demo.refs["activity days"][other] + datetime.timedelta(days=offset)
    if spec.on is not None:
        window_start = demo.today - datetime.timedelta(days=WINDOW_DAYS_BACK)
        month, day = spec.on
        date = datetime.date(window_start.year, month, day)
        if date < window_start:
            date = date.replace(year=window_start.year + 1)
    else:
        date = demo.today + datetime.timedelta(days=spec.in_days or 0)
    if spec.weekday is not None:
        return date + datetime.timedelta(days=(spec.weekday - date.weekday()) % 7)
    if date.weekday() >= 5:
        return date + datetime.timedelta(days=7 - date.weekday())
    return date


def _times(day: datetime.date, spec: ActivitySpec) -> tuple[datetime.datetime, datetime.datetime]:
    zone = ZoneInfo(spec.timezone)
    if spec.at is None:
        starts_at = datetime.datetime.combine(day, datetime.time(0), zone)
        end_day = day + datetime.timedelta(days=spec.days)
        return starts_at, datetime.datetime.combine(end_day, datetime.time(0), zone)
    starts_at = datetime.datetime.combine(day, datetime.time(*spec.at), zone)
    return starts_at, starts_at + datetime.timedelta(hours=spec.hours)


def _create(demo: DemoLoad, spec: ActivitySpec) -> Activity:
    starts_at, ends_at = _times(demo.refs["activity days"][spec.slug], spec)
    status = spec.status  # an anchored date may already lie in the past
    if status == ActivityStatus.TENTATIVE and ends_at <= demo.now:
        status = ActivityStatus.CONFIRMED
    activity = Activity(
        uid=UID_TEMPLATE.format(slug=spec.slug),
        title_nl=spec.title_nl,
        title_en=spec.title_en,
        description_nl=spec.description_nl,
        description_en=spec.description_en,
        kind=spec.kind,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=spec.at is None,
        timezone=spec.timezone,
        rrule=spec.rrule,
        location=spec.location,
        city=spec.city,
        country=spec.country,
        organiser_organisation=demo.ref("organisations", spec.organiser),
        organiser_department=spec.department,
        project=demo.ref("projects", spec.project),
        visibility=spec.visibility,
        status=status,
    )
    return save_activity(
        activity=activity,
        user=None,
        team_participants=demo.each("users", spec.team),
        people=demo.each("people", spec.people),
        themes=demo.each("themes", spec.themes),
    )
