"""Who may see a file follows the record it belongs to: a partner sees the files of the records
it may see (public ones, its own organisation's) and gets a 404 for any other; only those who
may change the record add or change its files."""

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on, upload

pytestmark = pytest.mark.django_db


def test_a_partner_cannot_download_a_file_of_an_internal_project(
    team_member, partner_editor, client_for
):
    internal = ProjectFactory(is_public=False)
    attachment = attachment_on(internal, team_member, title="Interne notitie")
    client = client_for(partner_editor)
    for name, args in [
        ("attachments:download", [attachment.pk]),
        ("attachments:version-download", [attachment.pk, 1]),
        ("attachments:attachment-detail", [attachment.pk]),
        ("attachments:add-to-project", [internal.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name


def test_a_partner_downloads_the_files_of_a_public_project(team_member, partner_editor, client_for):
    public = ProjectFactory(is_public=True)
    attachment = attachment_on(public, team_member, title="Projectplan", shared_with_partners=True)
    client = client_for(partner_editor)
    page = client.get(reverse("projects:project-detail", args=[public.pk])).content.decode()
    assert "Projectplan" in page
    assert reverse("attachments:add-to-project", args=[public.pk]) not in page
    assert client.get(reverse("attachments:download", args=[attachment.pk])).status_code == 200
    # Seeing is not changing: the team adds files to projects.
    assert (
        client.get(reverse("attachments:version-create", args=[attachment.pk])).status_code == 403
    )
    assert client.get(reverse("attachments:add-to-project", args=[public.pk])).status_code == 403


def test_a_partner_adds_files_to_its_own_organisations_activity(
    partner_editor, client_for, partner_organisation
):
    own = ActivityFactory(visibility="partners", organiser_organisation=partner_organisation)
    response = client_for(partner_editor).post(
        reverse("attachments:add-to-activity", args=[own.pk]),
        {"file": upload("programma.pdf"), "title": "Programma"},
    )
    assert response.status_code == 302
    assert own.attachments.get().title == "Programma"


def test_a_reader_sees_the_file_but_not_its_personal_data(team_member, reader, client_for):
    attachment = attachment_on(
        ProjectFactory(), team_member, title="Deelnemerslijst", holds_personal_data=True
    )
    client = client_for(reader)
    assert (
        client.get(reverse("attachments:attachment-detail", args=[attachment.pk])).status_code
        == 200
    )
    assert client.get(reverse("attachments:download", args=[attachment.pk])).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(team_member, client):
    attachment = attachment_on(ProjectFactory(is_public=True), team_member)
    response = client.get(reverse("attachments:download", args=[attachment.pk]))
    assert response.status_code == 302 and "login" in response.url
