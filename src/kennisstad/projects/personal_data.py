"""The projects' part of a person's personal-data export: projects the person is linked to
through the activities they took part in (projects hold no people directly)."""

from django.utils.translation import gettext_lazy as _

from kennisstad.relations.personal_data import register_section

from .models import Project


def _projects(person) -> list[dict]:
    projects = Project.objects.filter(activities__people=person).distinct()
    return [
        {"id": project.pk, "title": project.title_nl, "status": project.get_status_display()}
        for project in projects.order_by("title_nl", "pk")
    ]


register_section(
    "projects",
    _("Project links"),
    _projects,
    order=50,
    labels={"id": _("Number"), "title": _("Title"), "status": _("Status")},
)
