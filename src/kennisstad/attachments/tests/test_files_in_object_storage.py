"""With KENNISSTAD_FILE_STORAGE=s3 the files live in the private bucket under their own prefix
and unguessable keys; a download reads them back through Kennisstad."""

import boto3
import pytest
from django.urls import reverse
from moto import mock_aws

from kennisstad.conf.attachments import attachment_storage
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import PDF_BYTES, upload

BUCKET = "kennisstad-files"
pytestmark = pytest.mark.django_db


@pytest.fixture
def object_storage(settings, monkeypatch):
    monkeypatch.setenv("S3_BUCKET", BUCKET)
    monkeypatch.setenv("S3_REGION", "eu-west-1")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY", "test")
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-1")
        s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        entry = attachment_storage("s3", settings.BASE_DIR)  # the setting production gets
        settings.STORAGES = {**settings.STORAGES, "attachments": entry}
        yield s3


def test_a_file_makes_the_round_trip_through_the_bucket(object_storage, team_member, client_for):
    client = client_for(team_member)
    project = ProjectFactory()
    client.post(
        reverse("attachments:add-to-project", args=[project.pk]),
        {"file": upload("Verslag.pdf"), "title": "Verslag"},
    )
    keys = [item["Key"] for item in object_storage.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert len(keys) == 1
    assert keys[0].startswith("kennisstad/attachments/") and "Verslag" not in keys[0]
    grants = object_storage.get_object_acl(Bucket=BUCKET, Key=keys[0])["Grants"]
    assert all("AllUsers" not in str(grant["Grantee"]) for grant in grants)

    attachment = project.attachments.get()
    response = client.get(reverse("attachments:download", args=[attachment.pk]))
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_deleting_a_file_removes_it_from_the_bucket(
    object_storage, team_member, django_capture_on_commit_callbacks
):
    from kennisstad.attachments.services import delete_attachment

    from .factories import attachment_on

    attachment = attachment_on(ProjectFactory(), team_member)
    assert object_storage.list_objects_v2(Bucket=BUCKET)["KeyCount"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        delete_attachment(instance=attachment, user=team_member, expected_version=1)
    assert object_storage.list_objects_v2(Bucket=BUCKET)["KeyCount"] == 0
