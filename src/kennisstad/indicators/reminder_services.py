"""Reminders about missing figures before and after a P&C deadline (the performance-management
habit that gets every number in on time).

- Before: from ``remind_days_before`` days ahead up to and including the due date, each owner
  with missing values gets one mail listing them: a team member owner that user, a partner
  organisation each of its active partner editors with an e-mail address.
- After: from the day after the due date, for ``OVERDUE_DAYS`` days (so a calendar filled in
  afterwards does not mail about long-closed deadlines), each active team lead gets one mail
  listing what is still missing per owner, indicators without owner as "no owner".
Every (deadline, recipient, kind) is mailed at most once: the ``ValueReminder`` row is written
in the same transaction as the mail is sent, so a rerun (cron twice, a crash after some mails)
mails nobody twice, and a failed mail is tried again next run. What "missing" means is
``missing``'s docstring. Mails are in the recipient's preferred language.
"""

import datetime
import logging
from dataclasses import dataclass, field
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kennisstad.accounts.models import Role, User
from kennisstad.core.events import log_event_on_commit
from kennisstad.policy.models import Deadline

from .delivery_models import ValueReminder
from .missing import MissingValues, OwnerMissing, by_owner, missing_for_deadlines

logger = logging.getLogger(__name__)

BEFORE, OVERDUE = "before", "overdue"
OVERDUE_DAYS = 30


@dataclass
class Reminder:
    """One mail to be sent: to whom, about which deadline, listing what."""

    deadline: Deadline
    recipient: User
    kind: str
    groups: list[OwnerMissing] = field(default_factory=list)

    @property
    def indicator_ids(self) -> list[int]:
        return [item.indicator.pk for group in self.groups for item in group.items]


def deadlines_to_remind(today: datetime.date) -> list[tuple[Deadline, str]]:
    """The deadlines whose reminder window holds ``today``, with the kind of reminder."""
    result = []
    candidates = Deadline.objects.filter(due_on__gte=today - datetime.timedelta(OVERDUE_DAYS))
    for deadline in candidates.order_by("due_on", "pk"):
        if deadline.due_on - datetime.timedelta(deadline.remind_days_before) <= today:
            if today <= deadline.due_on:
                result.append((deadline, BEFORE))
            else:
                result.append((deadline, OVERDUE))
    return result


def _mailable(users: QuerySet[User]) -> list[User]:
    return list(users.filter(is_active=True).exclude(email="").order_by("pk"))


def _owner_recipients(group: OwnerMissing) -> list[User]:
    if group.kind == "user":
        return _mailable(User.objects.filter(pk=group.owner.pk))
    if group.kind == "organisation":
        return _mailable(
            User.objects.filter(role=Role.PARTNER_EDITOR, organisation_id=group.owner.pk)
        )
    return []


def planned_reminders(*, today: datetime.date) -> list[Reminder]:
    """Every mail due on ``today``, those already sent left out."""
    windows = deadlines_to_remind(today)
    missing = missing_for_deadlines([deadline for deadline, _kind in windows])
    sent = set(
        ValueReminder.objects.filter(deadline__in=[d for d, _k in windows]).values_list(
            "deadline_id", "recipient_id", "kind"
        )
    )
    # A team lead is a member of the team: the flag on a partner or reader account is ignored.
    leads = (
        _mailable(
            User.objects.filter(is_team_lead=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR])
        )
        if windows
        else []
    )
    reminders = []
    for deadline, kind in windows:
        groups = by_owner(missing[deadline.pk])
        if not groups:
            continue
        if kind == OVERDUE:
            reminders += [Reminder(deadline, lead, kind, groups) for lead in leads]
            continue
        for group in groups:
            reminders += [
                Reminder(deadline, user, kind, [group]) for user in _owner_recipients(group)
            ]
    return [r for r in reminders if (r.deadline.pk, r.recipient.pk, r.kind) not in sent]


def render_reminder(reminder: Reminder) -> tuple[str, str]:
    """The subject and text of a reminder, in the recipient's language."""
    with translation.override(reminder.recipient.preferred_language or "nl"):
        deadline = reminder.deadline
        context = {
            "recipient": reminder.recipient,
            "deadline": deadline,
            "document": document_label(deadline),
            "groups": [
                {
                    "group": group,
                    "items": [_item(item, reminder.recipient) for item in group.items],
                }
                for group in reminder.groups
            ],
        }
        if reminder.kind == BEFORE:
            subject = _("Figures still missing for %(document)s (due %(date)s)")
            body = render_to_string("indicators/mail/value_reminder.txt", context)
        else:
            subject = _("Figures missing after the deadline for %(document)s (%(date)s)")
            body = render_to_string("indicators/mail/value_overdue.txt", context)
        subject %= {"document": context["document"], "date": deadline.due_on.strftime("%d-%m-%Y")}
    return subject, body


def document_label(deadline: Deadline) -> str:
    """How a reminder names the document the input is for: "begroting 2019",
    "bestuursrapportage 2018-2"."""
    if deadline.document_kind == "bestuursrapportage":
        return _("bestuursrapportage %(year)s-%(number)s") % {
            "year": deadline.year,
            "number": deadline.sequence,
        }
    if deadline.document_kind == "begroting":
        return _("begroting %(year)s") % {"year": deadline.year}
    return _("jaarstukken %(year)s") % {"year": deadline.year}


def _item(item: MissingValues, recipient: User) -> dict[str, object]:
    """One missing figure with the link the recipient can open: a partner editor enters it on
    its delivery page (the indicator page is the municipality's)."""
    if recipient.role == Role.PARTNER_EDITOR:
        path = reverse("indicators:deliver", args=[item.indicator.pk])
    else:
        path = reverse("indicators:indicator-detail", args=[item.indicator.pk])
    return {
        "name": item.indicator.name,
        "code": item.indicator.policy_area.code,
        "figures": item.labels,
        "url": f"{settings.SITE_URL.rstrip('/')}{path}",
    }


def send_value_reminders(*, today: datetime.date, dry_run: bool = False) -> list[Reminder]:
    """Send the reminders due on ``today`` (none when ``dry_run``); returns those sent (or that
    would be)."""
    sent = []
    for reminder in planned_reminders(today=today):
        if dry_run or _send(reminder):
            sent.append(reminder)
    return sent


def _send(reminder: Reminder) -> bool:
    """Record and mail one reminder in one transaction; False when another run recorded it or
    the mail could not be sent (then nothing is recorded, the next run tries again, and the
    other recipients are still mailed)."""
    subject, body = render_reminder(reminder)
    try:
        with transaction.atomic():
            ValueReminder.objects.create(
                deadline=reminder.deadline,
                recipient=reminder.recipient,
                kind=reminder.kind,
                indicators=reminder.indicator_ids,
            )
            send_mail(subject, body, None, [reminder.recipient.email])
            log_event_on_commit(
                "indicators.reminder.sent",
                deadline=reminder.deadline.pk,
                recipient=reminder.recipient.pk,
                kind=reminder.kind,
                indicators=len(reminder.indicator_ids),
            )
    except IntegrityError:
        return False
    except (SMTPException, OSError):
        logger.exception(
            "Reminder to %s about deadline %s not sent; retried on the next run.",
            reminder.recipient.pk,
            reminder.deadline.pk,
        )
        return False
    return True
