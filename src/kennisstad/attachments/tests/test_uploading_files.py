"""The team adds a file to a record on its page: checked by content and size, stored under an
unguessable key, versions kept (the older ones stay downloadable)."""

import pytest
from django.urls import reverse

from kennisstad.attachments.models import Attachment, AttachmentVersion
from kennisstad.attachments.storage import attachment_storage
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import EXE_BYTES, PDF_BYTES, attachment_on, office_bytes, upload

pytestmark = pytest.mark.django_db


def add(client, project, file, **fields):
    url = reverse("attachments:add-to-project", args=[project.pk])
    return client.post(url, {"file": file, "title": "", "description": "", **fields})


def test_a_team_member_adds_a_file_to_a_project(team_member, client_for):
    project = ProjectFactory()
    client = client_for(team_member)
    response = add(client, project, upload("Verslag werkbezoek.pdf"), document_date="2026-11-30")
    attachment = Attachment.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("attachments:attachment-detail", args=[attachment.pk])
    assert attachment.project == project and attachment.title == "Verslag werkbezoek.pdf"
    version = attachment.current_version
    assert version.content_type == "application/pdf" and version.size == len(PDF_BYTES)
    assert "Verslag" not in version.storage_key  # never the uploaded name
    assert attachment_storage().open(version.storage_key).read() == PDF_BYTES
    page = client.get(reverse("projects:project-detail", args=[project.pk])).content.decode()
    assert "Verslag werkbezoek.pdf" in page


def test_a_program_named_pdf_is_refused_and_nothing_is_stored(team_member, client_for, tmp_path):
    project = ProjectFactory()
    response = add(client_for(team_member), project, upload("begroting.pdf", EXE_BYTES))
    assert response.status_code == 200
    assert "begroting.pdf" in str(response.context["form"].errors["file"])
    assert not Attachment.objects.exists() and not AttachmentVersion.objects.exists()
    assert not [path for path in (tmp_path / "attachments").rglob("*") if path.is_file()]


def test_a_file_over_the_limit_is_refused(team_member, client_for, settings):
    settings.ATTACHMENTS_MAX_UPLOAD_MB = 1
    project = ProjectFactory()
    big = PDF_BYTES + b"0" * (1024 * 1024)
    response = add(client_for(team_member), project, upload("groot.pdf", big))
    assert response.status_code == 413
    assert "groot.pdf" in response.context["too_large"]
    assert not Attachment.objects.exists()


def test_a_request_announcing_too_much_is_refused_before_it_is_read(
    team_member, client_for, settings
):
    settings.ATTACHMENTS_MAX_UPLOAD_MB = 1
    project = ProjectFactory()
    url = reverse("attachments:add-to-project", args=[project.pk])
    response = client_for(team_member).post(
        url, {"file": upload("groot.pdf", PDF_BYTES)}, CONTENT_LENGTH=str(3 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert not Attachment.objects.exists()


def test_a_new_version_keeps_the_older_one_downloadable(team_member, client_for):
    attachment = attachment_on(ProjectFactory(), team_member, title="Notulen")
    client = client_for(team_member)
    response = client.post(
        reverse("attachments:version-create", args=[attachment.pk]),
        {"file": upload("notulen.docx", office_bytes())},
    )
    assert response.status_code == 302
    assert [v.number for v in attachment.versions.all()] == [2, 1]
    current = client.get(reverse("attachments:download", args=[attachment.pk]))
    assert current["Content-Type"].startswith("application/vnd.openxmlformats")
    older = client.get(reverse("attachments:version-download", args=[attachment.pk, 1]))
    assert b"".join(older.streaming_content) == PDF_BYTES
    attachment.refresh_from_db()
    assert attachment.version == 2  # the audit trail has the new version as a change
    assert attachment.history.count() == 2


def test_the_download_is_an_attachment_with_the_original_name(team_member, client_for):
    attachment = attachment_on(ProjectFactory(), team_member, file=upload("Één verslag.pdf"))
    response = client_for(team_member).get(reverse("attachments:download", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%C3%89%C3%A9n%20verslag.pdf" in disposition


def test_editing_what_a_file_is_about(team_member, client_for):
    attachment = attachment_on(ProjectFactory(), team_member, title="Oud")
    response = client_for(team_member).post(
        reverse("attachments:attachment-update", args=[attachment.pk]),
        {
            "title": "Nieuw",
            "description": "Uitnodiging",
            "document_date": "2026-10-01",
            "holds_personal_data": "on",
            "version": attachment.version,
        },
    )
    assert response.status_code == 302
    attachment.refresh_from_db()
    assert attachment.title == "Nieuw" and attachment.holds_personal_data
