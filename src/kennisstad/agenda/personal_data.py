"""The agenda's part of a person's personal-data export: the activities they took part in.

Registered with ``relations.personal_data``; an erased person stays a participant (as an
anonymous contact), so nothing here needs erasing.
"""

from django.utils.translation import gettext_lazy as _

from kennisstad.relations.personal_data import register_section

from .models import Activity


def _participations(person) -> list[dict]:
    activities = Activity.objects.filter(people=person).select_related("project")
    return [
        {
            "id": activity.pk,
            "title": activity.title_nl,
            "kind": activity.get_kind_display(),
            "starts_at": activity.starts_at,
            "ends_at": activity.ends_at,
            "city": activity.city,
            "country": activity.country.code,
            "project": activity.project.title_nl if activity.project else "",
        }
        for activity in activities.order_by("starts_at", "pk")
    ]


register_section(
    "activities",
    _("Activity participations"),
    _participations,
    order=40,
    labels={
        "id": _("Number"),
        "title": _("Title"),
        "kind": _("Kind"),
        "starts_at": _("Start"),
        "ends_at": _("End"),
        "city": _("City"),
        "country": _("Country"),
        "project": _("Project"),
    },
)
