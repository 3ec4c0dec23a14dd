"""The registry lists that can be imported show the import button, added by ``workspace`` (the
lists' own apps do not know the import page): for the team only."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LISTS = {
    "relations:organisation-list": "organisations",
    "relations:person-list": "people",
    "projects:project-list": "projects",
}


@pytest.mark.parametrize(("page", "kind"), LISTS.items())
def test_the_team_sees_the_import_button(client_for, team_member, page, kind):
    html = client_for(team_member).get(reverse(page)).content.decode()
    assert f'{reverse("workspace:import-spreadsheet")}?kind={kind}"' in html


def test_a_reader_does_not(client_for, reader):
    html = client_for(reader).get(reverse("projects:project-list")).content.decode()
    assert reverse("workspace:import-spreadsheet") not in html


def test_registering_again_adds_no_second_button(client_for, team_member):
    """``ready()`` may run again (a test runner, a reloaded app registry): still one button."""
    from kennisstad.workspace import contributions

    contributions.register()
    html = client_for(team_member).get(reverse("projects:project-list")).content.decode()
    assert html.count(f'{reverse("workspace:import-spreadsheet")}?kind=projects"') == 1
