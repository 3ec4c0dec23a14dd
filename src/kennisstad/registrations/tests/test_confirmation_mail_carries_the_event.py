"""The confirmation mail is in the registrant's language, carries the activity as an .ics file
that both icalendar and Mozilla's ical.js read, and holds the personal link."""

import json
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest
from django.core import mail

from kennisstad.registrations.services import register

from .factories import RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[4]


@pytest.fixture
def outcome(django_capture_on_commit_callbacks):
    activity = public_activity(
        title_nl="Welkomstreceptie IWCN", title_en="IWCN welcome reception", city="Groningen"
    )
    RegistrationSettingsFactory(activity=activity)
    with django_capture_on_commit_callbacks(execute=True):
        result = register(
            activity=activity,
            name="Ada Lovelace",
            email=" Ada@Example.ORG ",
            consent=True,
            language="en",
        )
    return result


def attachment(message) -> bytes:
    ((name, content, mimetype),) = message.attachments
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    return content.encode() if isinstance(content, str) else content


def test_the_mail_is_in_english_with_the_personal_link(outcome):
    (message,) = mail.outbox
    assert message.to == ["ada@example.org"]
    assert "IWCN welcome reception" in message.subject and "confirmed" in message.subject
    assert "/registrations/manage/" in message.body
    assert "Dear Ada Lovelace" in message.body


def test_icalendar_reads_the_attachment(outcome):
    calendar = icalendar.Calendar.from_ical(attachment(mail.outbox[0]))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "IWCN welcome reception"
    assert str(event["UID"]) == outcome.registration.activity.uid
    starts_at = outcome.registration.activity.starts_at.replace(microsecond=0)
    assert event.decoded("DTSTART") == starts_at


def test_ical_js_reads_the_attachment(outcome, tmp_path):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "ical.js").exists():
        pytest.skip("node and the ical.js package (npm ci) are needed")
    path = tmp_path / "activity.ics"
    path.write_bytes(attachment(mail.outbox[0]))
    result = subprocess.run(
        [node, str(ROOT / "tools" / "parse-ics.mjs"), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    (event,) = json.loads(result.stdout)["events"]
    assert event["summary"] == "IWCN welcome reception"
    assert event["uid"] == outcome.registration.activity.uid
