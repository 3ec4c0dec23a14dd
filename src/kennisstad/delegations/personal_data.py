"""The delegations' part of a person's personal data: the delegations they were a member of,
with function and form of address. On erasure the membership stays (the delegation keeps its
size) but its function and form of address, which identify the person, are blanked, also in
the audit trail."""

from django.utils.translation import gettext_lazy as _

from kennisstad.relations.personal_data import register_eraser, register_section

from .models import DelegationMember


def _memberships(person) -> list[dict]:
    members = DelegationMember.objects.filter(person=person).select_related("delegation__activity")
    return [
        {
            "id": member.delegation_id,
            "visit": member.delegation.activity.title_nl,
            "starts_at": member.delegation.activity.starts_at,
            "function": member.function,
            "form_of_address": member.form_of_address,
            "head": member.is_head,
        }
        for member in members.order_by("delegation__activity__starts_at", "pk")
    ]


@register_eraser
def blank_memberships(person, needles) -> int:
    blank = {"function": "", "form_of_address": ""}
    members = DelegationMember.objects.filter(person=person).update(**blank)
    return members + DelegationMember.history.filter(person_id=person.pk).update(**blank)


register_section(
    "delegations",
    _("Delegation memberships"),
    _memberships,
    order=45,
    labels={
        "id": _("Number"),
        "visit": _("Visit"),
        "starts_at": _("Start"),
        "function": _("Function"),
        "form_of_address": _("Form of address"),
        "head": _("Head of delegation"),
    },
)
