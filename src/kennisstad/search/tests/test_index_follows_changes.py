"""The index follows every save and delete, and bulk imports of the calendar."""

import pytest
from django.core.management import call_command

from kennisstad.relations.models import Organisation
from kennisstad.relations.services import save_organisation
from kennisstad.relations.tests.factories import OrganisationFactory
from kennisstad.search.models import SearchEntry
from kennisstad.search.selectors import matching_ids

pytestmark = pytest.mark.django_db


def organisations_found(user, query):
    return matching_ids(user=user, query=query)["organisation"]


def test_a_renamed_organisation_is_found_under_its_new_name(team_member):
    organisation = OrganisationFactory(name="Oude Naam")
    organisation.name = "Nieuwe Naam"
    save_organisation(organisation=organisation, user=team_member, expected_version=1)
    assert organisations_found(team_member, "nieuwe") == {organisation.pk}
    assert organisations_found(team_member, "oude") == set()


def test_a_deleted_record_leaves_the_index(team_member):
    organisation = OrganisationFactory(name="Vergankelijk")
    pk = organisation.pk
    organisation.delete()
    assert not SearchEntry.objects.filter(kind="organisation", object_id=pk).exists()


def test_bulk_inserted_records_are_found_after_a_rebuild(team_member):
    Organisation.objects.bulk_create(
        [Organisation(name="Bulkbedrijf", kind="company", country="NL")]
    )
    assert organisations_found(team_member, "bulkbedrijf") == set()
    call_command("rebuild-search-index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(organisations_found(team_member, "bulkbedrijf")) == 1


def test_activities_imported_from_a_calendar_file_are_found(
    team_member, django_capture_on_commit_callbacks
):
    from kennisstad.agenda.ics_import import import_events, parse_ics

    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:zoek-1@example.org\r\nDTSTAMP:20261101T090000Z\r\n"
        "DTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\n"
        "SUMMARY:Kwartiermakersoverleg\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with django_capture_on_commit_callbacks() as indexing:
        import_events(parse_ics(ics), user=team_member)
    # Indexed after the import commits, outside its write lock.
    assert matching_ids(user=team_member, query="kwartiermakers")["activity"] == set()
    for callback in indexing:
        callback()
    assert len(matching_ids(user=team_member, query="kwartiermakers")["activity"]) == 1
