"""A dry run, of a spreadsheet, a calendar or a budget chapter, on the upload page or on the
command line, reports exactly what the import would create and change, and writes nothing
(audit trail included)."""

import io

import pytest
from django.core.management import call_command

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.planning.tests.factories import import_seed, seed_text
from kennisstad.relations.tests.factories import OrganisationFactory

from .importing import (
    calendar,
    chapter_with_line,
    event,
    stored,
    upload_calendar,
    upload_chapter,
    upload_spreadsheet,
)

pytestmark = pytest.mark.django_db

SPREADSHEET = "Naam;Land\nHanzehogeschool;Nederland\nBestaande organisatie;Duitsland\n"
CALENDAR = calendar(event("new@partner", "Nieuw"), event("known@partner", "Gewijzigd"))


@pytest.fixture
def known():
    OrganisationFactory(name="Bestaande organisatie", country="NL")
    ActivityFactory(uid="known@partner", title_nl="Oud")


@pytest.mark.parametrize(
    ("upload", "text"), [(upload_spreadsheet, SPREADSHEET), (upload_calendar, CALENDAR)]
)
def test_a_dry_run_on_the_page_reports_the_import_and_writes_nothing(
    client_for, team_member, known, upload, text
):
    web = client_for(team_member)
    before = stored()

    dry = upload(web, text, dry_run=True).context["report"]

    assert stored() == before
    assert dry.dry_run and (len(dry.created), len(dry.changed)) == (1, 1)
    done = upload(web, text).context["report"]
    assert not done.dry_run
    assert (done.created, done.changed, done.unchanged) == (dry.created, dry.changed, [])
    assert stored() != before


def test_a_dry_run_of_either_command_writes_nothing(tmp_path, known):
    sheet, ics = tmp_path / "rijen.csv", tmp_path / "agenda.ics"
    sheet.write_text(SPREADSHEET)
    ics.write_text(CALENDAR)
    before = stored()
    out = io.StringIO()

    call_command("import-xlsx", str(sheet), "--kind", "organisations", "--dry-run", stdout=out)
    call_command("import-ics", str(ics), "--dry-run", stdout=out)

    assert stored() == before
    assert out.getvalue().count("Proefrun: er is niets opgeslagen.") == 2
    assert out.getvalue().count("1 nieuw, 1 gewijzigd, 0 ongewijzigd.") == 2


# The seed chapter with other text and another number for "Behaald 2016" (line 29).
CHANGED_CHAPTER = chapter_with_line(29, "3").replace("Groningen", "Grunn", 1)


def test_a_chapter_dry_run_reports_the_import_and_writes_nothing(client_for, team_member):
    import_seed()  # imported, not adopted: its values may still change
    web = client_for(team_member)
    before = stored()

    dry = upload_chapter(web, CHANGED_CHAPTER, dry_run=True).context["report"]

    assert stored() == before
    assert dry.dry_run and dry.counts() == {
        "created": 0,
        "changed": 3,  # the chapter's text, this document's own realisation, its table
        "unchanged": 5,  # its other values
        "conflicts": 0,
        "skipped": 0,
    }
    done = upload_chapter(web, CHANGED_CHAPTER).context["report"]
    assert not done.dry_run and done.counts() == dry.counts()
    assert (done.changed, done.conflicts) == (dry.changed, dry.conflicts)
    assert stored() != before


def test_a_chapter_dry_run_of_the_command_writes_nothing(tmp_path):
    path = tmp_path / "hoofdstuk.txt"
    path.write_text(seed_text(), encoding="utf-8")
    before = stored()
    out = io.StringIO()

    call_command("import-begroting", str(path), "--dry-run", stdout=out)

    assert stored() == before
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["Proefrun: er is niets opgeslagen.", "Begroting 2018"]
    assert lines[2].startswith("7 nieuw, 0 gewijzigd, 0 ongewijzigd. hoofdstukken: 1")
