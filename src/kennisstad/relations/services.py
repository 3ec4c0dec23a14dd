"""Writes on organisations, people and interactions; every form, API call and import goes here.

Also the personal-data duties (AVG): logging every read, export and erasure, erasing a person,
purging people past their retention date, and merging duplicate records.
"""

import datetime
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.accounts.models import User
from kennisstad.core.actors import actor_of
from kennisstad.core.concurrency import StaleVersionError, save_versioned
from kennisstad.core.events import log_event, log_event_on_commit
from kennisstad.core.models import VersionedModel
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike

from . import merging
from .access_log import _require_reason, log_personal_data_access, log_personal_data_reads
from .erasure import erase_people, erase_person

__all__ = [  # what the views, the API and other apps reach through ``services``
    "erase_people",
    "erase_person",
    "log_personal_data_access",
    "log_personal_data_reads",
]
from .models import (
    REASON_RETENTION_EXPIRED,
    Interaction,
    MergeRecord,
    Organisation,
    Person,
    PersonalDataAction,
    erase_after,
)


@transaction.atomic
def save_organisation(
    *,
    organisation: Organisation,
    user: UserLike,
    expected_version: int | None = None,
    tags: Iterable[object] | None = None,
) -> Organisation:
    many = {"tags": tags} if tags is not None else None
    return save_record(
        instance=organisation, user=user, expected_version=expected_version, many_to_many=many
    )


@transaction.atomic
def save_person(
    *,
    person: Person,
    user: UserLike,
    expected_version: int | None = None,
    organisations: Iterable[object] | None = None,
) -> Person:
    many = {"organisations": organisations} if organisations is not None else None
    person.last_contact_on = max(
        person.last_contact_on or timezone.localdate(), timezone.localdate()
    )
    return save_record(
        instance=person, user=user, expected_version=expected_version, many_to_many=many
    )


def note_contact(*, person_ids: Iterable[int], on: datetime.date) -> int:
    """A contact with these people on this day (a contact moment, a registration): their last
    contact moves forward to it, and their retention date with it. A derived value, updated in
    bulk without a new version. Returns how many people moved."""
    moved = (
        Person.objects.filter(pk__in=list(person_ids), erased_at__isnull=True)
        .filter(Q(last_contact_on__lt=on) | Q(last_contact_on__isnull=True))
        .update(last_contact_on=on, retain_until=erase_after(on))
    )
    return int(moved)


@transaction.atomic
def save_interaction(
    *,
    interaction: Interaction,
    user: UserLike,
    expected_version: int | None = None,
    organisations: Iterable[object] | None = None,
    people: Iterable[object] | None = None,
) -> Interaction:
    many: dict[str, Iterable[object]] = {}
    if organisations is not None:
        many["organisations"] = organisations
    if people is not None:
        many["people"] = people
    if interaction.owner_id is None and isinstance(user, User):
        interaction.owner = user
    saved = save_record(
        instance=interaction, user=user, expected_version=expected_version, many_to_many=many
    )
    people_ids = saved.people.values_list("pk", flat=True)
    note_contact(person_ids=people_ids, on=saved.happened_on)
    return saved


@transaction.atomic
def complete_follow_up(
    *,
    interaction: Interaction,
    user: UserLike,
    expected_version: int,
    done_on: datetime.date | None = None,
) -> Interaction:
    """Mark the follow-up of a contact moment as done (today unless ``done_on`` is given)."""
    from django.utils import timezone

    interaction.follow_up_done_on = done_on or timezone.localdate()
    return save_record(instance=interaction, user=user, expected_version=expected_version)


# --- personal data: the access log (``access_log``) and exports ------------------------------


@transaction.atomic
def record_export(*, person: Person, user: UserLike, reason: str) -> None:
    """Log an export before it is handed out (the caller builds it from ``personal_data``)."""
    log_personal_data_access(
        user=user,
        person_id=person.pk,
        action=PersonalDataAction.EXPORT,
        reason=_require_reason(reason),
    )


# --- personal data: erasure (``erasure``) and the purge ------------------------------------


@dataclass
class PurgeReport:
    erased: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    dry_run: bool = False


PURGE_GROUP = 250  # people erased in one transaction; a failing group is retried one by one


def people_past_retention(today: datetime.date | None = None) -> QuerySet[Person]:
    today = today or timezone.localdate()
    return Person.objects.filter(erased_at__isnull=True, retain_until__lt=today).order_by("pk")


