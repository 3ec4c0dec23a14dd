"""A file is the team's unless it is marked as shared with partners: a partner sees (in the
record's section, on its page, in the API, as a download) only the shared files of the records
it may see. A partner's own upload on its activity is shared by itself; the two marks (shared,
personal data) are the team's to set, and the team's internal files on a partner's activity are
out of the partner's reach."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.attachments import selectors
from kennisstad.attachments.models import Attachment
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on, upload

pytestmark = pytest.mark.django_db
API = "/api/v1/attachments/"


def test_a_partner_does_not_see_an_internal_file_on_its_own_organisation(
    team_member, partner_editor, partner_organisation, client_for, api_client_for
):
    internal = attachment_on(partner_organisation, team_member, title="Interne evaluatie")
    shared = attachment_on(
        partner_organisation, team_member, title="Afsprakenlijst", shared_with_partners=True
    )
    client = client_for(partner_editor)
    page = client.get(
        reverse("relations:organisation-detail", args=[partner_organisation.pk])
    ).content.decode()
    assert "Afsprakenlijst" in page and "Interne evaluatie" not in page
    for name in ("attachments:attachment-detail", "attachments:download"):
        assert client.get(reverse(name, args=[internal.pk])).status_code == 404, name
        assert client.get(reverse(name, args=[shared.pk])).status_code == 200, name
    api = api_client_for(partner_editor)
    listed = api.get(API, {"organisation": partner_organisation.pk}).json()["results"]
    assert [item["id"] for item in listed] == [shared.pk]
    assert listed[0]["shared_with_partners"] is True
    assert api.get(f"{API}{internal.pk}/download/").status_code == 404


def test_the_team_sees_every_file_and_anonymous_none(team_member, reader):
    project = ProjectFactory(is_public=True)
    attachment_on(project, team_member, title="Intern")
    attachment_on(project, team_member, title="Gedeeld", shared_with_partners=True)
    assert selectors.visible_attachments(team_member).count() == 2
    assert selectors.visible_attachments(reader).count() == 2
    assert not selectors.visible_attachments(AnonymousUser()).exists()


def test_a_partners_own_upload_is_shared_and_it_cannot_set_the_marks(
    partner_editor, partner_organisation, client_for
):
    own = ActivityFactory(visibility="partners", organiser_organisation=partner_organisation)
    client = client_for(partner_editor)
    form = client.get(reverse("attachments:add-to-activity", args=[own.pk])).content.decode()
    assert 'name="holds_personal_data"' not in form and 'name="shared_with_partners"' not in form
    client.post(
        reverse("attachments:add-to-activity", args=[own.pk]),
        {"file": upload("programma.pdf"), "title": "Programma", "shared_with_partners": ""},
    )
    attachment = own.attachments.get()
    assert attachment.shared_with_partners and not attachment.holds_personal_data


def test_a_partner_editor_does_not_switch_off_the_personal_data_log(
    team_member, partner_editor, partner_organisation, client_for, api_client_for
):
    own = ActivityFactory(visibility="partners", organiser_organisation=partner_organisation)
    attachment = attachment_on(
        own, team_member, title="Gastenlijst", holds_personal_data=True, shared_with_partners=True
    )
    client_for(partner_editor).post(
        reverse("attachments:attachment-update", args=[attachment.pk]),
        {"title": "Gastenlijst", "description": "", "document_date": "", "version": 1},
    )
    response = api_client_for(partner_editor).patch(
        f"{API}{attachment.pk}/",
        {"holds_personal_data": False},
        format="json",
        HTTP_IF_MATCH=f'"{Attachment.objects.get().version}"',
    )
    assert response.status_code == 403
    assert Attachment.objects.get().holds_personal_data


def test_a_partner_does_not_change_the_teams_internal_file_on_its_activity(
    team_member, partner_editor, partner_organisation, client_for
):
    own = ActivityFactory(visibility="partners", organiser_organisation=partner_organisation)
    internal = attachment_on(own, team_member, title="Draaiboek intern")
    client = client_for(partner_editor)
    for name in (
        "attachments:attachment-update",
        "attachments:attachment-delete",
        "attachments:version-create",
    ):
        assert client.get(reverse(name, args=[internal.pk])).status_code == 404, name
        assert client.post(reverse(name, args=[internal.pk])).status_code == 404, name
    assert Attachment.objects.filter(pk=internal.pk).exists()
