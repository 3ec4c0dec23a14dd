"""A file marked as holding personal data is downloaded by the team only: a partner who sees
the record (and the file's description) gets a 403 on the page and in the API, as a reader
does; nothing is logged for a refused download."""

import pytest
from django.urls import reverse

from kennisstad.attachments.models import AttachmentDownload
from kennisstad.delegations.tests.factories import DelegationFactory

from .factories import attachment_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def participants_list(team_member):
    delegation = DelegationFactory(activity__visibility="partners")
    return attachment_on(
        delegation,
        team_member,
        title="Deelnemerslijst",
        holds_personal_data=True,
        shared_with_partners=True,
    )


def test_a_partner_does_not_download_personal_data_on_the_page(
    participants_list, partner_editor, client_for
):
    client = client_for(partner_editor)
    detail = client.get(reverse("attachments:attachment-detail", args=[participants_list.pk]))
    assert detail.status_code == 200
    assert reverse("attachments:download", args=[participants_list.pk]) not in (
        detail.content.decode()
    )
    for name, args in [
        ("attachments:download", [participants_list.pk]),
        ("attachments:version-download", [participants_list.pk, 1]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403, name
    assert not AttachmentDownload.objects.exists()


def test_a_partner_does_not_download_personal_data_through_the_api(
    participants_list, partner_editor, api_client_for
):
    client = api_client_for(partner_editor)
    url = f"/api/v1/attachments/{participants_list.pk}/download/"
    assert client.get(url).status_code == 403
    assert not AttachmentDownload.objects.exists()


def test_the_team_downloads_it_and_is_logged(participants_list, team_member, client_for):
    response = client_for(team_member).get(
        reverse("attachments:download", args=[participants_list.pk])
    )
    assert response.status_code == 200
    assert AttachmentDownload.objects.count() == 1
