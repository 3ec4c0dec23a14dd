"""Planning a calendar import: what the parsed events would create, change or leave alone.

``plan_events`` only reads the database, so no write lock is held while a large calendar is
checked. It matches every event to a known UID and validates the result; an event the model
refuses refuses the file (``IcsFormatError`` on the line of the property at fault). Only
activities the importer may change are updated: a partner calendar's own (or its organisation's
that no calendar owns yet: adopted), a partner's its organisation's; a team member and the
command line may update any. A UID held by any other activity is a conflict in the report,
naming the event's line, and is left as it is.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.actors import actor_of
from kennisstad.core.imports import ImportProblem, ImportReport

from .ics_parse import IcsFormatError, ParsedEvent
from .models import Activity, ActivityKind, Visibility, normalise_rrule
from .services import publication_gate

# UIDs per ``uid__in`` lookup: SQLite allows 32,766 variables in one query, PostgreSQL 65,535.
LOOKUP_CHUNK = 2000
# The audit trail's change reason for a partner calendar's changes; core.history shows it as
# the actor.
SYNC_REASON_PREFIX = "feed sync: "
# The property of an event each activity field comes from, to name its line in a refusal.
FIELD_PROPERTIES = {
    "title_nl": "SUMMARY",
    "location": "LOCATION",
    "starts_at": "DTSTART",
    "ends_at": "DTEND",
    "timezone": "DTSTART",
    "rrule": "RRULE",
    "exception_dates": "EXDATE",
    "sequence": "SEQUENCE",
}


def chunks(items: list, size: int | None = None):
    size = size or LOOKUP_CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]


def sync_change_reason(subscription) -> str:
    """The audit trail's actor for what a partner calendar changed (no user made it)."""
    return f"{SYNC_REASON_PREFIX}{subscription}"


@dataclass
class IcsPlan:
    """What an import will write, found without writing: new activities (validated, unsaved)
    and known ones with their changes applied (validated, unsaved)."""

    report: ImportReport
    created: list[Activity] = field(default_factory=list)
    changed: list[tuple[Activity, ParsedEvent]] = field(default_factory=list)
    # The audit trail's actor when a partner calendar writes (no user made the change).
    change_reason: str = ""
    # The line of each new activity's event, to name it when its UID was taken meanwhile.
    created_lines: dict[str, int] = field(default_factory=dict)
    # The known activities already in ``changed``: a UID repeated in the file is saved once.
    queued: set[int] = field(default_factory=set, repr=False)


@dataclass
class _Importer:
    """Who imports, and what a new activity gets from that."""

    actor: object
    organiser: object
    visibility: str
    subscription: object

    @property
    def by_partner(self) -> bool:
        return self.subscription is not None or access.is_partner(self.actor)


def plan_events(
    events: list[ParsedEvent],
    *,
    user=None,
    organiser=None,
    visibility: str = Visibility.PARTNERS,
    dry_run: bool = False,
    subscription=None,
) -> IcsPlan:
    """Match every event to a known UID and validate it; raises ``IcsFormatError`` (or
    ``PermissionDenied`` for a partner importing another organisation's calendar)."""
    importer = _Importer(actor_of(user), organiser, visibility, subscription)
    _check_importer(importer.actor, organiser)
    plan = IcsPlan(
        report=ImportReport(kind="ics", dry_run=dry_run),
        change_reason=sync_change_reason(subscription) if subscription is not None else "",
    )
    uids = list({event.uid for event in events})
    existing = {
        activity.uid: activity
        for chunk in chunks(uids)
        for activity in Activity.objects.filter(uid__in=chunk)
    }
    for event in events:
        activity = existing.get(event.uid)
        if activity is None:
            existing[event.uid] = _plan_new(plan, event, importer)  # repeated: updates it
        elif activity.pk is None:  # repeated in this file: the later one wins
            _apply(activity, event)
        elif not _may_update(activity, user=importer.actor, subscription=subscription):
            plan.report.conflicts.append(_conflict(event, subscription))
        else:
            _plan_change(plan, activity, event, subscription)
    return plan


