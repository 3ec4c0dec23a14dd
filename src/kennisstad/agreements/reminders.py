"""Reminders before agreements expire: every morning each relationship owner gets one mail
listing the agreements of theirs that expire soon (``AGREEMENT_REMINDER_DAYS`` before the last
day to renew or end them), in their own language.

Each agreement is reminded once per expiry date: ``reminded_for`` is set to the expiry date in
the transaction that sends the mail, so a rerun (or a restarted worker) mails nobody twice and
a failed mail is retried on the next run. A changed expiry date, or the next term of an
agreement renewed automatically, is another date and gets its own reminder. An agreement
without a relationship owner who can be mailed is counted as skipped."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from itertools import groupby
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kennisstad.accounts import access

from . import selectors
from .models import Agreement

logger = logging.getLogger(__name__)


@dataclass
class ReminderRun:
    mails: int = 0
    agreements: int = 0
    skipped: int = 0
    failed: int = 0


class _AlreadyClaimed(Exception):
    """Another run reminded some of these agreements meanwhile; this run leaves them alone."""


def _mailable(owner) -> bool:
    return owner is not None and owner.is_active and bool(owner.email) and access.is_team(owner)


def _mail(owner, agreements: list[Agreement], today: datetime.date) -> None:
    with translation.override(owner.preferred_language or "nl"):
        rows = [
            {
                "agreement": agreement,
                "expires_on": agreement.current_expiry(today),
                "notice_deadline": agreement.notice_deadline(today),
            }
            for agreement in agreements
        ]
        context = {"user": owner, "rows": rows, "site_url": settings.SITE_URL.rstrip("/")}
        subject = _("Agreements expiring soon: %(count)s") % {"count": len(agreements)}
        body = render_to_string("agreements/reminder.txt", context)
    send_mail(subject, body, None, [owner.email])


def _claim(agreements: list[Agreement], today: datetime.date) -> None:
    for agreement in agreements:
        expiry = agreement.current_expiry(today)
        claimed = (
            Agreement.objects.filter(pk=agreement.pk)
            .exclude(reminded_for=expiry)
            .update(reminded_for=expiry)
        )
        if not claimed:
            raise _AlreadyClaimed


def send_expiry_reminders(*, today: datetime.date, days: int | None = None) -> ReminderRun:
    """Mail each relationship owner their agreements expiring soon, each expiry date once."""
    run = ReminderRun()
    due = selectors.agreements_to_remind(today, days)
    mailable = [a for a in due if _mailable(a.relationship_owner)]
    run.skipped = len(due) - len(mailable)
    mailable.sort(key=lambda agreement: agreement.relationship_owner_id or 0)
    for _owner_id, group in groupby(
        mailable, key=lambda agreement: agreement.relationship_owner_id
    ):
        agreements = list(group)
        owner = agreements[0].relationship_owner
        try:
            with transaction.atomic():
                _claim(agreements, today)  # first: a run at the same time finds them claimed
                _mail(owner, agreements, today)
        except _AlreadyClaimed:
            continue
        except (SMTPException, OSError):
            logger.warning("Agreement reminder to user:%s not sent; retried next run.", owner.pk)
            run.failed += 1
            continue
        run.mails += 1
        run.agreements += len(agreements)
    return run
