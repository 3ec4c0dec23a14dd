"""The files' part of a person's personal data: the files whose title, description or file name
names the person (their content is not read), so an export shows them and the team can judge
whether an erasure should remove them too.

Registered with ``relations.personal_data``. An erasure needs no eraser of its own here: the
erasure's scrub of every text column already removes the name from the files' titles,
descriptions, file names and their audit trail; the files themselves are removed by the team on
the file's page (a real delete, the bytes with it)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kennisstad.relations.personal_data import register_section

from .models import Attachment

TEXT_FIELDS = ("title", "description", "versions__original_name")


def _mentions(person) -> Q:
    needles = [f"{person.first_name} {person.last_name}".strip(), (person.email or "").strip()]
    condition = Q(pk__in=[])
    for needle in (n for n in needles if len(n) >= 5):
        for field in TEXT_FIELDS:
            condition |= Q(**{f"{field}__icontains": needle})
    return condition


def _files_naming(person) -> list[dict]:
    files = Attachment.objects.filter(_mentions(person)).distinct().order_by("pk")
    return [
        {
            "id": attachment.pk,
            "title": attachment.title,
            "record": str(attachment.record),
            "document_date": attachment.document_date,
            "holds_personal_data": attachment.holds_personal_data,
        }
        for attachment in files
    ]


register_section(
    "files",
    _("Files that name the person"),
    _files_naming,
    order=80,
    labels={
        "id": _("Number"),
        "title": _("Title"),
        "record": _("Record"),
        "document_date": _("Document date"),
        "holds_personal_data": _("Holds personal data"),
    },
)
