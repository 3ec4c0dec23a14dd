"""The API's record filters and the record named for a new file answer a record the user may
not see exactly like one that does not exist, so its ids cannot be probed."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on, upload

pytestmark = pytest.mark.django_db
URL = "/api/v1/attachments/"
MISSING = 999_999


def test_filtering_on_an_invisible_record_answers_as_on_a_missing_one(
    team_member, partner_editor, api_client_for
):
    internal = ProjectFactory(is_public=False)
    attachment_on(internal, team_member, title="Intern", shared_with_partners=True)
    client = api_client_for(partner_editor)
    invisible = client.get(URL, {"project": internal.pk})
    missing = client.get(URL, {"project": MISSING})
    assert invisible.status_code == missing.status_code == 400
    assert invisible.json() == {
        key: [m.replace(str(MISSING), str(internal.pk)) for m in value]
        for key, value in missing.json().items()
    }


def test_the_filters_still_hide_records_after_the_schema_was_written(
    team_member, partner_editor, api_client_for
):
    """Writing the schema builds the filters' form fields on the class (with every record);
    a request afterwards must still get the records its user may see."""
    SchemaGenerator().get_schema(request=None, public=True)
    internal = ProjectFactory(is_public=False)
    attachment_on(internal, team_member, title="Intern", shared_with_partners=True)
    answer = api_client_for(partner_editor).get(URL, {"project": internal.pk})
    assert answer.status_code == 400


def test_naming_an_invisible_record_for_a_new_file_answers_as_a_missing_one(
    partner_editor, api_client_for
):
    internal = ProjectFactory(is_public=False)
    client = api_client_for(partner_editor)
    answers = [
        client.post(URL, {"project": pk, "file": upload()}, format="multipart")
        for pk in (internal.pk, MISSING)
    ]
    assert answers[0].status_code == answers[1].status_code == 400
    assert answers[0].json()["project"] == [
        m.replace(str(MISSING), str(internal.pk)) for m in answers[1].json()["project"]
    ]


def test_the_team_still_filters_on_any_record(team_member, api_client_for):
    project = ProjectFactory(is_public=False)
    attachment = attachment_on(project, team_member)
    listed = api_client_for(team_member).get(URL, {"project": project.pk}).json()["results"]
    assert [item["id"] for item in listed] == [attachment.pk]
