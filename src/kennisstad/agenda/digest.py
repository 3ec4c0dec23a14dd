"""The weekly digest: each team member gets the international activities of the coming days,
in their own language (``send-digest``, the ``agenda.send_digest`` task on Monday morning).

Each recipient's mail is recorded (``DigestMail``, one per recipient and day) in the same
transaction that sends it: a rerun on the same day mails nobody twice, a mail that failed is
not recorded and goes out on the rerun, and the other recipients are mailed meanwhile.

Apps above ``agenda`` add parts to the mail through ``DIGEST_SECTIONS`` (``checklists`` adds the
recipient's overdue tasks) without ``agenda`` importing them."""

import datetime
import logging
from dataclasses import dataclass
from smtplib import SMTPException

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kennisstad.accounts.models import Role, User
from kennisstad.core.contributions import ExtensionPoint

from .digest_models import DigestMail
from .selectors import upcoming_activities

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DigestSection:
    """A part another app adds to a recipient's digest: a heading and its lines of text."""

    heading: str
    lines: tuple[str, ...]


# Each contribution: (user, *, today, days) -> DigestSection | None, called in the user's language.
DIGEST_SECTIONS = ExtensionPoint("digest sections")


def digest_sections(user: User, *, today: datetime.date, days: int) -> list[DigestSection]:
    sections = (contribution(user, today=today, days=days) for contribution in DIGEST_SECTIONS)
    return [section for section in sections if section is not None and section.lines]


@dataclass
class DigestRun:
    """What one run did: mails sent, recipients mailed earlier that day, mails that failed."""

    sent: int = 0
    already: int = 0
    failed: int = 0

    def counts(self) -> dict[str, int]:
        return {"sent": self.sent, "already": self.already, "failed": self.failed}


def digest_recipients():
    return (
        User.objects.filter(is_active=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR])
        .exclude(email="")
        .order_by("pk")
    )


def render_digest(user: User, days: int, today: datetime.date | None = None) -> tuple[str, str]:
    """The subject and text of ``user``'s digest, in their language."""
    today = today or timezone.localdate()
    with translation.override(user.preferred_language or "nl"):
        activities = list(upcoming_activities(user=user, days=days))
        context = {
            "user": user,
            "activities": activities,
            "days": days,
            "sections": digest_sections(user, today=today, days=days),
        }
        subject = _("International activities of the coming %(days)s days") % {"days": days}
        body = render_to_string("agenda/digest.txt", context)
    return subject, body


def send_digest(*, days: int = 14, today: datetime.date | None = None) -> DigestRun:
    """Mail the digest to every team member not yet mailed on ``today``."""
    today = today or timezone.localdate()
    run = DigestRun()
    already = set(DigestMail.objects.filter(sent_on=today).values_list("recipient_id", flat=True))
    for user in digest_recipients():
        if user.pk in already:
            run.already += 1
            continue
        subject, body = render_digest(user, days, today)
        try:
            with transaction.atomic():
                DigestMail.objects.create(recipient=user, sent_on=today)
                send_mail(subject, body, None, [user.email])
        except IntegrityError:
            run.already += 1  # another run mailed them meanwhile
        except (SMTPException, OSError):
            logger.warning("Digest to user:%s not sent; retried on the rerun.", user.pk)
            run.failed += 1
        else:
            run.sent += 1
    return run
