"""Importing organisations and people from a spreadsheet: all rows or none, every error with
its row number."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from kennisstad.core.spreadsheets import ImportRefused
from kennisstad.relations.models import Organisation, Person
from kennisstad.relations.tests.factories import OrganisationFactory
from kennisstad.workspace.imports import import_file

pytestmark = pytest.mark.django_db


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


PEOPLE_HEADER = [
    "Voornaam",
    "Achternaam",
    "E-mail",
    "Organisatie",
    "Grondslag",
    "Justification of legitimate interest",
]
JUSTIFICATION = "Sponsor van de receptie: geen taak van de gemeente."


def people_rows(bad_email="m.devries@rug.nl"):
    return [
        PEOPLE_HEADER,
        [
            "Anneke",
            "Jansen",
            "a.jansen@rug.nl",
            "Rijksuniversiteit Groningen",
            "Publieke taak",
            "",
        ],
        ["Pieter", "Bakker", "p.bakker@hanze.nl", "", "Gerechtvaardigd belang", JUSTIFICATION],
        ["Maria", "de Vries", bad_email, "Rijksuniversiteit Groningen", "consent", ""],
    ]


@pytest.fixture
def rug():
    return OrganisationFactory(name="Rijksuniversiteit Groningen")


def test_a_bad_row_is_refused_with_its_row_number_and_nothing_is_imported(team_member):
    rows = [
        ["Naam", "Land", "Plaats", "E-mail"],
        ["Hanzehogeschool Groningen", "NL", "Groningen", ""],
        ["Universität Bremen", "Duitsland", "Bremen", ""],
        ["Stadt Utopia", "Atlantis", "Utopia", ""],
    ]
    with pytest.raises(ImportRefused) as refused:
        import_file(data=xlsx(rows), filename="o.xlsx", kind="organisations", user=team_member)
    assert refused.value.lines() == ["rij 4: Land: onbekend land “Atlantis”"]
    assert not Organisation.objects.exists()

    rows[3][1] = "Germany"
    report = import_file(data=xlsx(rows), filename="o.xlsx", kind="organisations", user=team_member)
    assert len(report.created) == 3
    assert Organisation.objects.get(name="Stadt Utopia").country == "DE"
    assert Organisation.objects.get(name="Universität Bremen").kind == "other"
    assert any(problem.field == "E-mail" for problem in report.skipped)  # unknown column, ignored


def test_an_invalid_email_names_the_row_and_the_column(team_member, rug):
    data = xlsx(people_rows(bad_email="maria at rug"))
    with pytest.raises(ImportRefused) as refused:
        import_file(data=data, filename="p.xlsx", kind="people", user=team_member)
    assert refused.value.lines() == ["rij 4: E-mail: Voer een geldig e-mailadres in."]
    assert not Person.objects.exists()

    report = import_file(
        data=xlsx(people_rows()), filename="p.xlsx", kind="people", user=team_member
    )
    assert len(report.created) == 3
    jansen = Person.objects.get(last_name="Jansen")
    assert list(jansen.organisations.all()) == [rug]
    assert jansen.lawful_basis == "public_task"
    bakker = Person.objects.get(last_name="Bakker")
    assert (bakker.lawful_basis, bakker.lawful_basis_justification) == (
        "legitimate_interest",
        JUSTIFICATION,
    )


def test_every_bad_row_is_reported_at_once(team_member, rug):
    rows = people_rows(bad_email="fout")
    rows[1][3] = "Onbekende Universiteit"
    rows[2][5] = ""  # legitimate interest without its justification
    with pytest.raises(ImportRefused) as refused:
        import_file(data=xlsx(rows), filename="p.xlsx", kind="people", user=team_member)
    lines = refused.value.lines()
    assert lines[0] == "rij 2: Organisatie: onbekende organisatie “Onbekende Universiteit”"
    assert lines[1].startswith("rij 3: Grondslag: ")
    assert lines[2] == "rij 4: E-mail: Voer een geldig e-mailadres in."
    assert len(lines) == 3


def test_english_headers_and_csv_are_accepted(team_member):
    data = "Name;Country;City\nCity of Ningbo;China;Ningbo\nTUM;de;München\n".encode()
    report = import_file(data=data, filename="o.csv", kind="organisations", user=team_member)
    assert len(report.created) == 2
    assert set(Organisation.objects.values_list("country", flat=True)) == {"CN", "DE"}


def test_a_missing_required_column_is_an_error(team_member):
    with pytest.raises(ImportRefused) as refused:
        import_file(
            data=b"Naam;Plaats\nX;Y\n", filename="o.csv", kind="organisations", user=team_member
        )
    assert refused.value.lines() == ["Verplichte kolom ontbreekt: Land."]


def test_a_dry_run_reports_but_writes_nothing(team_member, rug):
    report = import_file(
        data=xlsx(people_rows()), filename="p.xlsx", kind="people", user=team_member, dry_run=True
    )
    assert report.dry_run and len(report.created) == 3
    assert not Person.objects.exists()


def test_importing_again_updates_and_recognises_unchanged_rows(team_member, rug):
    import_file(data=xlsx(people_rows()), filename="p.xlsx", kind="people", user=team_member)
    rows = people_rows()
    rows[2][1] = "Bakker-Smit"  # found again by e-mail address
    report = import_file(data=xlsx(rows), filename="p.xlsx", kind="people", user=team_member)
    assert (len(report.created), len(report.changed), len(report.unchanged)) == (0, 1, 2)
    assert Person.objects.get(email="p.bakker@hanze.nl").last_name == "Bakker-Smit"
    assert Person.objects.count() == 3


def test_the_command_imports_and_refuses(tmp_path, rug):
    good = tmp_path / "mensen.xlsx"
    good.write_bytes(xlsx(people_rows()))
    bad = tmp_path / "fout.xlsx"
    bad.write_bytes(xlsx(people_rows(bad_email="x")))
    out, err = io.StringIO(), io.StringIO()
    call_command("import-xlsx", str(good), "--kind", "people", "--dry-run", stdout=out)
    assert "3 nieuw" in out.getvalue() or "3 aangemaakt" in out.getvalue()
    assert not Person.objects.exists()
    with pytest.raises(CommandError, match=r"fout\.xlsx, rij 4: E-mail"):
        call_command("import-xlsx", str(bad), "--kind", "people", stdout=out, stderr=err)
    call_command("import-xlsx", str(good), "--kind", "people", stdout=out)
    assert Person.objects.count() == 3


def test_the_upload_form_refuses_a_bad_file_and_imports_the_fixed_one(client_for, team_member, rug):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(team_member)

    def upload(rows, dry_run=False):
        data = {"kind": "people", "file": SimpleUploadedFile("mensen.xlsx", xlsx(rows))}
        if dry_run:
            data["dry_run"] = "on"
        return client.post("/dashboard/import/", data).content.decode()

    html = upload(people_rows(bad_email="fout"))
    assert "rij 4: E-mail: Voer een geldig e-mailadres in." in html
    assert not Person.objects.exists()
    html = upload(people_rows(), dry_run=True)
    assert "Proefrun" in html and not Person.objects.exists()
    upload(people_rows())
    assert Person.objects.count() == 3
