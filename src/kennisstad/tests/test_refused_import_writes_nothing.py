"""A refused import writes nothing, whatever refused it: a wrong row, event or chapter line at
the end of the file (found while checking) or a record changed by someone else meanwhile (found
while writing). The page lists each problem with its row or line; a command names it."""

import html

import pytest
from django.core.management import CommandError, call_command

from kennisstad.agenda import ics_import
from kennisstad.agenda.models import Activity
from kennisstad.agenda.services import save_activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core.imports import ImportProblem
from kennisstad.planning.tests.factories import import_seed
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

WRONG_LAST_ROW = "Naam;Land\nHanzehogeschool;Nederland\nBestaande organisatie;Atlantis\n"
WRONG_LAST_EVENT = calendar(
    event("new@partner", "Nieuw"),
    "BEGIN:VEVENT\r\nUID:wrong@partner\r\nDTSTART:20270301T100000Z\r\n"
    "DTEND:20260301T100000Z\r\nEND:VEVENT\r\n",
)
# The stored draft chapter with other text, and its last target (line 43) unreadable.
WRONG_LAST_TARGET = chapter_with_line(43, "vijf").replace("Groningen", "Grunn", 1)


@pytest.fixture
def known():
    OrganisationFactory(name="Bestaande organisatie", country="NL")
    ActivityFactory(uid="known@partner", title_nl="Oud")
    import_seed()


@pytest.mark.parametrize(
    ("upload", "text", "where"),
    [
        (upload_spreadsheet, WRONG_LAST_ROW, {"row": 3, "line": None, "field": "Land"}),
        (upload_calendar, WRONG_LAST_EVENT, {"row": None, "line": 13, "field": None}),
        (upload_chapter, WRONG_LAST_TARGET, {"row": None, "line": 43, "field": None}),
    ],
)
def test_a_wrong_last_row_or_event_refuses_the_whole_file(
    client_for, team_member, known, upload, text, where
):
    before = stored()

    page = upload(client_for(team_member), text)

    assert stored() == before
    assert "report" not in page.context
    (problem,) = page.context["refused"].problems
    assert {name: getattr(problem, name) for name in where} == where
    assert str(problem) in html.unescape(page.content.decode())
    assert page.context["form"].errors["file"]  # the field is marked wrong too


def test_a_record_changed_while_the_file_was_read_refuses_it(monkeypatch, client_for, team_member):
    ActivityFactory(uid="known@partner", title_nl="Oud")
    plan_events = ics_import.plan_events

    def plan_then_someone_edits(*args, **kwargs):
        plan = plan_events(*args, **kwargs)
        activity = Activity.objects.get(uid="known@partner")
        activity.title_nl = "Intussen bewerkt"
        save_activity(activity=activity, user=None, expected_version=activity.version)
        return plan

    monkeypatch.setattr(ics_import, "plan_events", plan_then_someone_edits)
    text = calendar(event("new@partner", "Nieuw"), event("known@partner", "Gewijzigd"))

    page = upload_calendar(client_for(team_member), text)

    # Only the other editor's change is stored: not the file's, not its new event.
    assert stored()["activities"] == [("known@partner", "Intussen bewerkt", 2)]
    assert [problem.line for problem in page.context["refused"].problems] == [10]


def test_every_command_names_the_problem_and_writes_nothing(tmp_path, known):
    sheet, ics = tmp_path / "rijen.csv", tmp_path / "agenda.ics"
    chapter = tmp_path / "hoofdstuk.txt"
    sheet.write_text(WRONG_LAST_ROW)
    ics.write_text(WRONG_LAST_EVENT)
    chapter.write_text(WRONG_LAST_TARGET, encoding="utf-8")
    before = stored()
    with pytest.raises(CommandError, match=r"rijen\.csv, rij 3: Land: "):
        call_command("import-xlsx", str(sheet), "--kind", "organisations")
    with pytest.raises(CommandError, match=r"agenda\.ics, regel 13: DTEND "):
        call_command("import-ics", str(ics))
    with pytest.raises(
        CommandError, match=r"hoofdstuk\.txt, regel 43: de cel “vijf” voor “Beoogd 2018”"
    ):
        call_command("import-begroting", str(chapter))
    assert stored() == before


def test_a_refusal_is_one_kind_of_exception_for_every_importer():
    from kennisstad.agenda.ics_parse import IcsFormatError
    from kennisstad.core.imports import ImportRefused
    from kennisstad.core.spreadsheets import SpreadsheetError
    from kennisstad.planning.chapter_text_parts import ChapterFormatError

    for refusal in (
        IcsFormatError(3, "x"),
        SpreadsheetError("y", line=2),
        ChapterFormatError(4, "z"),
    ):
        assert isinstance(refusal, ImportRefused)
        assert isinstance(refusal.problems[0], ImportProblem)
