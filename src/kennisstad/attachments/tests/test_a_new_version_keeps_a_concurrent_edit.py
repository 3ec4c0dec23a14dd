"""A new version is saved on the file as it is when the upload is stored, not as the uploader's
page read it before the bytes streamed in: a colleague's edit in between (the personal-data
mark, the description) is kept, not reverted."""

import pytest

from kennisstad.attachments import services
from kennisstad.attachments.models import Attachment
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on, upload

pytestmark = pytest.mark.django_db


def test_an_upload_does_not_revert_a_concurrent_metadata_edit(team_member, second_team_member):
    attachment = attachment_on(ProjectFactory(), team_member, title="Deelnemers")
    read_by_uploader = Attachment.objects.get(pk=attachment.pk)
    edited = Attachment.objects.get(pk=attachment.pk)
    services.update_attachment(
        attachment=edited,
        user=second_team_member,
        expected_version=edited.version,
        holds_personal_data=True,
        description="bevat BSN's",
    )
    services.add_version(
        attachment=read_by_uploader, user=team_member, upload=upload("v2.pdf"), name="v2.pdf"
    )
    attachment.refresh_from_db()
    assert attachment.holds_personal_data
    assert attachment.description == "bevat BSN's"
    assert attachment.version == 3
    assert read_by_uploader.version == 3 and read_by_uploader.holds_personal_data
    assert [v.number for v in attachment.versions.all()] == [2, 1]
