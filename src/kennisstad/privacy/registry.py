"""What the system holds about people, declared in code by the apps that hold it.

Two registries, filled when Django starts by each app's ``personal_data`` module (next to its
export sections in ``relations.personal_data``), so privacy needs to import no app above it:

- **kinds of personal record** (``register_record_kind``): what a retention period applies to,
  from which moment it counts, its default and legal ground, and the function that purges
  what is past it;
- **processing activities** (``register_processing_activity``): the rows of the register of
  processing activities of AVG art. 30, which is exported from these declarations.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured, ValidationError

from .lawful_basis import LawfulBasis, validate_lawful_basis

# (*, cutoff: date, today: date, dry_run: bool) -> int: purge what started before ``cutoff``
# (today minus the period in force); returns the count.
Purge = Callable[..., int]


@dataclass(frozen=True)
class RecordKind:
    key: str  # "relations.person"
    label: object  # lazy translation
    default_months: int
    starts_from: object  # lazy translation: "the last contact", "the end of the activity"
    ground: object  # lazy translation or plain text: the legal ground of the default
    purge: Purge | None = None
    # True when ``purge`` commits each record in its own transaction (an erasure per person),
    # so one failure keeps the others; otherwise the whole kind is purged in one transaction.
    own_transactions: bool = False
    # Called with no arguments after the municipality changed the period (caches of the
    # erase-after date are recomputed).
    on_period_change: Callable[[], object] | None = None
    order: int = 100


@dataclass(frozen=True)
class ProcessingActivity:
    key: str
    name: object
    purposes: object
    data_subjects: object
    personal_data: object
    lawful_basis: str
    recipients: object
    transfers: object
    record_kinds: tuple[str, ...] = ()
    security: object = ""
    public_task: bool = True
    justification: str = ""
    order: int = 100
    extra: dict = field(default_factory=dict)

    def lawful_basis_label(self) -> str:
        return str(LawfulBasis(self.lawful_basis).label)


record_kinds: dict[str, RecordKind] = {}
processing_activities: dict[str, ProcessingActivity] = {}


def register_record_kind(
    key: str,
    label,
    *,
    default_months: int,
    starts_from,
    ground,
    purge: Purge | None = None,
    own_transactions: bool = False,
    on_period_change: Callable[[], object] | None = None,
    order: int = 100,
) -> RecordKind:
    """Declare (or redeclare, on re-import) a kind of personal record with its default
    retention period in months. An app that is written later (the gifts register) registers
    its kind the same way."""
    if default_months <= 0:
        raise ImproperlyConfigured(f"Record kind {key}: the default period must be positive.")
    kind = RecordKind(
        key,
        label,
        default_months,
        starts_from,
        ground,
        purge,
        own_transactions,
        on_period_change,
        order,
    )
    record_kinds[key] = kind
    return kind


def register_processing_activity(key: str, name, **details) -> ProcessingActivity:
    """Declare a processing activity for the art. 30 register. A declaration that relies on
    legitimate interest for a public task is a programming error and stops the start."""
    activity = ProcessingActivity(key=key, name=name, **details)
    try:
        validate_lawful_basis(
            activity.lawful_basis, activity.justification, public_task=activity.public_task
        )
    except ValidationError as exc:
        raise ImproperlyConfigured(f"Processing activity {key}: {exc.messages[0]}") from exc
    processing_activities[key] = activity
    return activity


def kinds_in_order() -> list[RecordKind]:
    return sorted(record_kinds.values(), key=lambda kind: (kind.order, kind.key))


def activities_in_order() -> list[ProcessingActivity]:
    return sorted(processing_activities.values(), key=lambda item: (item.order, item.key))


def months_before(day: datetime.date, months: int) -> datetime.date:
    """``day`` minus whole months (the 31st becomes the month's last day)."""
    from dateutil.relativedelta import relativedelta

    return day - relativedelta(months=months)


def months_after(day: datetime.date, months: int) -> datetime.date:
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(months=months)
