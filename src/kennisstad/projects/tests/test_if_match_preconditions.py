"""If-Match follows RFC 9110 on every versioned write: a writer that loses a race after its
precondition was checked gets 412 like any stale If-Match (409 stays for a stale ``version``
field); ``*`` would overwrite blindly and is refused with 428; a weak tag never matches
(If-Match compares strongly); a list of tags matches when one of them is current."""

from unittest import mock

import pytest

from kennisstad.core import api as core_api
from kennisstad.projects.models import Project
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return ProjectFactory(title_nl="Top Dutch")


def url(project) -> str:
    return f"/api/v1/projects/{project.pk}/"


def losing_a_race():
    """Another writer saves between the precondition check and this request's save."""
    check = core_api.expected_version_from

    def check_then_lose(request, instance):
        expected = check(request, instance)
        Project.objects.filter(pk=instance.pk).update(version=instance.version + 1)
        return expected

    return mock.patch.object(core_api, "expected_version_from", check_then_lose)


def test_the_loser_of_a_race_that_sent_if_match_gets_412(api_client_for, team_member, project):
    with losing_a_race():
        response = api_client_for(team_member).patch(
            url(project), {"title_nl": "Verloren"}, format="json", HTTP_IF_MATCH='"1"'
        )
    assert response.status_code == 412
    project.refresh_from_db()
    assert project.title_nl == "Top Dutch"


def test_the_loser_of_a_race_that_sent_a_version_gets_409(api_client_for, team_member, project):
    with losing_a_race():
        response = api_client_for(team_member).patch(
            url(project), {"title_nl": "Verloren", "version": 1}, format="json"
        )
    assert response.status_code == 409


def test_if_match_star_is_refused_as_428(api_client_for, team_member, project):
    client = api_client_for(team_member)
    response = client.patch(url(project), {"title_nl": "Blind"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 428
    assert client.delete(url(project), HTTP_IF_MATCH="*").status_code == 428
    project.refresh_from_db()
    assert project.title_nl == "Top Dutch"


def test_a_weak_tag_never_matches(api_client_for, team_member, project):
    response = api_client_for(team_member).patch(
        url(project), {"title_nl": "Zwak"}, format="json", HTTP_IF_MATCH='W/"1"'
    )
    assert response.status_code == 412
    project.refresh_from_db()
    assert project.title_nl == "Top Dutch"


def test_a_list_of_tags_matches_when_one_is_current(api_client_for, team_member, project):
    client = api_client_for(team_member)
    response = client.patch(
        url(project), {"title_nl": "Lijst"}, format="json", HTTP_IF_MATCH='"7", "1"'
    )
    assert response.status_code == 200
    assert response["ETag"] == '"2"'


def test_an_unquoted_tag_is_a_clear_400(api_client_for, team_member, project):
    response = api_client_for(team_member).patch(
        url(project), {"title_nl": "Kaal"}, format="json", HTTP_IF_MATCH="1"
    )
    assert response.status_code == 400
    assert "If-Match" in response.json()
