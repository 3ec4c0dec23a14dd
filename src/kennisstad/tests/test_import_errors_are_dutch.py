"""What an import shows is in the interface's language (Dutch by default), for a spreadsheet,
a calendar and a budget chapter alike: a refused row or line with its location and reason, the
report of a dry run or an import (counts, skipped columns, conflicts), and a command's output.
No English."""

import html
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from kennisstad.agenda.ics_import import import_events, parse_ics
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.planning.tests.factories import import_seed, seed_text
from kennisstad.relations.tests.factories import OrganisationFactory

from .importing import (
    calendar,
    chapter_with_line,
    event,
    upload_calendar,
    upload_chapter,
    upload_spreadsheet,
)

pytestmark = pytest.mark.django_db

# What the English messages of an import say; none may show in the Dutch interface.
ENGLISH = re.compile(
    r"\b(row|line|column|created|updated|unchanged|changed|ignored|conflicts?|problems?|"
    r"nothing was|dry run|not changed|try again|unknown|is not)\b",
    re.IGNORECASE,
)


def shown(response) -> str:
    """The text of the page's import report or refusal (the form's own labels left out)."""
    page = html.unescape(response.content.decode())
    sections = re.findall(r'<section class="utrecht-alert.*?</section>', page, re.DOTALL)
    return re.sub(r"<[^>]+>", " ", " ".join(sections))


@pytest.mark.parametrize(
    ("kind", "csv", "dutch"),
    [
        ("organisations", "Naam;Land\nX;Narnia\n", "rij 2: Land: onbekend land “Narnia”"),
        ("organisations", "Naam;Land\n;NL\n", "rij 2: Naam: Dit veld kan niet leeg zijn"),
        (
            "people",
            "Voornaam;Achternaam;Grondslag\nA;B;Onbekend\n",
            "rij 2: Grondslag: “Onbekend” is niet een van",
        ),
        (
            "projects",
            "Titel (Nederlands);Categorie\nP;Onbekend\n",
            "rij 2: Categorie: onbekende categorie “Onbekend”",
        ),
        ("organisations", "Naam;Land\nX;NL\nx;NL\n", "rij 3: hetzelfde gegeven als rij 2"),
        ("organisations", " \n", "Het bestand is leeg."),
    ],
)
def test_a_bad_row_is_explained_in_dutch(client_for, team_member, kind, csv, dutch):
    response = upload_spreadsheet(client_for(team_member), csv, dry_run=True, kind=kind)
    assert response.status_code == 200
    text = shown(response)
    assert dutch in text and "er is niets geïmporteerd" in text
    assert not ENGLISH.search(text), text


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("Dit is geen agenda\r\n", "regel 1: geen iCalendar-regel (NAAM:waarde)"),
        (
            calendar("BEGIN:VEVENT\r\nUID:a@b\r\nEND:VEVENT\r\n"),
            "regel 4: de afspraak a@b heeft geen DTSTART",
        ),
        (
            calendar(event("a@b", "X").replace("DTEND;TZID=Europe/Amsterdam:2027", "DTEND:2026")),
            "regel 7: DTEND van de afspraak a@b: ",
        ),
    ],
)
def test_a_bad_calendar_line_is_explained_in_dutch(client_for, team_member, text, dutch):
    response = upload_calendar(client_for(team_member), text, dry_run=True)
    assert response.status_code == 200
    shown_text = shown(response)
    assert dutch in shown_text and "er is niets geïmporteerd" in shown_text
    assert not ENGLISH.search(shown_text.replace("iCalendar-regel", "")), shown_text


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        (
            "Begroting 1800\n\nNotulen van het overleg\n",
            "regel 1: het jaar 1800 ligt niet tussen 1900 en 2999",
        ),
        (
            chapter_with_line(43, "> vijf"),
            "regel 43: de cel “> vijf” voor “Beoogd 2018” van “Aantal profileringsprojecten "
            "Groningen kennisstad” is niet te lezen",
        ),
        (
            chapter_with_line(33, ""),
            "regel 35: de rij “Aantal samenwerkingsprojecten op gebied van Kennis/innovatie” "
            "(regel 25) heeft 3 van de 4 cellen: de cel voor “Beoogd 2018” ontbreekt",
        ),
    ],
)
def test_a_bad_chapter_line_is_explained_in_dutch(client_for, team_member, text, dutch):
    response = upload_chapter(client_for(team_member), text, dry_run=True)
    assert response.status_code == 200
    shown_text = shown(response)
    assert dutch in shown_text and "1 probleem: er is niets geïmporteerd" in shown_text
    assert not ENGLISH.search(shown_text), shown_text


