"""A download of a file marked as holding personal data is written in the access log (who,
when, which file and version), before the file is handed out; other files are not logged."""

import pytest
from django.urls import reverse

from kennisstad.attachments.models import AttachmentDownload
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on

pytestmark = pytest.mark.django_db


def test_a_download_of_personal_data_is_in_the_access_log(team_member, client_for):
    attachment = attachment_on(
        ProjectFactory(), team_member, title="Deelnemerslijst", holds_personal_data=True
    )
    client = client_for(team_member)
    response = client.get(reverse("attachments:download", args=[attachment.pk]))
    assert response.status_code == 200
    entry = AttachmentDownload.objects.get()
    assert entry.user == team_member
    assert entry.attachment_id_logged == attachment.pk
    assert entry.version_number == 1 and entry.file_name == "verslag.pdf"
    assert entry.via == "page" and entry.at is not None
    page = client.get(reverse("attachments:attachment-detail", args=[attachment.pk]))
    assert list(page.context["downloads"]) == [entry]


def test_the_log_outlives_the_file(team_member, client_for):
    attachment = attachment_on(ProjectFactory(), team_member, holds_personal_data=True)
    client_for(team_member).get(reverse("attachments:download", args=[attachment.pk]))
    attachment.delete()
    assert AttachmentDownload.objects.count() == 1


def test_other_downloads_are_not_logged(team_member, client_for):
    attachment = attachment_on(ProjectFactory(), team_member)
    client_for(team_member).get(reverse("attachments:download", args=[attachment.pk]))
    assert not AttachmentDownload.objects.exists()


def test_the_team_reads_the_log_of_downloads_and_others_do_not(
    team_member, reader, partner_editor, client_for
):
    attachment = attachment_on(ProjectFactory(), team_member, holds_personal_data=True)
    client = client_for(team_member)
    client.get(reverse("attachments:download", args=[attachment.pk]))
    log = client.get(reverse("attachments:download-log"), {"file": attachment.pk})
    assert log.status_code == 200
    assert [entry.file_name for entry in log.context["object_list"]] == ["verslag.pdf"]
    for other in (reader, partner_editor):
        assert client_for(other).get(reverse("attachments:download-log")).status_code == 403
