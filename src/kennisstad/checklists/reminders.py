"""Reminders of checklist tasks: every night each owner gets one mail listing their open tasks
due within ``CHECKLIST_REMINDER_DAYS`` days (or already overdue) that were never reminded, in
their own language. Each task is reminded once: ``reminded_at`` is set in the transaction that
sends the mail, so a rerun sends nothing twice and a failed mail is retried on the next run.
Done tasks and tasks of cancelled events are never mailed."""

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
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import selectors
from .models import Task

logger = logging.getLogger(__name__)


@dataclass
class ReminderRun:
    mails: int = 0
    tasks: int = 0
    failed: int = 0


def _mail(owner, tasks: list[Task], today: datetime.date) -> None:
    with translation.override(owner.preferred_language or "nl"):
        context = {
            "user": owner,
            "tasks": tasks,
            "today": today,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        subject = _("Checklist tasks due soon: %(count)s") % {"count": len(tasks)}
        body = render_to_string("checklists/reminder.txt", context)
    send_mail(subject, body, None, [owner.email])


def send_task_reminders(*, today: datetime.date, days: int | None = None) -> ReminderRun:
    """Mail each owner their tasks due within ``days`` days that were not reminded before."""
    days = settings.CHECKLIST_REMINDER_DAYS if days is None else days
    run = ReminderRun()
    due = selectors.tasks_to_remind(today=today, days=days)
    for _owner_id, group in groupby(due, key=lambda task: task.owner_id):
        tasks = list(group)
        owner = tasks[0].owner
        try:
            with transaction.atomic():
                # Claim the tasks first: a second run at the same time finds them reminded.
                claimed = Task.objects.filter(
                    pk__in=[task.pk for task in tasks], reminded_at__isnull=True
                ).update(reminded_at=timezone.now())
                if claimed != len(tasks):
                    raise _AlreadyClaimed
                _mail(owner, tasks, today)
        except _AlreadyClaimed:
            continue
        except (SMTPException, OSError):
            logger.warning("Checklist reminder to user:%s not sent; retried next run.", owner.pk)
            run.failed += 1
            continue
        run.mails += 1
        run.tasks += len(tasks)
    return run


class _AlreadyClaimed(Exception):
    """Another run reminded some of these tasks meanwhile; this run leaves them alone."""
