"""A partner edits its own activity without seeing, or losing, an internal project it belongs
to; the partner's calendar export does not name that project either."""

import pytest
from django.urls import reverse

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.agenda.tests.test_activity_validation import VALID_FORM
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(partner_organisation):
    internal = ProjectFactory(title_nl="Vertrouwelijke verkenning", is_public=False)
    return ActivityFactory(
        title_nl="Partneroverleg",
        visibility="partners",
        organiser_organisation=partner_organisation,
        project=internal,
    )


def test_saving_the_form_keeps_the_project_it_cannot_see(client_for, partner_editor, activity):
    web = client_for(partner_editor)
    url = reverse("agenda:activity-update", args=[activity.pk])
    form = web.get(url).content.decode()
    assert "Vertrouwelijke verkenning" not in form
    response = web.post(
        url,
        {
            **VALID_FORM,
            "title_nl": "Partneroverleg (verzet)",
            "visibility": "partners",
            "version": activity.version,
        },
    )
    assert response.status_code == 302, response.content
    saved = Activity.objects.get(pk=activity.pk)
    assert saved.title_nl == "Partneroverleg (verzet)"
    assert saved.project_id == activity.project_id


def test_the_export_does_not_name_the_hidden_project(client_for, partner_editor, activity):
    response = client_for(partner_editor).get("/agenda/", {"all": "1", "format": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Partneroverleg" in text and "Vertrouwelijke verkenning" not in text
