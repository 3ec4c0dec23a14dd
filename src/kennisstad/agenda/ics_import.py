"""Importing calendars from other programs (.ics, RFC 5545) into the shared calendar.

Three steps, with the kernel's import framework (``core.imports``): ``parse_ics`` reads and
checks the file (``ics_parse``), ``plan_events`` matches the events to known UIDs and checks
them without writing (``ics_plan``), and ``write_events`` writes the plan in one short
``import_transaction``, the only part that holds the write lock (rolled back on a dry run). An
event whose UID is known updates that activity when the importer may change it; an unknown one
is added. A partner calendar (``sync_subscription``) changes only its own activities, cancels
those gone from it, and reports a UID another organiser's activity or another calendar's
already uses as a conflict, never applied. Any refusal is an ``ImportRefused``: nothing written.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from kennisstad.core.actors import actor_of
from kennisstad.core.concurrency import refused_when_changed_meanwhile
from kennisstad.core.imports import ImportRefused, ImportReport, import_transaction
from kennisstad.core.signals import announce_bulk_created

from .ics_parse import IcsFormatError, ParsedEvent, parse_ics
from .ics_plan import IcsPlan, chunks, invalid, plan_events, sync_change_reason
from .models import Activity, ActivityStatus, Visibility
from .services import save_activity

MAX_CALENDAR_BYTES = 20_000_000

__all__ = [
    "MAX_CALENDAR_BYTES",
    "IcsFormatError",
    "IcsPlan",
    "ParsedEvent",
    "import_events",
    "parse_ics",
    "plan_events",
    "sync_change_reason",
    "sync_subscription",
    "write_events",
]


def write_events(plan: IcsPlan, *, user=None) -> None:
    """Write a checked plan; runs inside ``import_transaction``. An activity edited, or a UID
    added, by someone else since the plan was checked refuses the import (``IcsFormatError`` on
    that event's line); the transaction then writes nothing."""
    for activity, event in plan.changed:
        with refused_when_changed_meanwhile(
            lambda message, line=event.line: IcsFormatError(line, message)
        ):
            _save(activity, user, event, change_reason=plan.change_reason)
    # New activities in bulk, each with its audit-trail row: a partner calendar or an
    # exported Outlook calendar easily holds thousands of events. In a savepoint, so that
    # after a UID taken meanwhile the transaction can still look up which one.
    with (
        refused_when_changed_meanwhile(
            lambda message: IcsFormatError(_line_taken_meanwhile(plan), message)
        ),
        transaction.atomic(),
    ):
        bulk_create_with_history(
            plan.created,
            Activity,
            batch_size=1000,
            default_user=actor_of(user),
            default_change_reason=plan.change_reason or None,
        )
    index_created(plan.created)


def _save(activity, user, event, *, change_reason="") -> None:
    from django.core.exceptions import ValidationError

    try:
        save_activity(
            activity=activity,
            user=user,
            expected_version=activity.version,
            change_reason=change_reason,
        )
    except ValidationError as exc:
        raise invalid(event, exc) from exc


def _line_taken_meanwhile(plan: IcsPlan) -> int:
    """The line of the first new event whose UID another writer added since the check."""
    for chunk in chunks(list(plan.created_lines)):
        taken = Activity.objects.filter(uid__in=chunk).values_list("uid", flat=True)
        if lines := [plan.created_lines[uid] for uid in taken]:
            return min(lines)
    return min(plan.created_lines.values(), default=1)


def import_events(
    events: list[ParsedEvent],
    *,
    user=None,
    organiser=None,
    visibility: str = Visibility.PARTNERS,
    dry_run: bool = False,
    source: str = "file",
) -> ImportReport:
    """Check everything, then upsert by UID in one short transaction; with ``dry_run`` report
    and roll back. ``source`` (upload, command) only names the import in the log."""
    plan = plan_events(
        events, user=user, organiser=organiser, visibility=visibility, dry_run=dry_run
    )
    organiser_id = organiser.pk if organiser is not None else None
    with import_transaction(plan.report, user=user, source=source, organiser=organiser_id):
        write_events(plan, user=user)
    return plan.report


def sync_subscription(subscription, *, fetch=None) -> ImportReport:
    """Pull one partner calendar: upsert its events by UID and cancel its own activities that
    disappeared from it (kept, so subscribed calendar programs remove them). Another
    organiser's activity with a UID from the feed is never touched: a conflict in the report.
    Records the time and any error or conflict on the subscription."""
    from django.utils import timezone

    fetch = fetch or _fetch
    try:
        events = parse_ics(fetch(subscription.url))
        plan = plan_events(  # checked before the write lock is taken
            events,
            organiser=subscription.organisation,
            visibility=subscription.visibility,
            subscription=subscription,
        )
        report = plan.report
        with import_transaction(report, source="feed", subscription=subscription.pk):
            write_events(plan)
            _cancel_gone(subscription, {event.uid for event in events}, report)
    except (ImportRefused, OSError, ValueError) as exc:
        subscription.last_error = str(exc)[:2000]
        subscription.last_synced_at = timezone.now()
        subscription.save(update_fields=["last_error", "last_synced_at"])
        raise
    # The conflicts stay visible to the administrators beside the calendar until a sync has none.
    subscription.last_error = "\n".join(str(conflict) for conflict in report.conflicts)[:2000]
    subscription.last_synced_at = timezone.now()
    subscription.save(update_fields=["last_error", "last_synced_at"])
    return report


def _cancel_gone(subscription, present: set[str], report: ImportReport) -> None:
    """Cancel the calendar's own activities whose UID is no longer in it. Compared here, not in
    one ``exclude(uid__in=...)``: a feed's UIDs can outnumber the variables one SQL query may
    have."""
    gone = [
        pk
        for pk, uid in subscription.activities.exclude(status=ActivityStatus.CANCELLED).values_list(
            "pk", "uid"
        )
        if uid not in present
    ]
    for chunk in chunks(gone):
        for activity in Activity.objects.filter(pk__in=chunk).order_by("pk"):
            activity.status = ActivityStatus.CANCELLED
            with refused_when_changed_meanwhile(
                lambda message, uid=activity.uid: ImportRefused(f"{uid}: {message}")
            ):
                save_activity(
                    activity=activity,
                    user=None,
                    expected_version=activity.version,
                    change_reason=sync_change_reason(subscription),
                )
            report.changed.append(
                _("%(uid)s %(title)s (cancelled: gone from the calendar)")
                % {"uid": activity.uid, "title": activity.title_nl}
            )


def _fetch(url: str) -> str:
    """A partner calendar comes from its address on the public internet, whatever the address
    looks like: never from a file on this server (``read_source`` would read a path)."""
    from kennisstad.core.http_fetch import fetch_url
    from kennisstad.core.text_input import decode_text

    return decode_text(fetch_url(url, max_bytes=MAX_CALENDAR_BYTES), max_bytes=MAX_CALENDAR_BYTES)


def index_created(activities) -> None:
    """Bulk inserts send no save signals: tell who keeps derived data (search) about them."""
    ids = [activity.pk for activity in activities if activity.pk]
    announce_bulk_created(Activity, ids)
