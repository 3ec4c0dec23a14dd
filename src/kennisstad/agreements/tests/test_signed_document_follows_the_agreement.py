"""The signed document on an agreement is a file like any other: the team adds it from the
agreement's page, and who may see it follows the agreement (a partner only a file shared with
partners, of a public agreement; never one of an internal agreement)."""

import pytest
from django.urls import reverse

from kennisstad.attachments.selectors import visible_attachments
from kennisstad.attachments.tests.factories import attachment_on, upload

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "attachments"), "base_url": None},
        },
    }


def test_the_team_adds_the_signed_document_on_the_page(team_member, client_for):
    agreement = AgreementFactory()
    web = client_for(team_member)
    add_url = reverse("attachments:add-to-agreement", args=[agreement.pk])
    page = web.get(reverse("agreements:agreement-detail", args=[agreement.pk])).content.decode()
    assert add_url in page
    response = web.post(add_url, {"file": upload("ondertekend.pdf"), "title": "Ondertekend"})
    assert response.status_code == 302
    page = web.get(reverse("agreements:agreement-detail", args=[agreement.pk])).content.decode()
    assert "Ondertekend" in page


def test_partners_see_only_shared_files_of_public_agreements(team_member, partner_editor):
    public = AgreementFactory(is_public=True)
    internal = AgreementFactory(is_public=False)
    shared = attachment_on(public, team_member, title="Getekend", shared_with_partners=True)
    attachment_on(public, team_member, title="Notitie")
    attachment_on(internal, team_member, title="Intern", shared_with_partners=True)
    assert list(visible_attachments(partner_editor)) == [shared]
    assert visible_attachments(None).count() == 0
    assert visible_attachments(team_member).count() == 3


def test_a_partner_gets_404_for_a_file_of_an_internal_agreement(
    team_member, partner_editor, client_for
):
    internal = AgreementFactory(is_public=False)
    attachment = attachment_on(internal, team_member, title="Intern", shared_with_partners=True)
    web = client_for(partner_editor)
    assert web.get(reverse("attachments:download", args=[attachment.pk])).status_code == 404
    assert web.get(f"/api/v1/attachments/{attachment.pk}/").status_code == 404
