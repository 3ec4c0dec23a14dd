"""A partner cannot put an activity on the public portal and feed by itself: asking for "public"
keeps it visible to partners until a team member approves, through the form, the API and a
partner's calendar feed. Changing what was approved asks again; the municipality can turn the
review off (KENNISSTAD_PARTNER_PUBLISH_WITHOUT_REVIEW)."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from kennisstad.agenda.ics_import import sync_subscription
from kennisstad.agenda.models import Activity, CalendarSubscription
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.agenda.tests.test_activity_validation import VALID_API, VALID_FORM

pytestmark = pytest.mark.django_db

FEED = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RUG//NL\r\n"
    "BEGIN:VEVENT\r\nUID:rug-open@rug.nl\r\nDTSTART;TZID=Europe/Amsterdam:20270301T100000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270301T120000\r\nSUMMARY:Open college\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def publicly_visible(title: str) -> bool:
    """In the public feed or the anonymous API."""
    feed = Client().get(reverse("agenda:public-feed")).content.decode()
    api = APIClient().get("/api/v1/activities/").json()["results"]
    in_api = any(item["title_nl"] == title for item in api)
    assert (title in feed) == in_api
    return in_api


def test_a_partner_form_asks_and_the_team_approves(client_for, partner_editor, team_member):
    web = client_for(partner_editor)
    data = {**VALID_FORM, "title_nl": "Open dag", "visibility": "public"}
    assert web.post(reverse("agenda:activity-create"), data).status_code == 302
    activity = Activity.objects.get(title_nl="Open dag")
    assert activity.visibility == "partners" and activity.publication_requested_at
    assert not publicly_visible("Open dag")

    team = client_for(team_member)
    page = team.get(reverse("agenda:awaiting-approval")).content.decode()
    assert "Open dag" in page
    assert reverse("agenda:awaiting-approval") in team.get("/dashboard/").content.decode()
    team.post(
        reverse("agenda:awaiting-approval"),
        {"activity": activity.pk, "version": activity.version, "decision": "approve"},
    )
    activity.refresh_from_db()
    assert activity.visibility == "public" and activity.publication_requested_at is None
    assert activity.publication_approved_by == team_member
    assert publicly_visible("Open dag")
    link = reverse("agenda:activity-detail", args=[activity.pk])
    assert link not in team.get(reverse("agenda:awaiting-approval")).content.decode()


def test_the_team_can_decline(client_for, partner_editor, team_member, partner_organisation):
    activity = ActivityFactory(organiser_organisation=partner_organisation, visibility="partners")
    client_for(partner_editor).post(
        reverse("agenda:activity-update", args=[activity.pk]),
        {**VALID_FORM, "visibility": "public", "version": activity.version},
    )
    activity.refresh_from_db()
    assert activity.publication_requested_at is not None
    client_for(team_member).post(
        reverse("agenda:awaiting-approval"),
        {"activity": activity.pk, "version": activity.version, "decision": "reject"},
    )
    activity.refresh_from_db()
    assert activity.visibility == "partners" and activity.publication_requested_at is None


def test_the_api_asks_too(api_client_for, partner_editor, partner_organisation):
    response = api_client_for(partner_editor).post(
        "/api/v1/activities/",
        {**VALID_API, "title_nl": "Via de API", "visibility": "public"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["visibility"] == "partners"
    assert response.json()["publication_requested_at"]
    assert not publicly_visible("Via de API")


def test_changing_an_approved_activity_asks_again(
    api_client_for, partner_editor, partner_organisation
):
    approved = ActivityFactory(
        title_nl="Goedgekeurd", organiser_organisation=partner_organisation, visibility="public"
    )
    client = api_client_for(partner_editor)
    url = f"/api/v1/activities/{approved.pk}/"
    # Not what the public reads: stays public.
    client.patch(url, {"status": "tentative", "version": approved.version}, format="json")
    approved.refresh_from_db()
    assert approved.visibility == "public" and approved.publication_requested_at is None
    # The title is: back to partners until approved again.
    client.patch(url, {"title_nl": "Iets anders", "version": approved.version}, format="json")
    approved.refresh_from_db()
    assert approved.visibility == "partners" and approved.publication_requested_at is not None
    assert not publicly_visible("Iets anders")


def test_a_team_member_publishes_directly(api_client_for, team_member):
    response = api_client_for(team_member).post(
        "/api/v1/activities/", {**VALID_API, "visibility": "public"}, format="json"
    )
    assert response.json()["visibility"] == "public"
    assert Activity.objects.get().publication_approved_by == team_member


def test_a_partner_feed_asks_too(partner_organisation):
    subscription = CalendarSubscription.objects.create(
        organisation=partner_organisation, url="https://rug.example/agenda.ics", visibility="public"
    )
    sync_subscription(subscription, fetch=lambda url: FEED)
    activity = Activity.objects.get(uid="rug-open@rug.nl")
    assert activity.visibility == "partners" and activity.publication_requested_at is not None
    assert not publicly_visible("Open college")
    activity.visibility = "public"  # approved
    activity.publication_requested_at = None
    activity.save()
    sync_subscription(subscription, fetch=lambda url: FEED.replace("Open college", "Gewijzigd"))
    activity.refresh_from_db()
    assert activity.visibility == "partners" and activity.publication_requested_at is not None


def test_the_municipality_can_let_partners_publish(settings, api_client_for, partner_editor):
    settings.KENNISSTAD_PARTNER_PUBLISH_WITHOUT_REVIEW = True
    response = api_client_for(partner_editor).post(
        "/api/v1/activities/", {**VALID_API, "visibility": "public"}, format="json"
    )
    assert response.json()["visibility"] == "public"


@pytest.mark.parametrize(
    "change",
    [{"kind": "webinar"}, {"timezone": "Asia/Shanghai"}],
)
def test_everything_the_public_reads_asks_again(
    change, api_client_for, partner_editor, partner_organisation
):
    approved = ActivityFactory(
        title_nl="Goedgekeurd", organiser_organisation=partner_organisation, visibility="public"
    )
    response = api_client_for(partner_editor).patch(
        f"/api/v1/activities/{approved.pk}/", {**change, "version": approved.version}, format="json"
    )
    assert response.status_code == 200, response.content
    approved.refresh_from_db()
    assert approved.visibility == "partners" and approved.publication_requested_at is not None


def test_an_activity_that_no_longer_validates_is_refused_with_a_message(
    client_for, team_member, partner_organisation
):
    """A rule stored before today's checks cannot be approved: a message, not a 500."""
    activity = ActivityFactory(organiser_organisation=partner_organisation, visibility="partners")
    Activity.objects.filter(pk=activity.pk).update(
        rrule="FREQ=WEEKLY;INTERVAL=0", publication_requested_at="2030-01-01T00:00:00Z"
    )
    response = client_for(team_member).post(
        reverse("agenda:awaiting-approval"),
        {"activity": activity.pk, "version": activity.version, "decision": "approve"},
        follow=True,
    )
    assert response.status_code == 200
    activity.refresh_from_db()
    assert activity.visibility == "partners"
    assert "INTERVAL" in response.content.decode()
