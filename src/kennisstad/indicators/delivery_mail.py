"""Mails about delivered figures, each in the recipient's own language: when a partner submits
a value the team hears of it (its team leads, or every team member when no one leads), and when
the team decides, the partner who entered it hears the outcome."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kennisstad.accounts.models import Role, User

from .formatting import format_realisation
from .models import DeliveredValue, DeliveryStatus

logger = logging.getLogger(__name__)


def reviewers() -> QuerySet[User]:
    """Who is told of a new value: the team leads; without one, the whole team."""
    team = User.objects.filter(
        is_active=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR]
    ).exclude(email="")
    leads = team.filter(is_team_lead=True)
    return leads if leads.exists() else team


def _url(name: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name)


def _send(user: User, subject_of, template: str, context: dict) -> None:
    """Sent after the value is stored: a mail server that is down must not turn the partner's
    or reviewer's saved step into an error page, so a failure is logged, not raised."""
    with translation.override(user.preferred_language or "nl"):
        subject = subject_of()
        body = render_to_string(template, {**context, "recipient": user})
    try:
        send_mail(subject, body, None, [user.email])
    except (OSError, SMTPException):
        logger.warning("delivery mail to user:%s failed", user.pk, exc_info=True)


def notify_submitted(delivered: DeliveredValue) -> None:
    context = {
        "delivered": delivered,
        "value_text": format_realisation(delivered.indicator, delivered),
        "url": _url("indicators:deliveries-awaiting"),
    }
    for user in reviewers():
        _send(
            user,
            lambda: (
                _("Value to approve: %(indicator)s %(year)s")
                % {"indicator": delivered.indicator.name, "year": delivered.year}
            ),
            "indicators/mail/delivery_submitted.txt",
            context,
        )


def notify_reviewed(delivered: DeliveredValue) -> None:
    submitter = delivered.submitted_by
    if not submitter.email or not submitter.is_active:
        return
    approved = delivered.status == DeliveryStatus.APPROVED
    context = {
        "delivered": delivered,
        "approved": approved,
        "url": _url("indicators:my-indicators"),
    }
    _send(
        submitter,
        lambda: (
            (
                _("Your value was approved: %(indicator)s %(year)s")
                if approved
                else _("Your value was rejected: %(indicator)s %(year)s")
            )
            % {"indicator": delivered.indicator.name, "year": delivered.year}
        ),
        "indicators/mail/delivery_reviewed.txt",
        context,
    )
