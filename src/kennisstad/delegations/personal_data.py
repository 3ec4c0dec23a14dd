"""The delegations' part of a person's personal data: the delegations they were a member of,
with function and form of address. On erasure the membership stays (the delegation keeps its
size) but its function and form of address, which identify the person, are blanked, also in
the audit trail."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisstad.privacy.lawful_basis import LawfulBasis
from kennisstad.privacy.registry import register_processing_activity, register_record_kind
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
def blank_memberships(people, needles) -> int:
    blank = {"function": "", "form_of_address": ""}
    pks = [person.pk for person in people]
    members = DelegationMember.objects.filter(person_id__in=pks).update(**blank)
    return members + DelegationMember.history.filter(person_id__in=pks).update(**blank)


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


def blank_past_memberships(*, cutoff, dry_run: bool = False, **_unused) -> int:
    """The purge as ``privacy`` runs it for the kind "delegation member": function and form of
    address of members of visits that ended before ``cutoff`` are blanked, also in the audit
    trail; the membership stays, so the delegation keeps its size."""
    before = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    due = DelegationMember.objects.filter(delegation__activity__ends_at__lt=before).exclude(
        function="", form_of_address=""
    )
    if dry_run:
        return due.count()
    ids = list(due.values_list("pk", flat=True))
    blank = {"function": "", "form_of_address": ""}
    DelegationMember.history.filter(id__in=ids).update(**blank)
    return DelegationMember.objects.filter(pk__in=ids).update(**blank)


register_record_kind(
    "delegations.member",
    _("Delegation member (function and form of address)"),
    default_months=24,
    starts_from=_("the end of the visit"),
    ground=_(
        "AVG art. 5(1)(e): protocol needs end with the visit; two years keeps them for a "
        "return visit"
    ),
    purge=blank_past_memberships,
    order=50,
)
register_processing_activity(
    "delegations.visits",
    _("Incoming and outgoing visits and delegations"),
    purposes=_(
        "Preparing and receiving delegations, protocol, programme and needs; the "
        "foreign-travel register"
    ),
    data_subjects=_("Members of delegations and hosting contacts"),
    personal_data=_("Name, function, form of address, organisation; the programme"),
    lawful_basis=LawfulBasis.PUBLIC_TASK,
    recipients=_(
        "The international-affairs team; hosts and interpreters as far as the programme needs"
    ),
    transfers=_("For outgoing missions: the hosts abroad, as far as the programme needs"),
    record_kinds=("delegations.member", "relations.person"),
    security=_("Access by role; versioned records with an audit trail"),
    order=50,
)
