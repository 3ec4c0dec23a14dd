"""The team deletes one older version on its own (an unredacted first version once a redacted
second one is up), after a confirmation page: the row and, after the commit, the stored bytes
go; the file's audit trail says so. The current version and anyone but the team are refused."""

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.attachments import services, storage
from kennisstad.attachments.models import AttachmentVersion
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on, upload

pytestmark = pytest.mark.django_db


def with_two_versions(record, user, **fields):
    attachment = attachment_on(record, user, title="Deelnemers", **fields)
    services.add_version(
        attachment=attachment, user=user, upload=upload("geanonimiseerd.pdf"), name="v2.pdf"
    )
    attachment.refresh_from_db()
    return attachment


def test_the_team_deletes_the_unredacted_first_version(
    team_member, client_for, django_capture_on_commit_callbacks
):
    attachment = with_two_versions(ProjectFactory(), team_member)
    first = attachment.versions.get(number=1)
    client = client_for(team_member)
    url = reverse("attachments:version-delete", args=[first.pk])
    detail = reverse("attachments:attachment-detail", args=[attachment.pk])
    assert url in client.get(detail).content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200 and detail in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"version": attachment.version})
    assert response.status_code == 302 and response.url == detail
    assert [v.number for v in attachment.versions.all()] == [2]
    assert not storage.attachment_storage().exists(first.storage_key)
    assert "version 1 deleted" in attachment.history.first().history_change_reason
    download = reverse("attachments:version-download", args=[attachment.pk, 1])
    assert client.get(download).status_code == 404


def test_the_current_version_is_not_deleted_on_its_own(team_member, client_for):
    attachment = with_two_versions(ProjectFactory(), team_member)
    current = attachment.versions.get(number=2)
    client = client_for(team_member)
    url = reverse("attachments:version-delete", args=[current.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"version": attachment.version}).status_code == 404
    assert AttachmentVersion.objects.count() == 2


def test_a_stale_confirmation_deletes_nothing(team_member, client_for):
    attachment = with_two_versions(ProjectFactory(), team_member)
    first = attachment.versions.get(number=1)
    client_for(team_member).post(
        reverse("attachments:version-delete", args=[first.pk]), {"version": 1}
    )
    assert AttachmentVersion.objects.count() == 2


def test_only_the_team_deletes_a_version(
    team_member, reader, partner_editor, partner_organisation, client_for
):
    own = ActivityFactory(visibility="partners", organiser_organisation=partner_organisation)
    attachment = with_two_versions(own, team_member, shared_with_partners=True)
    url = reverse("attachments:version-delete", args=[attachment.versions.get(number=1).pk])
    for user in (reader, partner_editor):
        client = client_for(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"version": attachment.version}).status_code == 403
    assert AttachmentVersion.objects.count() == 2
