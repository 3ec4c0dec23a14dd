"""Deleting a file, or the record it is on, removes its rows and, once committed, its stored
bytes: no personal data stays behind in the store. The audit trail keeps that it existed."""

import pytest
from django.urls import reverse

from kennisstad.attachments.models import Attachment, AttachmentVersion
from kennisstad.attachments.storage import attachment_storage
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on

pytestmark = pytest.mark.django_db


def test_deleting_a_file_removes_its_bytes_after_the_commit(
    team_member, client_for, django_capture_on_commit_callbacks
):
    project = ProjectFactory()
    attachment = attachment_on(project, team_member)
    key = attachment.current_version.storage_key
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(team_member).post(
            reverse("attachments:attachment-delete", args=[attachment.pk]),
            {"version": attachment.version},
        )
    assert response.status_code == 302
    assert response.url == reverse("projects:project-detail", args=[project.pk])
    assert not Attachment.objects.exists()
    assert not attachment_storage().exists(key)
    assert Attachment.history.filter(history_type="-").count() == 1


def test_deleting_the_record_takes_its_files_along(team_member, django_capture_on_commit_callbacks):
    project = ProjectFactory()
    attachment = attachment_on(project, team_member)
    key = attachment.current_version.storage_key
    with django_capture_on_commit_callbacks(execute=True):
        project.delete()
    assert not AttachmentVersion.objects.exists()
    assert not attachment_storage().exists(key)


def test_a_file_is_on_exactly_one_record(team_member):
    from django.db import IntegrityError, transaction

    project = ProjectFactory()
    attachment = attachment_on(project, team_member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attachment.objects.filter(pk=attachment.pk).update(project=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attachment.objects.filter(pk=attachment.pk).update(
            organisation=project.lead_organisation or _organisation()
        )


def _organisation():
    from kennisstad.relations.tests.factories import OrganisationFactory

    return OrganisationFactory()
