"""A zip-based document is judged by its directory: a zip bomb (a part that claims gigabytes,
thousands of parts, an absurd compression ratio) is refused without unpacking it, and the one part
that is read (ODF's ``mimetype``) is read only up to its tiny size. Each upload is checked once."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError

from kennisstad.attachments import content_check, services
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on, upload

pytestmark = pytest.mark.django_db


def zipped(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def refusal(name, content):
    with pytest.raises(ValidationError) as refused:
        content_check.detect(io.BytesIO(content), name)
    return refused.value.error_list[0]


def test_a_huge_mimetype_part_is_refused_without_unpacking_it():
    bomb = zipped([("mimetype", b"a" * (50 * 1024 * 1024)), ("content.xml", "<x/>")])
    tracemalloc.start()
    try:
        error = refusal("nota.odt", bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.code == "archive"
    assert peak < 5 * 1024 * 1024


def test_a_mimetype_part_longer_than_a_mimetype_is_not_read():
    long_mimetype = b"application/vnd.oasis.opendocument.text" + b" " * 2000
    assert refusal("nota.odt", zipped([("mimetype", long_mimetype)])).code == "not_accepted"


def test_thousands_of_parts_are_refused():
    many = zipped([(f"p{i}", b"") for i in range(content_check.MAX_ZIP_ENTRIES + 1)])
    assert refusal("memo.docx", many).code == "archive"


def test_more_unpacked_bytes_than_twenty_times_the_limit_are_refused(settings):
    settings.ATTACHMENTS_MAX_UPLOAD_MB = 1
    big = zipped(
        [("[Content_Types].xml", "<Types/>"), ("word/document.xml", b"\0" * (21 * 1024 * 1024))],
        zipfile.ZIP_STORED,
    )
    assert refusal("memo.docx", big).code == "archive"


def test_a_file_is_checked_once_per_upload(team_member, monkeypatch):
    calls = []
    detect = content_check.detect
    monkeypatch.setattr(
        content_check, "detect", lambda stream, name: calls.append(name) or detect(stream, name)
    )
    file = upload("plan.pdf")
    services.check_upload(file, file.name, file.size)  # the form
    attachment_on(ProjectFactory(), team_member, file=file)  # the service
    assert calls == ["plan.pdf"]
