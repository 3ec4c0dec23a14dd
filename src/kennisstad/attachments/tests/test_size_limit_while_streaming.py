"""The size limit holds while the upload streams in: a file that passes it is stopped at that
point (never kept whole), with a clear error; the upload views still check CSRF themselves."""

import pytest
from django.test import Client
from django.urls import reverse

from kennisstad.attachments.models import Attachment
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import PDF_BYTES, upload

pytestmark = pytest.mark.django_db


def test_a_file_passing_the_limit_while_streaming_is_stopped(team_member, client_for, settings):
    settings.ATTACHMENTS_MAX_UPLOAD_MB = 1
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024  # the rest of the file would go to disk
    project = ProjectFactory()
    big = PDF_BYTES + b"0" * (1024 * 1024 + 10)  # announced length within the slack
    response = client_for(team_member).post(
        reverse("attachments:add-to-project", args=[project.pk]), {"file": upload("groot.pdf", big)}
    )
    assert response.status_code == 413
    assert "groot.pdf" in response.content.decode()
    assert not Attachment.objects.exists()


def test_the_api_stops_it_too(team_member, api_client_for, settings):
    settings.ATTACHMENTS_MAX_UPLOAD_MB = 1
    big = PDF_BYTES + b"0" * (1024 * 1024 + 10)
    response = api_client_for(team_member).post(
        "/api/v1/attachments/",
        {"project": ProjectFactory().pk, "file": upload("groot.pdf", big)},
        format="multipart",
    )
    assert response.status_code == 413
    assert "groot.pdf" in response.json()["detail"]
    assert not Attachment.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(team_member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(team_member)
    project = ProjectFactory()
    response = client.post(
        reverse("attachments:add-to-project", args=[project.pk]), {"file": upload()}
    )
    assert response.status_code == 403
    assert not Attachment.objects.exists()
