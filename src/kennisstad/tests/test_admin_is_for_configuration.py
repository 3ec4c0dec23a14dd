"""The admin site configures; registry records are read-only there so every change goes through
the services (versions, audit trail, iCalendar SEQUENCE)."""

import pytest
from django.urls import reverse

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.core.models import Theme
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_registry_records_are_read_only_in_the_admin(client_for, administrator):
    project = ProjectFactory()
    web = client_for(administrator)
    assert web.get(reverse("admin:projects_project_changelist")).status_code == 200
    response = web.post(
        reverse("admin:projects_project_change", args=[project.pk]), {"title_nl": "Anders"}
    )
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.title_nl != "Anders"
    assert web.get(reverse("admin:projects_project_add")).status_code == 403


def test_configuration_is_saved_with_a_version_check(client_for, administrator):
    theme = Theme.objects.get(slug="energie")
    web = client_for(administrator)
    url = reverse("admin:core_theme_change", args=[theme.pk])
    data = {
        "slug": "energie",
        "name_nl": "Energietransitie",
        "name_en": "Energy transition",
        "version_read": theme.version,
    }
    assert web.post(url, data).status_code == 302
    theme.refresh_from_db()
    assert (theme.name_nl, theme.version, theme.updated_by) == (
        "Energietransitie",
        2,
        administrator,
    )
    stale = web.post(url, {**data, "name_nl": "Energie", "version_read": 1})
    assert stale.status_code == 200  # the form comes back with the error
    theme.refresh_from_db()
    assert theme.name_nl == "Energietransitie"


def test_the_role_decides_who_administers():
    user = UserFactory(username="beheerder", role=Role.ADMINISTRATOR)
    assert user.is_staff and user.is_superuser
    user.role = Role.TEAM_MEMBER
    user.save()
    assert not user.is_staff and not user.is_superuser
