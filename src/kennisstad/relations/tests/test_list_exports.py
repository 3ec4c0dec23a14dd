"""Every list downloads as .xlsx and .csv: the whole filtered list, only what the user may see,
and an organisations or people export imports again unchanged."""

import csv
import io

import pytest
from openpyxl import load_workbook

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.models import Organisation, Person
from kennisstad.relations.tests.factories import OrganisationFactory, PersonFactory
from kennisstad.workspace.imports import import_file

pytestmark = pytest.mark.django_db


def sheet_rows(response) -> list[list]:
    data = b"".join(response.streaming_content)
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def csv_rows(response) -> list[list]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_organisation_list_exports_every_page_of_the_filtered_list(client_for, team_member):
    for n in range(60):
        OrganisationFactory(name=f"Bedrijf {n:02d}", kind="company", country="DE")
    OrganisationFactory(name="Gemeente Emden", kind="government_foreign", country="DE")
    client = client_for(team_member)
    page = client.get("/relations/organisations/?kind=company").content.decode()
    assert "?kind=company&amp;format=xlsx" in page

    response = client.get("/relations/organisations/", {"kind": "company", "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = sheet_rows(response)
    assert rows[0][:5] == ["ID", "Naam", "Afkorting", "Soort", "Land"]
    assert len(rows) == 61  # header + 60, not the 50 of one page
    assert {row[1] for row in rows[1:]} == {f"Bedrijf {n:02d}" for n in range(60)}

    rows = csv_rows(client.get("/relations/organisations/", {"q": "Emden", "format": "csv"}))
    assert rows[0][1] == "Naam"
    assert [row[1] for row in rows[1:]] == ["Gemeente Emden"]


def test_exports_respect_access(client_for, partner_editor, partner_organisation, reader):
    OrganisationFactory(name="Iemand anders")
    PersonFactory()
    assert client_for(partner_editor).get("/relations/organisations/?format=csv").status_code == 403
    assert client_for(reader).get("/relations/people/?format=csv").status_code == 403
    assert client_for(partner_editor).get("/relations/people/?format=xlsx").status_code == 403
    ProjectFactory(title_nl="Openbaar project", is_public=True)
    ProjectFactory(title_nl="Intern project")
    rows = csv_rows(client_for(partner_editor).get("/projects/?format=csv"))
    assert [row[1] for row in rows[1:]] == ["Openbaar project"]


def test_activities_export_with_their_times(client_for, team_member):
    ActivityFactory(title_nl="Energiecongres", city="Hamburg")
    rows = sheet_rows(client_for(team_member).get("/agenda/", {"all": "1", "format": "xlsx"}))
    assert rows[0][1] == "Titel (Nederlands)"
    assert rows[1][1] == "Energiecongres"
    assert rows[1][4].hour == 9  # local time, as the calendar shows it


def test_a_formula_in_a_name_stays_text(client_for, team_member):
    OrganisationFactory(name='=HYPERLINK("http://evil")')
    rows = csv_rows(client_for(team_member).get("/relations/organisations/?format=csv"))
    assert rows[1][1].startswith("'=")
    rows = sheet_rows(client_for(team_member).get("/relations/organisations/?format=xlsx"))
    assert rows[1][1] == '=HYPERLINK("http://evil")'


def test_a_formula_behind_a_plus_stays_text_and_a_phone_number_stays_a_number(
    client_for, team_member
):
    PersonFactory(last_name="+1+HYPERLINK(1)", phone="+31 50 367 1234")
    rows = csv_rows(client_for(team_member).get("/relations/people/?format=csv"))
    assert any(cell == "'+1+HYPERLINK(1)" for cell in rows[1])
    assert any(cell == "+31 50 367 1234" for cell in rows[1])


def test_organisations_and_people_exports_import_again(client_for, team_member):
    groningen = OrganisationFactory(name="Rijksuniversiteit Groningen", abbreviation="RUG")
    bremen = OrganisationFactory(
        name="Universität Bremen", country="DE", city="Bremen", kind="knowledge"
    )
    person = PersonFactory(first_name="Jürgen", last_name="Müller", phone="+49 421 123")
    person.organisations.set([groningen, bremen])
    PersonFactory(first_name="Anneke", last_name="Jansen")
    client = client_for(team_member)
    organisations = b"".join(client.get("/relations/organisations/?format=xlsx").streaming_content)
    people = b"".join(client.get("/relations/people/?format=xlsx").streaming_content)

    # unchanged records are recognised as unchanged
    report = import_file(
        data=organisations, filename="o.xlsx", kind="organisations", user=team_member
    )
    assert (len(report.created), len(report.changed), len(report.unchanged)) == (0, 0, 2)
    report = import_file(data=people, filename="p.xlsx", kind="people", user=team_member)
    assert (len(report.created), len(report.changed), len(report.unchanged)) == (0, 0, 2)
    assert not report.skipped

    # and into an empty registry they come back as they were
    before = {
        p.email: (
            p.first_name,
            p.last_name,
            p.phone,
            p.lawful_basis,
            p.lawful_basis_justification,  # retain_until is derived from the last contact
            sorted(o.name for o in p.organisations.all()),
        )
        for p in Person.objects.all()
    }
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    import_file(data=organisations, filename="o.xlsx", kind="organisations", user=team_member)
    import_file(data=people, filename="p.xlsx", kind="people", user=team_member)
    assert Organisation.objects.get(name="Universität Bremen").country == "DE"
    after = {
        p.email: (
            p.first_name,
            p.last_name,
            p.phone,
            p.lawful_basis,
            p.lawful_basis_justification,
            sorted(o.name for o in p.organisations.all()),
        )
        for p in Person.objects.all()
    }
    assert after == before


def test_contact_moments_and_delegations_download_too(client_for, team_member, reader):
    from kennisstad.delegations.tests.factories import DelegationFactory
    from kennisstad.relations.tests.factories import InteractionFactory

    InteractionFactory(subject="Gesprek met de Hanze")
    rows = csv_rows(client_for(team_member).get("/relations/contacts/?format=csv"))
    assert "Gesprek met de Hanze" in rows[1]
    DelegationFactory(activity__title_nl="Bezoek uit Tianjin")
    rows = sheet_rows(client_for(reader).get("/delegations/?format=xlsx"))
    assert rows[1][1] == "Bezoek uit Tianjin"
