"""Mails about delivered figures, each in the recipient's own language: when a partner submits
a value the team hears of it (its team leads, or every team member when no one leads), and when
the team decides, the partner who entered it hears the outcome.

The services call ``notify_*`` once the value is committed; each mail is then one task
(``indicators.send_delivery_mail``) for one recipient, sent by the worker, so a slow or absent
mail server never holds up or breaks the partner's or reviewer's page, and a mail the server
refused for now is tried again later for that recipient only."""

from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kennisstad.accounts.models import Role, User
from kennisstad.core.background import TransientError, enqueue

from .formatting import format_realisation
from .models import DeliveredValue, DeliveryStatus

SUBMITTED, APPROVED, REJECTED = "submitted", "approved", "rejected"


def reviewers() -> QuerySet[User]:
    """Who is told of a new value: the team leads; without one, the whole team."""
    team = User.objects.filter(
        is_active=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR]
    ).exclude(email="")
    leads = team.filter(is_team_lead=True)
    return leads if leads.exists() else team


def _url(name: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name)


def notify_submitted(delivered: DeliveredValue) -> None:
    """Queue the mail to each reviewer (called once the submission is committed)."""
    from .tasks import send_delivery_mail

    for user in reviewers():
        enqueue(send_delivery_mail, delivered.pk, user.pk, SUBMITTED)


def notify_reviewed(delivered: DeliveredValue) -> None:
    """Queue the decision's mail to the partner who entered the value. The decision is named
    now: the mail tells what was decided, whatever happens to the value before it is sent."""
    from .tasks import send_delivery_mail

    submitter = delivered.submitted_by
    if not submitter.email or not submitter.is_active:
        return
    kind = APPROVED if delivered.status == DeliveryStatus.APPROVED else REJECTED
    enqueue(send_delivery_mail, delivered.pk, submitter.pk, kind)


def send_one(delivered_id: int, recipient_id: int, kind: str) -> int:
    """Send one mail; 0 when the value or the recipient is gone meanwhile. A mail server that
    fails raises ``TransientError`` (the task tries again later)."""
    delivered = (
        DeliveredValue.objects.select_related("indicator", "submitted_by")
        .filter(pk=delivered_id)
        .first()
    )
    user = User.objects.filter(pk=recipient_id, is_active=True).exclude(email="").first()
    if delivered is None or user is None:
        return 0
    with translation.override(user.preferred_language or "nl"):
        subject, template, context = _message(delivered, kind)
        body = render_to_string(template, {**context, "recipient": user})
    try:
        send_mail(subject, body, None, [user.email])
    except (OSError, SMTPException) as exc:
        raise TransientError(f"delivery mail to user:{user.pk} not sent") from exc
    return 1


def _message(delivered: DeliveredValue, kind: str) -> tuple[str, str, dict]:
    """Subject, template and context of the mail, in the active language."""
    names = {"indicator": delivered.indicator.name, "year": delivered.year}
    if kind == SUBMITTED:
        context = {
            "delivered": delivered,
            "value_text": format_realisation(delivered.indicator, delivered),
            "url": _url("indicators:deliveries-awaiting"),
        }
        subject = _("Value to approve: %(indicator)s %(year)s") % names
        return subject, "indicators/mail/delivery_submitted.txt", context
    approved = kind == APPROVED
    context = {
        "delivered": delivered,
        "approved": approved,
        "url": _url("indicators:my-indicators"),
    }
    if approved:
        subject = _("Your value was approved: %(indicator)s %(year)s") % names
    else:
        subject = _("Your value was rejected: %(indicator)s %(year)s") % names
    return subject, "indicators/mail/delivery_reviewed.txt", context
