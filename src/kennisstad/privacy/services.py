"""Writes: the municipality's retention periods, the record of what an erasure kept, and the
purge of every kind of personal record past its period."""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from kennisstad.core.events import log_event, log_event_on_commit
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike

from .models import KeptAfterErasure, RetentionPeriod
from .registry import kinds_in_order, record_kinds
from .selectors import cutoff


@transaction.atomic
def save_retention_period(
    *, period: RetentionPeriod, user: UserLike, expected_version: int | None = None
) -> RetentionPeriod:
    """Set the municipality's period for a kind; caches that depend on it are recomputed."""
    saved = save_record(instance=period, user=user, expected_version=expected_version)
    kind = record_kinds.get(saved.kind)
    if kind is not None and kind.on_period_change is not None:
        transaction.on_commit(kind.on_period_change)
    log_event_on_commit(
        "privacy.retention.changed", user=user, kind=saved.kind, months=saved.months
    )
    return saved


def record_kept(*, person_id: int, kept: Iterable[Any]) -> int:
    """Write down what an erasure of this person kept and on which ground (``relations``'
    ``Kept`` items: model, pk, fields, ground). Runs inside the erasure's transaction."""
    rows = [
        KeptAfterErasure(
            person_id=person_id,
            model=item.model,
            object_id=item.pk,
            fields=list(item.fields),
            ground=item.ground,
        )
        for item in kept
    ]
    KeptAfterErasure.objects.bulk_create(rows)
    return len(rows)


@dataclass
class PurgeRun:
    counts: dict[str, int] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    dry_run: bool = False


def purge_personal_data(
    *, dry_run: bool = False, today: datetime.date | None = None, only: Iterable[str] = ()
) -> PurgeRun:
    """Run every kind's purge with the period in force, each kind in its own transaction (or
    record by record where the kind says so), so a failing kind keeps the others' work. One
    ``privacy.purge.kind`` event per kind with its count."""
    today = today or timezone.localdate()
    wanted = set(only)
    run = PurgeRun(dry_run=dry_run)
    for kind in kinds_in_order():
        if kind.purge is None or (wanted and kind.key not in wanted):
            continue
        before = cutoff(kind.key, today)
        try:
            if kind.own_transactions or dry_run:
                count = kind.purge(cutoff=before, today=today, dry_run=dry_run)
            else:
                with transaction.atomic():
                    count = kind.purge(cutoff=before, today=today, dry_run=dry_run)
        except Exception as exc:  # one kind's failure must not stop the others
            run.failed[kind.key] = type(exc).__name__
            log_event(
                "privacy.purge.kind_failed",
                level=logging.ERROR,
                kind=kind.key,
                error=type(exc).__name__,
            )
            continue
        run.counts[kind.key] = int(count or 0)
        log_event(
            "privacy.purge.kind",
            kind=kind.key,
            cutoff=before.isoformat(),
            count=run.counts[kind.key],
            dry_run=dry_run,
        )
    return run