def test_a_chapter_report_is_in_dutch(client_for, team_member):
    """Needs the translations in pending-chapterimport.po (the conflict's message)."""
    import_seed()
    changed = chapter_with_line(29, "3").replace("Groningen", "Grunn", 1)

    text = shown(upload_chapter(client_for(team_member), changed, dry_run=True))

    assert "Proefrun: er is niets opgeslagen" in text
    assert "0 nieuw, 3 gewijzigd, 5 ongewijzigd." in text  # text, value and table changed
    assert "Behaald 2016" in text and ": 2 → 3" in text  # this document's own value, updated
    assert not ENGLISH.search(text), text


def test_the_reports_of_both_kinds_are_in_dutch(client_for, team_member, partner_editor):
    OrganisationFactory(name="Bestaande organisatie", country="NL")
    ActivityFactory(uid="team@kennisstad", title_nl="Van het team")
    web = client_for(team_member)

    sheet = shown(
        upload_spreadsheet(
            web, "Naam;Land;Fax\nNieuw;NL;1\nBestaande organisatie;DE;2\n", dry_run=True
        )
    )
    ics = shown(upload_calendar(web, calendar(event("new@partner", "Nieuw")), dry_run=True))

    assert "Proefrun: er is niets opgeslagen" in sheet and "Proefrun" in ics
    assert "1 nieuw, 1 gewijzigd, 0 ongewijzigd." in sheet
    assert "1 nieuw, 0 gewijzigd, 0 ongewijzigd." in ics
    assert "Fax: onbekende kolom, genegeerd" in sheet
    for text in (sheet, ics):
        assert not ENGLISH.search(text), text
    with translation.override("nl"):
        report = import_events(
            parse_ics(calendar(event("team@kennisstad", "Overgenomen"))),
            user=partner_editor,
            organiser=partner_editor.organisation,
            dry_run=True,
        )
        lines = "\n".join(report.lines())
    assert "regel 4: team@kennisstad Overgenomen: niet gewijzigd" in lines
    assert "1 conflict: de opgeslagen waarden zijn behouden." in lines
    assert not ENGLISH.search(lines.replace("1 conflict:", "")), lines


def test_the_commands_speak_dutch(tmp_path):
    sheet, ics = tmp_path / "rijen.csv", tmp_path / "agenda.ics"
    chapter = tmp_path / "hoofdstuk.txt"
    sheet.write_text("Naam;Land\nX;Narnia\n")
    ics.write_text("Dit is geen agenda\r\n")
    chapter.write_text(chapter_with_line(43, "> vijf"), encoding="utf-8")
    with pytest.raises(CommandError) as refused_sheet:
        call_command("import-xlsx", str(sheet), "--kind", "organisations")
    with pytest.raises(CommandError) as refused_ics:
        call_command("import-ics", str(ics))
    with pytest.raises(CommandError) as refused_chapter:
        call_command("import-begroting", str(chapter))
    assert ", regel 43: de cel “> vijf” voor “Beoogd 2018”" in str(refused_chapter.value)
    for refused in (refused_sheet, refused_ics, refused_chapter):
        message = str(refused.value).split(", ", 1)[1]  # after the file's path
        assert "1 probleem: er is niets geïmporteerd." in message
        assert not ENGLISH.search(message.replace("iCalendar-regel", "")), message
    out = io.StringIO()
    sheet.write_text("Naam;Land\nX;NL\n")
    call_command("import-xlsx", str(sheet), "--kind", "organisations", "--dry-run", stdout=out)
    assert out.getvalue().splitlines()[:2] == [
        "Proefrun: er is niets opgeslagen.",
        "1 nieuw, 0 gewijzigd, 0 ongewijzigd.",
    ]

    chapter.write_text(seed_text(), encoding="utf-8")
    out = io.StringIO()
    call_command("import-begroting", str(chapter), "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Proefrun: er is niets opgeslagen."
    assert "+ hoofdstuk 2.1.4 in Begroting 2018" in lines
    assert not ENGLISH.search(out.getvalue()), out.getvalue()
