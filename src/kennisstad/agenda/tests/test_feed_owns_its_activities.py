"""A partner calendar creates and changes only its own activities: a UID in the feed that
another organiser's activity (a partner's, the team's) or another calendar's already uses is
reported as a conflict and left alone, and everything the sync changes is in the audit trail under
the feed's name. An activity of its own organisation that no calendar owns is adopted. A partner's
own .ics import likewise changes only its organisation's activities."""

import datetime
import io
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from kennisstad.agenda.ics_import import import_events, parse_ics, sync_subscription
from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory, CalendarSubscriptionFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def event(uid: str, title: str, day: int = 1) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART;TZID=Europe/Amsterdam:202703{day:02d}T100000\r\n"
        f"DTEND;TZID=Europe/Amsterdam:202703{day:02d}T120000\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"
    )


def calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//A//NL\r\n"
        + "".join(events)
        + ("END:VCALENDAR\r\n")
    )


@pytest.fixture
def others():
    """Partner B's activity and a team activity, each with a UID partner A's feed will carry."""
    hanze = OrganisationFactory(name="Hanzehogeschool")
    partner_b = ActivityFactory(
        uid="b-1@hanze.nl", title_nl="Hanze open dag", organiser_organisation=hanze
    )
    team = ActivityFactory(
        uid="team-1@kennisstad", title_nl="Ontvangst delegatie", organiser_department="IZ"
    )
    return partner_b, team


def state(activity) -> tuple:
    activity.refresh_from_db()
    return (
        activity.title_nl,
        activity.version,
        activity.sequence,
        activity.status,
        activity.subscription_id,
        activity.history.count(),
    )


def test_a_feed_changes_only_its_own_activities_and_reports_collisions(
    others, partner_organisation, client, team_member
):
    feed = CalendarSubscriptionFactory(organisation=partner_organisation)
    before = [state(activity) for activity in others]
    text = calendar(
        event("a-1@rug.nl", "Gastcollege"),
        event("b-1@hanze.nl", "Overgenomen open dag"),
        event("team-1@kennisstad", "Overgenomen ontvangst"),
    )

    report = sync_subscription(feed, fetch=lambda url: text)

    assert [state(activity) for activity in others] == before
    conflicts = [str(conflict) for conflict in report.conflicts]
    assert len(conflicts) == 2
    assert "b-1@hanze.nl" in conflicts[0] and "team-1@kennisstad" in conflicts[1]
    assert [conflict.line for conflict in report.conflicts] == [10, 16]  # the events' lines
    assert "Hanze open dag" not in " ".join(conflicts)  # never names what it can't see
    feed.refresh_from_db()
    assert feed.last_error == "\n".join(conflicts)  # for the administrators
    own = Activity.objects.get(uid="a-1@rug.nl")
    assert own.subscription == feed and own.organiser_organisation == partner_organisation
    created = own.history.get()
    assert created.history_user is None
    assert (
        created.history_change_reason
        == f"feed sync: {partner_organisation}, {feed.url.split('/')[2]} (#{feed.pk})"
    )

    # The feed changes its event and drops it later: both changes carry the feed's name.
    sync_subscription(feed, fetch=lambda url: calendar(event("a-1@rug.nl", "Gastcollege Energie")))
    sync_subscription(feed, fetch=lambda url: calendar())
    own.refresh_from_db()
    feed.refresh_from_db()
    assert own.title_nl == "Gastcollege Energie" and own.status == "cancelled"
    assert feed.last_error == ""
    reasons = list(own.history.values_list("history_change_reason", flat=True))
    assert reasons == [created.history_change_reason] * 3
    assert [state(activity) for activity in others] == before  # not cancelled either

    client.force_login(team_member)
    page = client.get(reverse("agenda:activity-detail", args=[own.pk])).content.decode()
    assert f"partnerkalender: {partner_organisation}" in page


def test_an_activity_of_another_feed_is_a_conflict_too(partner_organisation):
    first = CalendarSubscriptionFactory(organisation=partner_organisation)
    second = CalendarSubscriptionFactory(organisation=partner_organisation)
    sync_subscription(first, fetch=lambda url: calendar(event("a-1@rug.nl", "Gastcollege")))

    report = sync_subscription(second, fetch=lambda url: calendar(event("a-1@rug.nl", "Anders")))

    assert len(report.conflicts) == 1 and not report.changed
    activity = Activity.objects.get(uid="a-1@rug.nl")
    assert activity.title_nl == "Gastcollege" and activity.subscription == first


def test_a_feed_adopts_its_organisations_activity_that_no_calendar_owns(partner_organisation):
    feed = CalendarSubscriptionFactory(organisation=partner_organisation)
    by_hand = ActivityFactory(
        uid="a-1@rug.nl",
        title_nl="Gastcollege",
        organiser_organisation=partner_organisation,
        starts_at=datetime.datetime(2027, 3, 1, 10, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 3, 1, 12, tzinfo=AMSTERDAM),
    )

    report = sync_subscription(feed, fetch=lambda url: calendar(event("a-1@rug.nl", "Gastcollege")))

    by_hand.refresh_from_db()
    assert not report.conflicts and by_hand.subscription == feed  # same content, now the feed's
    assert by_hand.history.first().history_change_reason.startswith("feed sync: ")
    sync_subscription(feed, fetch=lambda url: calendar())
    by_hand.refresh_from_db()
    assert by_hand.status == "cancelled"


def test_sync_feeds_prints_the_conflicts(others, partner_organisation, monkeypatch):
    feed = CalendarSubscriptionFactory(organisation=partner_organisation)
    text = calendar(event("b-1@hanze.nl", "Overgenomen open dag"))
    monkeypatch.setattr("kennisstad.agenda.ics_import._fetch", lambda url: text)
    out, err = io.StringIO(), io.StringIO()

    call_command("sync-feeds", stdout=out, stderr=err)

    assert "1 conflict" in out.getvalue() and "b-1@hanze.nl" in err.getvalue()
    assert feed.activities.count() == 0


def test_a_partners_import_changes_only_its_own_activities(others, partner_editor):
    partner_b, _team = others
    mine = ActivityFactory(
        uid="a-1@rug.nl", title_nl="Oud", organiser_organisation=partner_editor.organisation
    )
    before = [state(activity) for activity in others]
    events = parse_ics(
        calendar(
            event("a-1@rug.nl", "Nieuw"),
            event("b-1@hanze.nl", "Overgenomen"),
            event("team-1@kennisstad", "Overgenomen"),
        )
    )

    report = import_events(events, user=partner_editor, organiser=partner_editor.organisation)

    assert [state(activity) for activity in others] == before
    assert len(report.conflicts) == 2 and len(report.changed) == 1
    mine.refresh_from_db()
    assert mine.title_nl == "Nieuw" and mine.history.first().history_user == partner_editor
    with pytest.raises(PermissionDenied):
        import_events(events, user=partner_editor, organiser=partner_b.organiser_organisation)


def test_a_team_members_import_may_update_any_activity(others, team_member):
    partner_b, _team = others
    events = parse_ics(calendar(event("b-1@hanze.nl", "Verplaatst", day=2)))

    report = import_events(events, user=team_member, organiser=partner_b.organiser_organisation)

    partner_b.refresh_from_db()
    assert not report.conflicts and partner_b.title_nl == "Verplaatst"
    assert partner_b.starts_at == datetime.datetime(2027, 3, 2, 10, tzinfo=AMSTERDAM)
