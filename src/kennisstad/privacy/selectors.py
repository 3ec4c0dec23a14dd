"""Reads: the period that holds for a kind of record (the municipality's, else the default),
the date before which records of a kind are past it, what an erasure kept, and the rows of the
art. 30 register."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from .models import KeptAfterErasure, RetentionPeriod
from .registry import (
    ProcessingActivity,
    RecordKind,
    activities_in_order,
    kinds_in_order,
    months_before,
    record_kinds,
)


@dataclass(frozen=True)
class Retention:
    """The period in force for one kind, and where it comes from."""

    kind: RecordKind
    months: int
    ground: str
    overridden: bool
    setting: RetentionPeriod | None

    @property
    def label(self) -> str:
        return str(self.kind.label)


def retention(key: str) -> Retention:
    kind = record_kinds[key]
    setting = RetentionPeriod.objects.filter(kind=key).first()
    if setting is None:
        return Retention(kind, kind.default_months, str(kind.ground), False, None)
    return Retention(kind, setting.months, setting.ground, True, setting)


def retentions() -> list[Retention]:
    """Every registered kind with its period in force, in the registry's order (one query)."""
    settings = {row.kind: row for row in RetentionPeriod.objects.select_related("updated_by")}
    result = []
    for kind in kinds_in_order():
        setting = settings.get(kind.key)
        if setting is None:
            result.append(Retention(kind, kind.default_months, str(kind.ground), False, None))
        else:
            result.append(Retention(kind, setting.months, setting.ground, True, setting))
    return result


def period_months(key: str) -> int:
    return retention(key).months


def cutoff(key: str, today: datetime.date | None = None) -> datetime.date:
    """Records of this kind whose period started before this date are past it: a record whose
    period started exactly ``months`` ago is on its last day and stays."""
    return months_before(today or timezone.localdate(), period_months(key))


def kept_for_person(person_id: int) -> QuerySet[KeptAfterErasure]:
    return KeptAfterErasure.objects.filter(person_id=person_id).order_by("model", "object_id")


@dataclass(frozen=True)
class RegisterRow:
    activity: ProcessingActivity
    retention: list[Retention]


def register_rows() -> list[RegisterRow]:
    """The art. 30 register: every declared processing activity with the periods in force of
    its kinds of record."""
    by_key = {item.kind.key: item for item in retentions()}
    return [
        RegisterRow(activity, [by_key[key] for key in activity.record_kinds if key in by_key])
        for activity in activities_in_order()
    ]
