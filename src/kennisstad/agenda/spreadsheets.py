"""Activities as spreadsheet columns, for the calendar list export."""

from django.utils.translation import gettext_lazy as _

from kennisstad.core.exports import Column, choice_label

from .models import ActivityKind, ActivityStatus, Visibility


def _organiser(activity) -> str:
    if activity.organiser_organisation_id:
        return activity.organiser_organisation.name
    return activity.organiser_department


ACTIVITY_COLUMNS = [
    Column("id", _("ID"), lambda a: a.pk),
    Column("title_nl", _("Title (Dutch)"), lambda a: a.title_nl),
    Column("title_en", _("Title (English)"), lambda a: a.title_en),
    Column("kind", _("Kind"), choice_label("kind", ActivityKind.choices)),
    Column("starts_at", _("Start"), lambda a: a.first_day if a.all_day else a.starts_at),
    Column("ends_at", _("End"), lambda a: a.last_day if a.all_day else a.ends_at),
    Column("all_day", _("All day"), lambda a: str(_("yes") if a.all_day else _("no"))),
    Column("location", _("Location"), lambda a: a.location),
    Column("city", _("City"), lambda a: a.city),
    Column("country", _("Country"), lambda a: a.country.name if a.country else ""),
    Column("organiser", _("Organiser"), _organiser),
    Column("project", _("Project"), lambda a: a.project.title if a.project_id else ""),
    Column("themes", _("Themes"), lambda a: "; ".join(t.name for t in a.themes.all())),
    Column("visibility", _("Visibility"), choice_label("visibility", Visibility.choices)),
    Column("status", _("Status"), choice_label("status", ActivityStatus.choices)),
]


def activity_columns(user) -> list[Column]:
    """The columns for ``user``: a project the user may not see is left out of its column
    (a partner's own activity can belong to an internal project)."""
    from kennisstad.accounts import access
    from kennisstad.projects.models import Project

    if access.is_team_or_reader(user):
        return ACTIVITY_COLUMNS
    visible = set(access.visible_projects(user, Project.objects.all()).values_list("pk", flat=True))

    def project(activity) -> str:
        return activity.project.title if activity.project_id in visible else ""

    return [
        Column("project", column.label, project) if column.key == "project" else column
        for column in ACTIVITY_COLUMNS
    ]
