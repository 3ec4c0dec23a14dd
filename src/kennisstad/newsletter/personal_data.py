"""The newsletter's part of a person's personal data: subscriptions under the person's email
address. Registered with ``relations.personal_data``; the erasure removes the subscription and
every version of it in the history (deliveries stay, without an address)."""

from django.utils.translation import gettext_lazy as _

from kennisstad.privacy.lawful_basis import LawfulBasis
from kennisstad.privacy.registry import register_processing_activity, register_record_kind
from kennisstad.relations.personal_data import register_eraser, register_section

from .models import Subscriber
from .services import delete_subscribers, normalise_email, purge_unsubscribed


def _subscriptions_of(person):
    email = normalise_email(person.email)
    return Subscriber.objects.filter(email=email) if email else Subscriber.objects.none()


def _subscriptions(person) -> list[dict]:
    return [
        {
            "email": subscriber.email,
            "status": subscriber.get_status_display(),
            "language": subscriber.language,
            "themes": ", ".join(theme.name_nl for theme in subscriber.themes.all()),
            "consent_text": subscriber.consent_text,
            "created_at": subscriber.created_at,
            "confirmed_at": subscriber.confirmed_at,
            "unsubscribed_at": subscriber.unsubscribed_at,
        }
        for subscriber in _subscriptions_of(person).prefetch_related("themes")
    ]


register_section(
    "newsletter",
    _("Newsletter subscription"),
    _subscriptions,
    order=60,
    labels={
        "email": _("Email address"),
        "status": _("Status"),
        "language": _("Language"),
        "themes": _("Themes"),
        "consent_text": _("Consent given to"),
        "created_at": _("Subscribed at"),
        "confirmed_at": _("Confirmed at"),
        "unsubscribed_at": _("Unsubscribed at"),
    },
)


@register_eraser
def remove_subscriptions(people, needles) -> int:
    """Every subscription under an address the person has or ever had (the needles hold the
    history's addresses): deleted, not scrubbed (two scrubbed rows would clash on the unique
    address, and a scrubbed subscription is of no use)."""
    emails = {normalise_email(needle) for needle in needles if "@" in needle}
    emails |= {normalise_email(person.email) for person in people}
    emails.discard("")
    return delete_subscribers(Subscriber.objects.filter(email__in=emails))


register_record_kind(
    "newsletter.subscriber",
    _("Newsletter subscriber"),
    default_months=1,
    starts_from=_("the unsubscription"),
    ground=_(
        "AVG art. 5(1)(e) and 7(3): consent withdrawn; the address is kept only to handle "
        "questions about the unsubscription"
    ),
    purge=purge_unsubscribed,
    order=40,
)
register_processing_activity(
    "newsletter.newsletter",
    _("The international newsletter"),
    purposes=_("Sending the international newsletter to those who asked for it"),
    data_subjects=_("Subscribers"),
    personal_data=_("Email address, language, themes, the consent text, dates of subscription"),
    lawful_basis=LawfulBasis.CONSENT,
    recipients=_("The international-affairs team; the municipality's mail server"),
    transfers=_("None"),
    record_kinds=("newsletter.subscriber",),
    security=_(
        "Double opt-in; a secret link to unsubscribe in every mail; deliveries kept without "
        "the address"
    ),
    order=40,
)
