"""The agenda's part of a person's personal data: the activities they took part in.

Registered with ``relations.personal_data``. An erased person stays a participant (as an
anonymous contact). Activities whose texts name the person are scrubbed by the erasure; here
they get a new SEQUENCE and modification time first, so calendar feeds (cached per event
version, answered with ETags) and subscribed calendars pick up the scrubbed text.
"""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisstad.relations.personal_data import register_eraser, register_section
from kennisstad.relations.scrubbing import rows_naming

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


TEXT_FIELDS = ("title_nl", "title_en", "description_nl", "description_en", "location")


@register_eraser
def renew_activities_naming_the_person(people, needles) -> int:
    """Found through the index of where personal data lives, not by scanning the table."""
    rows = rows_naming(needles, model=Activity).get(Activity, {})
    pks = [pk for pk, texts in rows.items() if set(texts) & set(TEXT_FIELDS)]
    if not pks:
        return 0
    return Activity.objects.filter(pk__in=pks).update(
        sequence=F("sequence") + 1, updated_at=timezone.now()
    )
