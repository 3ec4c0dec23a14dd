"""Reading the audit trail: what changed between two versions of a record, in words a person
reads (labels, choice names, local times), for conflict messages and change histories."""

import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _

HIDDEN_FIELDS = {"version", "updated_by", "updated_at", "created_at", "sequence", "frozen_table"}


# A change the system makes on someone's behalf has no user; it leaves a change reason
# "<kind>: <name>" instead. The app that makes such changes registers the kind and how to
# name its actor (agenda: "feed sync" -> "partner calendar: RUG, agenda.rug.nl (#3)").
SYSTEM_ACTORS: dict[str, str] = {}


def register_system_actor(kind: str, label) -> None:
    """Changes whose reason starts with ``"<kind>: "`` were made by ``label``, not by a user."""
    SYSTEM_ACTORS[kind] = label


def _system_actor(reason: str) -> str:
    kind, _separator, name = reason.partition(": ")
    return f"{SYSTEM_ACTORS[kind]}: {name}" if kind in SYSTEM_ACTORS and name else ""


def history_actor(record):
    """Who made a historical change: the user, else the registered system actor named by the
    change reason, else empty (the page says "system"). A plain change reason is no actor."""
    if record.history_user is not None:
        return record.history_user
    return _system_actor(record.history_change_reason or "")


def history_reason(record) -> str:
    """Why the change was made, when the reason says more than who made it."""
    reason = record.history_change_reason or ""
    return "" if record.history_user is None and _system_actor(reason) else reason


def _label(model, field_name: str) -> str:
    try:
        return str(model._meta.get_field(field_name).verbose_name)
    except Exception:
        return field_name


def display_value(model, field_name: str, value, *, zone=None) -> str:
    """A stored value as the interface shows it."""
    if value in (None, "", []):
        return "—"
    try:
        field = model._meta.get_field(field_name)
    except Exception:
        field = None
    if isinstance(value, list):  # many-to-many rows from the history
        related = getattr(field, "related_model", None)
        ids = [
            item.get(field.m2m_reverse_field_name(), item) if isinstance(item, dict) else item
            for item in value
        ]
        ids = [getattr(item, "pk", item) for item in ids]
        if related is not None:
            names = [str(obj) for obj in related._default_manager.filter(pk__in=ids)]
            return ", ".join(sorted(names)) or "—"
        return ", ".join(str(item) for item in ids)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj is not None else str(value)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value, zone), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _delta(new, old, model, zone) -> list[dict]:
    if old is None:
        return []
    delta = new.diff_against(old, foreign_keys_are_objs=False)
    changes = []
    for change in delta.changes:
        if change.field in HIDDEN_FIELDS:
            continue
        changes.append(
            {
                "field": change.field,
                "label": _label(model, change.field),
                "old": display_value(model, change.field, change.old, zone=zone),
                "new": display_value(model, change.field, change.new, zone=zone),
            }
        )
    return changes


def changes_since(instance: models.Model, version: int) -> list[dict]:
    """What others changed after ``version``: the fields that differ between that version and
    the newest one, with their current values."""
    history = instance.history.order_by("-history_date", "-history_id")
    newest = history.first()
    start = history.filter(version=version).first()
    if newest is None or start is None:
        return []
    return _delta(newest, start, type(instance), getattr(instance, "zone", None))


def recent_changes(instance: models.Model, *, limit: int = 20) -> list[dict]:
    """The record's audit trail, newest first: who, when, what kind of change, which fields."""
    model = type(instance)
    zone = getattr(instance, "zone", None)
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else record.prev_record
        entries.append(
            {
                "when": record.history_date,
                "who": history_actor(record),
                "why": history_reason(record),
                "type": record.get_history_type_display(),
                "changes": _delta(record, previous, model, zone)
                if record.history_type == "~"
                else [],
            }
        )
    return entries


def latest_changes(models_and_urls: list[tuple[type[models.Model], str]], *, limit=10) -> list:
    """The newest changes over several registries at once, for the dashboard: what, which
    record, who, when. ``models_and_urls`` pairs a model with the URL name of its page."""
    from django.urls import reverse

    entries = []
    for model, url_name in models_and_urls:
        for record in model.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )[:limit]:
            entries.append(
                {
                    "when": record.history_date,
                    "who": history_actor(record),
                    "type": record.get_history_type_display(),
                    "model": model._meta.verbose_name,
                    "name": str(record.instance),
                    "url": reverse(url_name, args=[record.id])
                    if record.history_type != "-"
                    else "",
                }
            )
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:limit]
