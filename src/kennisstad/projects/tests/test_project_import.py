"""Projects import from a spreadsheet with Dutch headers, names for category, themes and lead
organisation, and Dutch yes/no and amounts."""

import pytest

from kennisstad.core.spreadsheets import ImportRefused
from kennisstad.projects.models import Project
from kennisstad.relations.tests.factories import OrganisationFactory
from kennisstad.workspace.imports import import_file

pytestmark = pytest.mark.django_db

HEADER = (
    "Titel (Nederlands);Categorie;Status;Begindatum;Einddatum;Penvoerder;Budget (EUR);"
    "Openbaar;Thema's;Landen"
)


def test_projects_import_and_a_bad_row_is_named(team_member):
    OrganisationFactory(name="Hanzehogeschool Groningen")
    rows = [
        HEADER,
        "Smart Users City;profilering-kennisstad;Actief;2018-01-01;31-12-2019;"
        'Hanzehogeschool Groningen;1.250,50;ja;Energie;"NL; DE"',
        "Welkomstbeleid 2.0;welkomstbeleid;planned;2019-01-01;2018-01-01;;;nee;;",
    ]
    data = "\n".join(rows).encode()
    with pytest.raises(ImportRefused) as refused:
        import_file(data=data, filename="p.csv", kind="projects", user=team_member)
    assert refused.value.lines() == ["rij 3: Einddatum: De einddatum ligt vóór de begindatum."]
    assert not Project.objects.exists()

    rows[2] = rows[2].replace("2018-01-01", "2020-12-31")
    report = import_file(
        data="\n".join(rows).encode(), filename="p.csv", kind="projects", user=team_member
    )
    assert len(report.created) == 2
    smart = Project.objects.get(title_nl="Smart Users City")
    assert smart.is_public and smart.status == "active" and str(smart.budget) == "1250.50"
    assert smart.lead_organisation.name == "Hanzehogeschool Groningen"
    assert [theme.slug for theme in smart.themes.all()] == ["energie"]
