"""The API: list a record's files, upload by multipart, a new version, edit with If-Match,
download (logged for personal data), and the same visibility as the pages."""

import pytest

from kennisstad.attachments.models import Attachment, AttachmentDownload
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import EXE_BYTES, PDF_BYTES, attachment_on, office_bytes, upload

pytestmark = pytest.mark.django_db
URL = "/api/v1/attachments/"


def test_upload_list_and_download(team_member, api_client_for):
    client = api_client_for(team_member)
    project = ProjectFactory()
    created = client.post(
        URL,
        {
            "project": project.pk,
            "file": upload("plan.pdf"),
            "title": "Plan",
            "holds_personal_data": "true",
        },
        format="multipart",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["kind"] == "project" and body["project"] == project.pk
    assert body["versions"][0]["content_type"] == "application/pdf"
    assert created["ETag"] == '"1"'

    listed = client.get(URL, {"project": project.pk}).json()
    assert [item["id"] for item in listed["results"]] == [body["id"]]
    assert client.get(URL, {"project": ProjectFactory().pk}).json()["results"] == []

    download = client.get(f"{URL}{body['id']}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert AttachmentDownload.objects.get().via == "api"


def test_a_program_named_pdf_is_refused(team_member, api_client_for):
    response = api_client_for(team_member).post(
        URL,
        {"project": ProjectFactory().pk, "file": upload("begroting.pdf", EXE_BYTES)},
        format="multipart",
    )
    assert response.status_code == 400
    assert "begroting.pdf" in response.json()["file"][0]
    assert not Attachment.objects.exists()


def test_exactly_one_record_is_named(team_member, api_client_for):
    from kennisstad.relations.tests.factories import OrganisationFactory

    both = {"project": ProjectFactory().pk, "organisation": OrganisationFactory().pk}
    client = api_client_for(team_member)
    assert client.post(URL, {**both, "file": upload()}, format="multipart").status_code == 400
    assert client.post(URL, {"file": upload()}, format="multipart").status_code == 400
    assert not Attachment.objects.exists()


def test_a_new_version_and_an_edit(team_member, api_client_for):
    attachment = attachment_on(ProjectFactory(), team_member)
    client = api_client_for(team_member)
    newer = client.post(
        f"{URL}{attachment.pk}/versions/",
        {"file": upload("plan.docx", office_bytes())},
        format="multipart",
    )
    assert newer.status_code == 201
    assert [v["number"] for v in newer.json()["versions"]] == [2, 1]
    older = client.get(f"{URL}{attachment.pk}/download/", {"number": 1})
    assert b"".join(older.streaming_content) == PDF_BYTES
    edited = client.patch(
        f"{URL}{attachment.pk}/", {"title": "Plan v2"}, format="json", HTTP_IF_MATCH='"2"'
    )
    assert edited.status_code == 200 and edited.json()["title"] == "Plan v2"


def test_a_partner_gets_a_404_for_a_file_of_an_internal_project(
    team_member, partner_editor, api_client_for
):
    attachment = attachment_on(ProjectFactory(is_public=False), team_member)
    client = api_client_for(partner_editor)
    assert client.get(f"{URL}{attachment.pk}/").status_code == 404
    assert client.get(f"{URL}{attachment.pk}/download/").status_code == 404
    assert client.get(URL).json()["results"] == []


def test_a_partner_may_not_change_a_public_projects_file(
    team_member, partner_editor, api_client_for
):
    attachment = attachment_on(
        ProjectFactory(is_public=True), team_member, shared_with_partners=True
    )
    client = api_client_for(partner_editor)
    assert client.get(f"{URL}{attachment.pk}/").status_code == 200
    response = client.patch(
        f"{URL}{attachment.pk}/", {"title": "x"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 403


def test_a_partner_adds_a_file_to_its_own_activity_through_the_api(
    partner_editor, partner_organisation, api_client_for
):
    from kennisstad.agenda.tests.factories import ActivityFactory

    own = ActivityFactory(visibility="partners", organiser_organisation=partner_organisation)
    other = ActivityFactory(visibility="partners")
    client = api_client_for(partner_editor)
    created = client.post(URL, {"activity": own.pk, "file": upload()}, format="multipart")
    assert created.status_code == 201
    refused = client.post(URL, {"activity": other.pk, "file": upload()}, format="multipart")
    assert refused.status_code == 403


def test_a_reader_does_not_download_personal_data_through_the_api(
    team_member, reader, api_client_for
):
    attachment = attachment_on(ProjectFactory(), team_member, holds_personal_data=True)
    client = api_client_for(reader)
    assert client.get(f"{URL}{attachment.pk}/").status_code == 200
    assert client.get(f"{URL}{attachment.pk}/download/").status_code == 403
    assert not AttachmentDownload.objects.exists()
