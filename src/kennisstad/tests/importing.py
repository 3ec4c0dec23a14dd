"""Files and uploads for the tests of the import framework across kinds (spreadsheet, .ics,
budget chapter)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from kennisstad.agenda.models import Activity
from kennisstad.indicators.models import Indicator, Realisation, Target
from kennisstad.planning.models import Action, Chapter, ChapterIndicator, Section
from kennisstad.planning.tests.factories import seed_text
from kennisstad.policy.models import Document, PolicyArea
from kennisstad.relations.models import Organisation

# Everything a chapter import writes; all but the chapter's indicator links keep a history.
CHAPTER_MODELS = (PolicyArea, Document, Chapter, Section, Action, Indicator, Target, Realisation)


def event(uid: str, title: str, day: int = 1) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART;TZID=Europe/Amsterdam:202703{day:02d}T100000\r\n"
        f"DTEND;TZID=Europe/Amsterdam:202703{day:02d}T120000\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"
    )


def calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//A//NL\r\n"
        + "".join(events)
        + ("END:VCALENDAR\r\n")
    )


def upload_spreadsheet(client, text: str, *, dry_run: bool = False, kind="organisations"):
    data = {"kind": kind, "file": SimpleUploadedFile("rijen.csv", text.encode())}
    if dry_run:
        data["dry_run"] = "on"
    return client.post("/dashboard/import/", data)


def upload_calendar(client, text: str, *, dry_run: bool = False):
    data = {"file": SimpleUploadedFile("agenda.ics", text.encode()), "visibility": "partners"}
    if dry_run:
        data["dry_run"] = "on"
    return client.post("/agenda/import/", data)


def upload_chapter(client, text: str, *, dry_run: bool = False):
    data = {"file": SimpleUploadedFile("hoofdstuk.txt", text.encode())}
    if dry_run:
        data["dry_run"] = "on"
    return client.post("/begroting/import/", data)


def chapter_with_line(number: int, new: str) -> str:
    """The seed chapter (Begroting 2018, 2.1.4) with one line replaced (1-based)."""
    lines = seed_text().split("\n")
    lines[number - 1] = new
    return "\n".join(lines)


def stored() -> dict:
    """Everything an import of any kind could write, audit trail included."""
    chapters = {
        model.__name__: list(model.objects.order_by("pk").values()) for model in CHAPTER_MODELS
    }
    return {
        "organisations": sorted(Organisation.objects.values_list("name", "country", "version")),
        "organisation history": Organisation.history.count(),
        "activities": sorted(Activity.objects.values_list("uid", "title_nl", "version")),
        "activity history": Activity.history.count(),
        **chapters,
        "chapter indicators": list(ChapterIndicator.objects.order_by("pk").values()),
        "chapter history": sum(model.history.count() for model in CHAPTER_MODELS),
    }
