"""Every read of a person's page or API record is one insert in the access log, which holds
the person's number only; the team reads the log, per person and overall."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisstad.relations.models import PersonalDataAccess
from kennisstad.relations.services import log_personal_data_access
from kennisstad.relations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_opening_a_person_is_logged(client_for, api_client_for, team_member):
    person = PersonFactory()
    client_for(team_member).get(reverse("relations:person-detail", args=[person.pk]))
    api_client_for(team_member).get(f"/api/v1/people/{person.pk}/")
    entries = PersonalDataAccess.objects.filter(person_id=person.pk)
    assert [(e.action, e.reason, e.user) for e in entries] == [
        ("read", "consulted", team_member),
        ("read", "consulted", team_member),
    ]


def test_logging_is_one_insert(team_member):
    with CaptureQueriesContext(connection) as queries:
        log_personal_data_access(user=team_member, person_id=7, action="read", reason="consulted")
    assert len(queries) == 1 and queries[0]["sql"].upper().startswith("INSERT")


def test_the_log_page_filters_per_person(client_for, team_member, reader, partner_editor):
    one, other = PersonFactory(), PersonFactory()
    log_personal_data_access(user=team_member, person_id=one.pk, action="export", reason="Inzage")
    log_personal_data_access(user=team_member, person_id=other.pk, action="read", reason="x")
    url = reverse("relations:personal-data-log")
    for outsider in (reader, partner_editor):
        assert client_for(outsider).get(url).status_code == 403
    page = client_for(team_member).get(url, {"person": one.pk})
    assert page.status_code == 200
    assert list(page.context["object_list"].values_list("person_id", flat=True)) == [one.pk]
    exports = client_for(team_member).get(url, {"action": "export", "user": "team-user"})
    assert [entry.reason for entry in exports.context["object_list"]] == ["Inzage"]


def test_purge_expired_erases_people_past_their_retention_date(capsys):
    expired = PersonFactory(retain_until=datetime.date(2020, 1, 1))
    current = PersonFactory(retain_until=datetime.date(2099, 1, 1))

    call_command("purge-expired", "--dry-run")
    assert f"Would erase 1 person(s): {expired.pk}" in capsys.readouterr().out
    expired.refresh_from_db()
    assert expired.erased_at is None

    call_command("purge-expired")
    assert f"Erased 1 person(s): {expired.pk}" in capsys.readouterr().out
    expired.refresh_from_db()
    current.refresh_from_db()
    assert expired.erased_at is not None and expired.email == ""
    assert current.erased_at is None
    entry = PersonalDataAccess.objects.get(person_id=expired.pk)
    assert (entry.action, entry.reason, entry.user) == ("purge", "retention period expired", None)

    call_command("purge-expired")
    assert "Erased 0 person(s)" in capsys.readouterr().out


def test_lists_api_pages_and_downloads_of_people_are_logged_too(
    client_for, api_client_for, team_member
):
    from kennisstad.relations.models import PersonalDataAccess
    from kennisstad.relations.tests.factories import PersonFactory

    people = PersonFactory.create_batch(3)
    ids = sorted(person.pk for person in people)
    client_for(team_member).get("/relations/people/")
    listed = PersonalDataAccess.objects.filter(action="read", reason="shown in a list")
    assert sorted(listed.values_list("person_id", flat=True)) == ids
    api_client_for(team_member).get("/api/v1/people/")
    assert listed.count() == 6
    response = client_for(team_member).get("/relations/people/", {"format": "csv"})
    b"".join(response.streaming_content)
    exported = PersonalDataAccess.objects.filter(action="export", reason="in a list download")
    assert sorted(exported.values_list("person_id", flat=True)) == ids
    assert set(exported.values_list("user", flat=True)) == {team_member.pk}
