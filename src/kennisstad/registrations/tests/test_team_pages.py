"""The team opens registration on an activity, sees the attendee list with counts, downloads it
(xlsx, csv, printable), checks people in from a phone and records the no-shows. Partners only
for their own organisation's activities; readers and visitors not at all."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.registrations.models import RegistrationSettings, RegistrationStatus

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


def test_team_opens_registration_from_the_activity_page(client_for, team_member):
    activity = public_activity()
    web = client_for(team_member)
    detail = web.get(reverse("agenda:activity-detail", args=[activity.pk])).content.decode()
    settings_url = reverse("registrations:settings", args=[activity.pk])
    assert settings_url in detail
    response = web.post(
        settings_url,
        {
            "is_open": "on",
            "capacity": "20",
            "waiting_list": "on",
            "ask_dietary": "on",
            "consent_text_nl": "Wij bewaren uw gegevens kort.",
            "retention_days": "30",
            "questions_text": "Hoe hoorde u hiervan? | How did you hear about this?",
        },
    )
    assert response.status_code == 302
    config = RegistrationSettings.objects.get(activity=activity)
    assert config.capacity == 20 and config.ask_dietary
    [question] = config.free_questions
    assert question["key"] and question["nl"] == "Hoe hoorde u hiervan?"
    assert question["en"] == "How did you hear about this?"
    detail = web.get(reverse("agenda:activity-detail", args=[activity.pk])).content.decode()
    assert reverse("registrations:attendees", args=[activity.pk]) in detail


def test_more_places_go_to_the_waiting_list_at_once(client_for, team_member):
    config = RegistrationSettingsFactory(capacity=1)
    RegistrationFactory(activity=config.activity)
    waiting = RegistrationFactory(activity=config.activity, status="waiting", waiting_position=1)
    web = client_for(team_member)
    form = web.get(reverse("registrations:settings", args=[config.activity.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update({"capacity": "2", "version": config.version, "retention_days": "90"})
    assert (
        web.post(reverse("registrations:settings", args=[config.activity.pk]), data).status_code
        == 302
    )
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_attendee_list_and_exports(client_for, team_member):
    config = RegistrationSettingsFactory(ask_dietary=True)
    RegistrationFactory(activity=config.activity, name="Ada", answers={"dietary": "halal"})
    RegistrationFactory(activity=config.activity, name="Bob", status="cancelled")
    web = client_for(team_member)
    url = reverse("registrations:attendees", args=[config.activity.pk])
    page = web.get(url)
    assert page.context["counts"]["confirmed"] == 1 and page.context["counts"]["cancelled"] == 1
    assert "halal" in page.content.decode() and "Bob" not in page.content.decode()
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(web.get(url + "?format=xlsx"))))
    values = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row]
    assert "Ada" in values and "halal" in values
    csv_text = b"".join(web.get(url + "?format=csv").streaming_content).decode("utf-8-sig")
    assert "Ada" in csv_text and "halal" in csv_text
    printable = web.get(reverse("registrations:printable", args=[config.activity.pk]))
    assert "Ada" in printable.content.decode()


def test_check_in_and_undo_from_a_phone(client_for, team_member):
    config = RegistrationSettingsFactory()
    registration = RegistrationFactory(activity=config.activity, name="Ada Lovelace")
    web = client_for(team_member)
    url = reverse("registrations:check-in", args=[config.activity.pk])
    assert "Ada Lovelace" in web.get(url + "?q=lovel").content.decode()
    assert "Ada Lovelace" not in web.get(url + "?q=zzz").content.decode()
    assert web.post(url, {"registration": registration.pk, "q": "lovel"}).status_code == 302
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.history.first().history_user == team_member
    web.post(url, {"registration": registration.pk, "undo": "1"})
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_no_shows_are_recorded_after_the_start(client_for, team_member):
    start = timezone.now() - datetime.timedelta(hours=1)
    activity = public_activity(starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    config = RegistrationSettingsFactory(activity=activity)
    came = RegistrationFactory(activity=activity, checked_in_at=timezone.now())
    absent = RegistrationFactory(activity=activity)
    waiting = RegistrationFactory(activity=activity, status="waiting", waiting_position=1)
    web = client_for(team_member)
    web.post(reverse("registrations:no-shows", args=[config.activity.pk]))
    for registration in (came, absent, waiting):
        registration.refresh_from_db()
    assert (came.no_show, absent.no_show, waiting.no_show) == (False, True, False)


@pytest.mark.parametrize("name", ["attendees", "check-in", "settings", "printable"])
def test_only_who_may_change_the_activity_sees_the_list(
    client_for, reader, partner_editor, partner_organisation, name
):
    own = RegistrationSettingsFactory(
        activity=public_activity(organiser_organisation=partner_organisation)
    )
    other = RegistrationSettingsFactory()
    assert (
        client_for(reader).get(reverse(f"registrations:{name}", args=[own.activity.pk])).status_code
        == 403
    )
    partner = client_for(partner_editor)
    assert partner.get(reverse(f"registrations:{name}", args=[own.activity.pk])).status_code == 200
    assert (
        partner.get(reverse(f"registrations:{name}", args=[other.activity.pk])).status_code == 403
    )
    anonymous = client_for(None).get(reverse(f"registrations:{name}", args=[own.activity.pk]))
    assert anonymous.status_code == 302


def test_team_cancels_a_registration_and_the_first_waiting_moves_up(
    client_for, team_member, django_capture_on_commit_callbacks
):
    from django.core import mail

    config = RegistrationSettingsFactory(capacity=1)
    leaving = RegistrationFactory(activity=config.activity)
    waiting = RegistrationFactory(activity=config.activity, status="waiting", waiting_position=1)
    web = client_for(team_member)
    url = reverse("registrations:team-cancel", args=[config.activity.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert web.post(url, {"registration": leaving.pk}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert sorted(m.to[0] for m in mail.outbox) == sorted([leaving.email, waiting.email])
    assert web.post(url, {"registration": "x"}).status_code == 404
