"""Files and uploads for the tests of the import framework across kinds (spreadsheet, .ics)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from kennisstad.agenda.models import Activity
from kennisstad.relations.models import Organisation


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


def stored() -> dict:
    """Everything an import of either kind could write, audit trail included."""
    return {
        "organisations": sorted(Organisation.objects.values_list("name", "country", "version")),
        "organisation history": Organisation.history.count(),
        "activities": sorted(Activity.objects.values_list("uid", "title_nl", "version")),
        "activity history": Activity.history.count(),
    }