def _values(event: ParsedEvent) -> dict:
    return {
        "title_nl": event.title,
        "description_nl": event.description,
        "location": event.location,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "all_day": event.all_day,
        "timezone": event.timezone,
        "rrule": event.rrule,
        "exception_dates": event.exception_dates,
        "status": event.status,
    }


def _apply(activity: Activity, event: ParsedEvent) -> None:
    for name, value in _values(event).items():
        setattr(activity, name, value)
    _validate(activity, event)


def _plan_new(plan: IcsPlan, event: ParsedEvent, importer: _Importer) -> Activity:
    activity = Activity(
        uid=event.uid,
        kind=ActivityKind.OTHER,
        visibility=importer.visibility,
        organiser_organisation=importer.organiser,
        sequence=event.sequence,
        subscription=importer.subscription,
        updated_by=importer.actor,
        **_values(event),
    )
    publication_gate(activity, user=importer.actor, by_partner=importer.by_partner)
    _validate(activity, event)
    plan.created.append(activity)
    plan.created_lines[event.uid] = event.line
    plan.report.created.append(f"{event.uid} {event.title}")
    return activity


def _plan_change(plan: IcsPlan, activity: Activity, event: ParsedEvent, subscription) -> None:
    values = _values(event)
    stored = {name: getattr(activity, name) for name in values}
    stored["rrule"] = normalise_rrule(stored["rrule"])
    adopting = subscription is not None and activity.subscription_id is None
    if not adopting and stored == values:
        plan.report.unchanged.append(event.uid)
        return
    _apply(activity, event)
    if adopting:  # from now on the feed keeps it, and cancels it when it is gone
        activity.subscription = subscription
    if activity.pk not in plan.queued:
        plan.queued.add(activity.pk)
        plan.changed.append((activity, event))
        plan.report.changed.append(f"{event.uid} {event.title}")


def _check_importer(actor, organiser) -> None:
    """A partner imports only its own organisation's calendar (the access rule for editing)."""
    if actor is None or access.is_team(actor):
        return
    if not access.is_partner(actor) or organiser is None or organiser.pk != actor.organisation_id:
        raise PermissionDenied(
            _("Partners import only activities their own organisation organises.")
        )


def _may_update(activity, *, user, subscription) -> bool:
    """Whether the import may change this existing activity with the same UID. A partner
    calendar changes its own activities, and adopts one of its organisation's that no calendar
    owns (imported by hand before the calendar was registered): the partner may edit those."""
    if subscription is not None:
        if activity.subscription_id is None:
            return activity.organiser_organisation_id == subscription.organisation_id
        return activity.subscription_id == subscription.pk
    if user is not None:
        return access.can_change(user, activity)
    return True  # the command line: the operator's own decision


def _conflict(event: ParsedEvent, subscription) -> ImportProblem:
    """The conflict names the event from the file only: the activity that holds the UID may
    be one the reader is not allowed to see."""
    if subscription is not None:
        problem = _("its UID is used by an activity that does not come from this calendar")
    else:
        problem = _("its UID is used by an activity of another organiser")
    return ImportProblem(
        _("%(uid)s %(title)s: not changed, %(problem)s")
        % {"uid": event.uid, "title": event.title, "problem": problem},
        line=event.line,
    )


def invalid(event: ParsedEvent, exc: ValidationError) -> IcsFormatError:
    """The model's refusal of an event, on the line of the first property it names."""
    errors = exc.message_dict
    names = [FIELD_PROPERTIES.get(field_name, field_name) for field_name in errors]
    lines = event.property_lines
    if "DTEND" in names and "DTEND" not in lines:
        names = ["DURATION" if name == "DTEND" else name for name in names]
    line = next((lines[name] for name in names if name in lines), event.line)
    problems = "; ".join(
        f"{name}: {' '.join(messages)}"
        for name, messages in zip(names, errors.values(), strict=True)
    )
    return IcsFormatError(
        line,
        _("the event %(uid)s is not valid: %(problems)s")
        % {"uid": event.uid, "problems": problems},
    )


def _validate(activity: Activity, event: ParsedEvent) -> None:
    try:
        # The UID is known to be new (looked up above); skip the per-row uniqueness queries.
        activity.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise invalid(event, exc) from exc