def purge_expired(*, dry_run: bool = False, today: datetime.date | None = None) -> PurgeReport:
    """Erase everyone past their retention date, in groups of ``PURGE_GROUP``, each group in its
    own transaction; a group that fails is erased again one person at a time, so one failure
    does not keep the others' data."""
    report = PurgeReport(dry_run=dry_run)
    due = list(people_past_retention(today))
    if dry_run:
        report.erased = [person.pk for person in due]
    for start in range(0, 0 if dry_run else len(due), PURGE_GROUP):
        group = due[start : start + PURGE_GROUP]
        try:
            erase_people(
                people=group,
                user=None,
                reason=REASON_RETENTION_EXPIRED,
                action=PersonalDataAction.PURGE,
            )
        except (ValidationError, StaleVersionError, DatabaseError) as exc:
            log_event(
                "privacy.purge.group_failed",
                level=logging.WARNING,
                people=len(group),
                error=type(exc).__name__,
            )
            for person in group:
                _purge_one(person, report)
        else:
            report.erased += [person.pk for person in group]
    log_event_on_commit(  # after the erasures' own events
        "privacy.purge.finished",
        erased=len(report.erased),
        failed=len(report.failed),
        dry_run=dry_run,
    )
    return report


def _purge_one(person: Person, report: PurgeReport) -> None:
    try:
        erase_person(
            person=person,
            user=None,
            reason=REASON_RETENTION_EXPIRED,
            action=PersonalDataAction.PURGE,
        )
    except (ValidationError, StaleVersionError, DatabaseError) as exc:
        report.failed[person.pk] = "; ".join(getattr(exc, "messages", [type(exc).__name__]))
        log_event(
            "privacy.person.erase_failed",
            level=logging.WARNING,
            person=person.pk,
            action=str(PersonalDataAction.PURGE),
            error=type(exc).__name__,
        )
    else:
        report.erased.append(person.pk)


# --- duplicates: merging -------------------------------------------------------------------


@transaction.atomic
def merge_records(
    *,
    kept: VersionedModel,
    removed: VersionedModel,
    user: UserLike,
    take: Iterable[str] = (),
    kept_version: int | None = None,
    removed_version: int | None = None,
) -> MergeRecord:
    """Merge ``removed`` into ``kept`` in one transaction: fields ``kept`` lacks (and those in
    ``take``) come from ``removed``, every link moves, ``removed`` is deleted, and the merge is
    recorded. With the versions the user saw, a change since then is a conflict."""
    model = type(kept)
    if type(removed) is not model:
        raise ValidationError(_("Only two records of the same kind can be merged."))
    if kept.pk == removed.pk:
        raise ValidationError(_("Choose two different records to merge."))
    locked = {
        obj.pk: obj
        for obj in model._default_manager.select_for_update().filter(pk__in=[kept.pk, removed.pk])
    }
    for original, seen in ((kept, kept_version), (removed, removed_version)):
        current = locked.get(original.pk)
        if current is None or (seen is not None and current.version != seen):
            raise StaleVersionError(instance=original, expected_version=seen, current=current)
        if getattr(current, "erased_at", None) is not None:
            raise ValidationError(_("An erased person cannot be merged."))
    kept, removed = locked[kept.pk], locked[removed.pk]
    reason = _("Merged with %(model)s %(number)s") % {
        "model": model._meta.verbose_name,
        "number": removed.pk,
    }
    taken = merging.fill_fields(kept=kept, removed=removed, take=set(take))
    kept.full_clean()
    tally: Counter[str] = Counter()
    moved = merging.move_links(kept=kept, removed=removed, user=user, reason=reason, tally=tally)
    moved += merging.union_own_many_to_many(kept=kept, removed=removed, tally=tally)
    kept._change_reason = reason
    kept._history_user = actor_of(user)
    save_versioned(kept, expected_version=kept.version, user=user)
    removed_pk = removed.pk
    delete_record(instance=removed, user=user, expected_version=removed.version)
    record = MergeRecord.objects.create(
        user=actor_of(user),
        model=model._meta.label_lower,
        kept_id=kept.pk,
        removed_id=removed_pk,
        fields_taken=taken,
        links_moved=moved,
    )
    _log_merge(record, model=model, user=user, tally=tally)
    return record


def _log_merge(
    record: MergeRecord, *, model: type[VersionedModel], user: UserLike, tally: Counter[str]
) -> None:
    log_event_on_commit(
        f"relations.{model._meta.model_name}.merged",
        user=user,
        kept=record.kept_id,
        merged=record.removed_id,
        merge_record=record.pk,
        fields_taken=len(record.fields_taken),
        links_moved=record.links_moved,
        moved_by_link=dict(sorted(tally.items())),
    )
