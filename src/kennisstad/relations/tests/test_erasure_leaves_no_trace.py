"""After erasure the person's name, email address and telephone number occur nowhere in the
database: not in the record, its history, other records' text or their history, the admin log
or the access log. Interactions and activities keep their number of participants."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from kennisstad.agenda.services import save_activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.relations.models import Person, PersonalDataAccess
from kennisstad.relations.services import erase_person, save_interaction, save_person
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db(transaction=False)

FIRST, LAST = "Wilhelmina", "Oosterbroek-Zandvoort"
EMAIL = "w.oosterbroek@zandvoort-example.nl"
OLD_EMAIL = "mina.oosterbroek@old-example.nl"
PHONE = "+31 50 367 1234"
TRACES = [f"{FIRST} {LAST}", LAST, EMAIL, OLD_EMAIL, PHONE, "oosterbroek"]


def every_value_in_the_database():
    """Every column of every row of every table, read with plain SQL."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    if value is not None:
                        yield table, str(value)


def traces_left() -> list[str]:
    found = []
    for table, value in every_value_in_the_database():
        lowered = value.lower()
        found += [f"{table}: {trace}" for trace in TRACES if trace.lower() in lowered]
    return found


@pytest.fixture
def contact(team_member):
    organisation = OrganisationFactory(name="Zernike Campus")
    person = save_person(
        person=Person(
            first_name=FIRST,
            last_name=LAST,
            email=OLD_EMAIL,
            phone=PHONE,
            job_title="Directeur",
            lawful_basis="public_task",
            retain_until=datetime.date(2030, 1, 1),
        ),
        user=team_member,
        organisations=[organisation],
    )
    person.email = EMAIL
    save_person(person=person, user=team_member, expected_version=person.version)
    interaction = InteractionFactory(subject="Kennismaking")
    interaction.notes = f"Gesproken met {FIRST} {LAST} ({EMAIL}), bel {PHONE}."
    save_interaction(interaction=interaction, user=team_member, expected_version=1, people=[person])
    activity = ActivityFactory(description_nl=f"Ontvangst door {FIRST.upper()} {LAST.upper()}")
    activity.people.add(person, PersonFactory())
    save_activity(activity=activity, user=team_member, expected_version=activity.version)
    LogEntry.objects.create(
        user=team_member,
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr=f"{FIRST} {LAST}",
        action_flag=CHANGE,
    )
    return {"person": person, "interaction": interaction, "activity": activity}


def test_the_setup_really_spreads_the_person_over_the_database(contact):
    left = traces_left()
    tables = {entry.split(":")[0] for entry in left}
    assert {"relations_person", "relations_historicalperson", "relations_interaction"} <= tables
    assert "relations_historicalinteraction" in tables
    assert "agenda_historicalactivity" in tables
    assert "django_admin_log" in tables


def test_after_erasure_name_email_and_phone_occur_nowhere(contact, team_member):
    person = contact["person"]
    erase_person(person=person, user=team_member, reason=f"Verzoek van {FIRST} {LAST} per mail")

    assert traces_left() == []


def test_counts_stay_right_and_the_erasure_itself_is_on_record(contact, team_member):
    person, interaction, activity = contact["person"], contact["interaction"], contact["activity"]
    history_rows = person.history.count()
    erase_person(person=person, user=team_member, reason="Verzoek per mail van 3 maart")

    person.refresh_from_db()
    assert person.erased_at is not None
    assert (person.first_name, person.last_name, person.email, person.phone) == ("", "", "", "")
    assert not person.organisations.exists()
    assert interaction.people.count() == 1
    assert activity.people.count() == 2
    assert LAST not in str(person) and str(person.pk) in str(person)

    newest = person.history.order_by("-history_date", "-history_id").first()
    assert person.history.count() == history_rows + 1
    assert newest.history_user == team_member
    assert "Verzoek per mail van 3 maart" in newest.history_change_reason
    entry = PersonalDataAccess.objects.get(person_id=person.pk, action="erase")
    assert entry.user == team_member and entry.reason == "Verzoek per mail van 3 maart"


def test_erasing_twice_is_refused(contact, team_member):
    from django.core.exceptions import ValidationError

    erase_person(person=contact["person"], user=team_member, reason="Verzoek")
    with pytest.raises(ValidationError):
        erase_person(person=contact["person"], user=team_member, reason="Nog eens")


def test_erasure_in_the_interface_needs_a_reason(contact, client_for, team_member):
    person = contact["person"]
    url = reverse("relations:person-erase", args=[person.pk])
    web = client_for(team_member)
    assert web.get(url).status_code == 200

    refused = web.post(url, {"reason": "  "})
    assert refused.status_code == 400
    person.refresh_from_db()
    assert person.erased_at is None

    done = web.post(url, {"reason": "Verzoek van betrokkene"})
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.erased_at is not None
    page = web.get(reverse("relations:person-detail", args=[person.pk]))
    assert LAST not in page.content.decode()
    assert reverse("relations:person-erase", args=[person.pk]) not in page.content.decode()


def test_erasure_through_the_api(contact, api_client_for, team_member, reader, partner_editor):
    person = contact["person"]
    url = f"/api/v1/people/{person.pk}/erase/"
    assert api_client_for(partner_editor).post(url, {"reason": "x"}).status_code in (403, 404)
    assert api_client_for(reader).post(url, {"reason": "x"}).status_code in (403, 404)
    missing = api_client_for(team_member).post(url, {}, format="json")
    assert missing.status_code == 400 and "reason" in missing.json()

    response = api_client_for(team_member).post(url, {"reason": "Verzoek"}, format="json")
    assert response.status_code == 200
    assert response.json()["erased_at"] and response.json()["last_name"] == ""


def test_erase_person_command(contact):
    person = contact["person"]
    call_command("erase-person", str(person.pk), "--reason", "Brief van 1 april")
    person.refresh_from_db()
    assert person.erased_at is not None
    entry = PersonalDataAccess.objects.get(person_id=person.pk, action="erase")
    assert entry.user is None and entry.reason == "Brief van 1 april"
    assert traces_left() == []


def test_an_erased_person_cannot_be_filled_in_again(
    contact, client_for, api_client_for, team_member
):
    person = contact["person"]
    erase_person(person=person, user=team_member, reason="Verzoek")
    person.refresh_from_db()
    edit = client_for(team_member).get(reverse("relations:person-update", args=[person.pk]))
    assert edit.status_code == 403
    response = api_client_for(team_member).patch(
        f"/api/v1/people/{person.pk}/",
        {"first_name": FIRST, "version": person.version},
        format="json",
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.first_name == ""
