"""Partner calendars are bundled: sync-feeds pulls each registered .ics address (served here by
a local HTTP server), upserts by UID, cancels what disappeared, records time and error, and one
failing calendar does not stop the others."""

import http.server
import threading

import pytest
from django.core.management import CommandError, call_command

from kennisstad.agenda.models import Activity, CalendarSubscription
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

RUG_V1 = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RUG//NL\r\n"
    "BEGIN:VEVENT\r\nUID:rug-1@rug.nl\r\nDTSTART;TZID=Europe/Amsterdam:20270301T100000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270301T120000\r\nSUMMARY:Gastcollege\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:rug-2@rug.nl\r\nDTSTART;VALUE=DATE:20270410\r\nDTEND;VALUE=DATE:20270412\r\n"
    "SUMMARY:Open dagen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
RUG_V2 = (
    RUG_V1.replace("SUMMARY:Gastcollege", "SUMMARY:Gastcollege Energie").split(
        "BEGIN:VEVENT\r\nUID:rug-2"
    )[0]
    + "END:VCALENDAR\r\n"
)


@pytest.fixture
def server():
    files = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = files.get(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield files, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_sync_upserts_cancels_and_survives_a_failing_calendar(server, settings):
    files, base = server
    settings.FETCH_PRIVATE_HOSTS = ["127.0.0.1"]  # the test server; refused by default
    rug = OrganisationFactory(name="Rijksuniversiteit Groningen")
    hanze = OrganisationFactory(name="Hanzehogeschool")
    files["/rug.ics"] = RUG_V1
    good = CalendarSubscription.objects.create(organisation=rug, url=f"{base}/rug.ics")
    broken = CalendarSubscription.objects.create(organisation=hanze, url=f"{base}/missing.ics")

    with pytest.raises(CommandError, match="1 calendar"):
        call_command("sync-feeds")
    assert Activity.objects.filter(subscription=good).count() == 2
    lecture = Activity.objects.get(uid="rug-1@rug.nl")
    assert lecture.organiser_organisation == rug and lecture.visibility == "partners"
    broken.refresh_from_db()
    good.refresh_from_db()
    assert "404" in broken.last_error and broken.last_synced_at is not None
    assert good.last_error == "" and good.last_synced_at is not None

    files["/rug.ics"] = RUG_V2
    broken.active = False
    broken.save()
    call_command("sync-feeds")
    lecture.refresh_from_db()
    assert lecture.title_nl == "Gastcollege Energie" and lecture.sequence == 1
    gone = Activity.objects.get(uid="rug-2@rug.nl")
    assert gone.status == "cancelled"  # kept, so subscribers' calendars remove it
    assert Activity.objects.count() == 2
