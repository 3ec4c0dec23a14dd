"""With several app servers the previewed ledger export waits in the shared object store (S3),
not on the disk of the server that showed the preview: the confirmation, answered by any server,
imports the very file that was previewed, and the bucket holds it privately until then."""

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto import mock_aws

from kennisstad.finances.models import FinanceLine
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import ledger_csv, ledger_row

BUCKET = "kennisstad-uploads"


@pytest.fixture
def object_storage(settings):
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-1")
        s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "eu-west-1",
                    "access_key": "test",
                    "secret_key": "test",
                    "location": "kennisstad",
                    "default_acl": "private",
                    "file_overwrite": False,
                },
            },
        }
        yield s3


def _keys(s3) -> list[str]:
    return [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


@pytest.mark.django_db
def test_the_previewed_file_waits_in_the_bucket_and_is_imported_from_it(
    object_storage, team_member, client_for
):
    seed_policy_field()
    client = client_for(team_member)
    upload = SimpleUploadedFile("grootboek.csv", ledger_csv([ledger_row(amount="1.250,00")]))
    preview = client.post(reverse("finances:ledger-upload"), {"file": upload})
    confirm = preview.context["confirm"]

    stored = _keys(object_storage)
    assert len(stored) == 1 and stored[0].startswith("kennisstad/")
    grants = object_storage.get_object_acl(Bucket=BUCKET, Key=stored[0])["Grants"]
    assert all("AllUsers" not in str(grant["Grantee"]) for grant in grants)

    done = client.post(
        reverse("finances:ledger-upload"),
        {"confirm": confirm["checksum"], "file_name": "grootboek.csv", "mapping": ""},
    )
    assert done.status_code == 302
    assert FinanceLine.objects.get().amount == 1250
    assert _keys(object_storage) == []
