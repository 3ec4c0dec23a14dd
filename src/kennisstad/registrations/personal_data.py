"""The registrations' part of a person's personal data: their registrations for activities,
matched by the contact link or by any email address the person has (or had).

Registered with ``relations.personal_data``. The erasure deletes the registrations and every
version of them in the history: nothing of them stays, not even the deletion."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kennisstad.privacy.lawful_basis import LawfulBasis
from kennisstad.privacy.registry import register_processing_activity, register_record_kind
from kennisstad.relations.personal_data import register_eraser, register_section

from . import retention
from .models import Registration
from .retention import delete_with_history
from .services import normalise_email


def _emails(person, needles: list[str] | None = None) -> set[str]:
    """The person's addresses, now and in their history (and those the erasure searches)."""
    found = {person.email}
    found |= set(person.history.values_list("email", flat=True))
    found |= {needle for needle in needles or () if "@" in needle}
    return {normalise_email(email) for email in found if email and email.strip()}


def registrations_of(person, needles: list[str] | None = None):
    condition = Q(person_id=person.pk)
    emails = _emails(person, needles)
    if emails:
        condition |= Q(email__in=emails)
    return Registration.objects.filter(condition)


def _rows(person) -> list[dict]:
    registrations = registrations_of(person).select_related("activity")
    return [
        {
            "id": registration.pk,
            "activity": registration.activity.title_nl,
            "starts_at": registration.activity.starts_at,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "status": registration.get_status_display(),
            "answers": "; ".join(f"{k}: {v}" for k, v in registration.answers.items() if v),
            "consent_given_at": registration.consent_given_at,
            "checked_in_at": registration.checked_in_at,
            "registered_at": registration.created_at,
        }
        for registration in registrations.order_by("created_at", "pk")
    ]


register_section(
    "registrations",
    _("Registrations for activities"),
    _rows,
    order=45,
    labels={
        "id": _("Number"),
        "activity": _("Activity"),
        "starts_at": _("Start"),
        "name": _("Name"),
        "email": _("Email address"),
        "organisation": _("Organisation"),
        "status": _("Status"),
        "answers": _("Answers"),
        "consent_given_at": _("Consent given at"),
        "checked_in_at": _("Checked in at"),
        "registered_at": _("Registered at"),
    },
)


@register_eraser
def erase_registrations(people, needles) -> int:
    """Delete the people's registrations with their whole history; also history versions of
    registrations that once carried one of their addresses (the needles hold every address
    the people have or had, merged records' included)."""
    person_ids = [person.pk for person in people]
    emails = {normalise_email(person.email) for person in people if person.email}
    emails |= {normalise_email(needle) for needle in needles if "@" in needle}
    emails.discard("")
    condition = Q(person_id__in=person_ids)
    if emails:
        condition |= Q(email__in=emails)
    pks = list(Registration.objects.filter(condition).values_list("pk", flat=True))
    history = Registration.history.model.objects
    pks += (
        history.filter(email__in=emails).values_list("id", flat=True).distinct() if emails else []
    )
    return delete_with_history(sorted(set(pks)))


register_record_kind(
    "registrations.registration",
    _("Registration for an activity"),
    default_months=3,
    starts_from=_("the end of the activity"),
    ground=_(
        "AVG art. 5(1)(e): needed only to run the activity; an activity's own number of days "
        "can shorten the period, not lengthen it"
    ),
    purge=retention.purge_kind,
    order=30,
)
register_processing_activity(
    "registrations.registrations",
    _("Registrations for receptions, seminars and webinars"),
    purposes=_("Admitting visitors to the municipality's activities and counting them"),
    data_subjects=_("People who register for an activity"),
    personal_data=_(
        "Name, email address, organisation, language, answers to the activity's questions "
        "(dietary, accessibility or interpretation needs when asked), check-in"
    ),
    lawful_basis=LawfulBasis.CONSENT,
    recipients=_("The international-affairs team; the organiser of the activity"),
    transfers=_("None"),
    record_kinds=("registrations.registration",),
    security=_(
        "A secret personal link per registrant; team pages behind multi-factor sign-in; "
        "deleted with their history after the period, anonymous counts kept"
    ),
    order=30,
)
