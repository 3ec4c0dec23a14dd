"""Every real import, of any kind and from anywhere (upload page, command, partner calendar), is
one log event ``import.<kind>`` with its actor, counts and ids; never a name or an address from
the file. A dry run and a refused file are not imports: no event."""

import io
import logging

import pytest
from django.core.management import call_command

from kennisstad.agenda.ics_import import sync_subscription
from kennisstad.agenda.tests.factories import CalendarSubscriptionFactory
from kennisstad.core import events as events_module
from kennisstad.planning.tests.factories import seed_text

from .importing import calendar, event, upload_calendar, upload_chapter, upload_spreadsheet

pytestmark = pytest.mark.django_db

SPREADSHEET = "Naam;Land;Website\nHanzehogeschool;Nederland;https://hanze.nl\n"
CALENDAR = calendar(event("geheim@partner", "Vertrouwelijk overleg"))
COUNTS = {"created": 1, "changed": 0, "unchanged": 0, "conflicts": 0, "skipped": 0}


@pytest.fixture
def events(caplog, monkeypatch):
    """The import events written. Each import here commits at once, like a request outside the
    test's transaction would (when they are written is ``test_import_transaction``'s subject)."""
    caplog.set_level(logging.INFO, logger="kennisstad.events")
    monkeypatch.setattr(events_module.transaction, "on_commit", lambda callback, **_: callback())

    def logged() -> list[dict]:
        return [
            record.event_fields
            for record in caplog.records
            if getattr(record, "event", "").startswith("import.")
        ]

    return logged


def test_an_uploaded_spreadsheet_and_calendar_are_logged(client_for, team_member, events):
    web = client_for(team_member)
    upload_spreadsheet(web, SPREADSHEET, dry_run=True)
    upload_calendar(web, CALENDAR, dry_run=True)
    upload_spreadsheet(web, "Naam;Land\nX;Atlantis\n")  # refused
    assert events() == []

    upload_spreadsheet(web, SPREADSHEET)
    upload_calendar(web, CALENDAR)

    actor = f"user:{team_member.pk}"
    assert events() == [
        {"event": "import.spreadsheet", "actor": actor, **COUNTS, "kind": "organisations"},
        {"event": "import.ics", "actor": actor, **COUNTS, "source": "upload", "organiser": None},
    ]


def test_the_commands_and_a_partner_calendar_are_logged(tmp_path, events, partner_organisation):
    sheet, ics = tmp_path / "rijen.csv", tmp_path / "agenda.ics"
    sheet.write_text(SPREADSHEET)
    ics.write_text(calendar(event("a@partner", "Gastcollege")))
    feed = CalendarSubscriptionFactory(organisation=partner_organisation)

    out = io.StringIO()
    call_command("import-xlsx", str(sheet), "--kind", "organisations", stdout=out)
    call_command("import-ics", str(ics), "--organiser", str(partner_organisation.pk), stdout=out)
    sync_subscription(feed, fetch=lambda url: CALENDAR)

    assert events() == [
        {"event": "import.spreadsheet", "actor": "system", **COUNTS, "kind": "organisations"},
        {
            "event": "import.ics",
            "actor": "system",
            **COUNTS,
            "source": "command",
            "organiser": partner_organisation.pk,
        },
        {
            "event": "import.ics",
            "actor": "system",
            **COUNTS,
            "source": "feed",
            "subscription": feed.pk,
        },
    ]
    assert "geheim" not in str(events()) and "hanze" not in str(events()).lower()


def test_a_chapter_is_logged_from_the_page_and_the_command(
    client_for, team_member, events, tmp_path
):
    web = client_for(team_member)
    upload_chapter(web, seed_text(), dry_run=True)
    upload_chapter(web, "Notulen van het overleg\n")  # refused
    assert events() == []

    upload_chapter(web, seed_text())
    path = tmp_path / "hoofdstuk.txt"
    path.write_text(seed_text(), encoding="utf-8")
    call_command("import-begroting", str(path), stdout=io.StringIO())  # the same again

    document = {"kind": "begroting", "year": 2018, "atomic": False, "refusals": 0}
    tables = {"chapters": 1, "indicators": 2, "values": 6}
    first = {**COUNTS, "created": 7}  # policy areas, document, chapter, indicators
    again = {**COUNTS, "created": 0, "unchanged": 7}  # the text and the table's six values
    assert events() == [
        {
            "event": "import.document",
            "actor": f"user:{team_member.pk}",
            **document,
            **tables,
            **first,
        },
        {"event": "import.document", "actor": "system", **document, **tables, **again},
    ]
