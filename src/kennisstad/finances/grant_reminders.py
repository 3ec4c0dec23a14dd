"""Reminders about grants' accountability (verantwoording): before it is due the grant's
handler is reminded (the team leads when the grant has no handler); once it is overdue the
handler and the team leads are told. Each mail in its recipient's own language.

Each (grant, due date, kind) is mailed at most once: the reminder is recorded
(``GrantReminder``, unique) in the same transaction that sends it, so a rerun, or two runs at
once, sends nothing twice, and a failed send is retried on the next run. A due date that moves
gets reminders of its own.
"""

import datetime
import logging
from dataclasses import dataclass, field
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kennisstad.accounts.models import Role, User

from . import grant_selectors
from .grant_models import Grant, GrantReminder

logger = logging.getLogger(__name__)

BEFORE, OVERDUE = "before", "overdue"


@dataclass
class ReminderRun:
    """What one run sent: the reminders per kind and the mails."""

    before: int = 0
    overdue: int = 0
    mails: int = 0
    skipped: list[str] = field(default_factory=list)


def team_leads() -> list[User]:
    # A team lead is a member of the team: the flag on a partner or reader account is ignored.
    leads = User.objects.filter(
        is_active=True, is_team_lead=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR]
    )
    return list(leads.exclude(email=""))


def recipients_for(grant: Grant, kind: str, leads: list[User]) -> list[User]:
    """Before: the handler, else the team leads. Overdue: the handler and the team leads."""
    owner = grant.owner if grant.owner and grant.owner.is_active and grant.owner.email else None
    handler = [owner] if owner else []
    chosen = (handler or leads) if kind == BEFORE else (handler + leads)
    unique: dict[int, User] = {}
    for user in chosen:
        unique.setdefault(user.pk, user)
    return list(unique.values())


def _mail(grant: Grant, kind: str, user: User, today: datetime.date) -> None:
    with translation.override(user.preferred_language or "nl"):
        context = {
            "grant": grant,
            "user": user,
            "kind": kind,
            "today": today,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        if kind == BEFORE:
            subject = _("Accountability for the grant %(grant)s is due on %(date)s")
        else:
            subject = _("Accountability for the grant %(grant)s is overdue since %(date)s")
        due = grant.accountability_due
        subject = subject % {"grant": grant.title, "date": due.isoformat() if due else ""}
        body = render_to_string("finances/grant_reminder.txt", context)
    send_mail(subject, body, None, [user.email])


def _remind(grant: Grant, kind: str, leads: list[User], today: datetime.date) -> int:
    """Record and send one reminder; 0 mails when it was sent before or has nobody to go to."""
    recipients = recipients_for(grant, kind, leads)
    if not recipients or grant.accountability_due is None:
        return 0
    try:
        with transaction.atomic():
            GrantReminder.objects.create(
                grant=grant,
                due_on=grant.accountability_due,
                kind=kind,
                recipients=[user.pk for user in recipients],
            )
            for user in recipients:
                _mail(grant, kind, user, today)
    except IntegrityError:
        return 0  # another run recorded it first
    except (SMTPException, OSError):
        # Nothing is recorded, so the next run tries again; the other grants still go out.
        logger.exception("Grant reminder for grant %s not sent.", grant.pk)
        return 0
    return len(recipients)


def send_grant_reminders(*, today: datetime.date) -> ReminderRun:
    """Remind about every grant whose accountability is due soon or overdue on ``today``."""
    run = ReminderRun()
    leads = team_leads()
    wanted = (
        (BEFORE, grant_selectors.due_soon(today)),
        (OVERDUE, grant_selectors.overdue(today)),
    )
    for kind, condition in wanted:
        already = GrantReminder.objects.filter(
            kind=kind, grant_id=OuterRef("pk"), due_on=OuterRef("accountability_due")
        )
        grants = (
            Grant.objects.filter(condition)
            .exclude(Exists(already))
            .select_related("owner", "organisation")
            .order_by("accountability_due", "pk")
        )
        for grant in grants:
            mails = _remind(grant, kind, leads, today)
            if not mails:
                run.skipped.append(str(grant))
                continue
            run.mails += mails
            setattr(run, kind, getattr(run, kind) + 1)
    return run
