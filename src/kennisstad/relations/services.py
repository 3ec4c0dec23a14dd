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
from django.db import transaction
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
from kennisstad.privacy.services import record_kept

from . import merging, scrubbing
from .models import (
    REASON_RETENTION_EXPIRED,
    Interaction,
    MergeRecord,
    Organisation,
    Person,
    PersonalDataAccess,
    PersonalDataAction,
    erase_after,
)
from .personal_data import (
    contributor,
    kept_for,
    personal_data_after_erasure,
    personal_data_erasers,
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


# --- personal data: the access log ---------------------------------------------------------


def log_personal_data_access(*, user: UserLike, person_id: int, action: str, reason: str) -> None:
    """One insert, nothing else: cheap enough for every page view."""
    PersonalDataAccess.objects.create(
        user=actor_of(user),
        person_id=person_id,
        action=action,
        reason=reason[:500],
    )


def log_personal_data_reads(
    *, user: UserLike, person_ids: Iterable[int], action: str, reason: str
) -> None:
    """One row per person in a list page, an API page or a download: they are reads of
    personal data too. Inserted in bulk."""
    who = actor_of(user)
    rows = [
        PersonalDataAccess(user=who, person_id=person_id, action=action, reason=reason)
        for person_id in person_ids
    ]
    PersonalDataAccess.objects.bulk_create(rows, batch_size=2000)


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason; the access log records it.")})
    limit = PersonalDataAccess._meta.get_field("reason").max_length
    if limit is not None and len(reason) > limit:  # PostgreSQL would refuse the log row with a 500
        raise ValidationError(
            {"reason": _("Use at most %(limit)s characters for the reason.") % {"limit": limit}}
        )
    return reason


@transaction.atomic
def record_export(*, person: Person, user: UserLike, reason: str) -> None:
    """Log an export before it is handed out (the caller builds it from ``personal_data``)."""
    log_personal_data_access(
        user=user,
        person_id=person.pk,
        action=PersonalDataAction.EXPORT,
        reason=_require_reason(reason),
    )


# --- personal data: erasure ----------------------------------------------------------------


@transaction.atomic
def erase_person(
    *, person: Person, user: UserLike, reason: str, action: str = PersonalDataAction.ERASE
) -> Person:
    """Erase a contact's personal data everywhere, keeping the row as an anonymous contact.

    Why keep the row: interactions and activities keep their participant, so counts ("12
    contacts attended") and the activity history's participant lists stay right, without a
    shared placeholder that would collapse two erased people in one meeting into one. What goes:
    name, job title, email, telephone, language and the organisations the person worked for, in
    the record and in every version of its history; the same texts wherever they were written
    in other records or their history (``scrubbing``). What stays: that an erasure happened, by
    whom, when and why (the new history row and the access log), not what was erased.
    """
    reason = _require_reason(reason)
    current = Person.objects.select_for_update().filter(pk=person.pk).first()
    if current is None:
        raise ValidationError(_("This person no longer exists."))
    if current.erased_at is not None:
        raise ValidationError(_("This person's data has already been erased."))
    needles = scrubbing.needles_for(current)
    reason = scrubbing.scrub_text(reason, needles)
    kept = kept_for(current)
    erased: Counter[str] = Counter()
    for eraser in personal_data_erasers:
        erased[contributor(eraser)] += eraser(current, needles) or 0
    unlinked = current.organisations.count()
    current.organisations.clear()
    blank = dict.fromkeys(Person.PERSONAL_FIELDS, "")
    versions = current.history.model.objects.filter(id__in=scrubbing.identity_ids(current)).update(
        **blank, history_change_reason=None
    )
    for name, value in blank.items():
        setattr(current, name, value)
    current.erased_at = timezone.now()
    current._change_reason = _("Personal data erased: %(reason)s") % {"reason": reason}
    current._history_user = actor_of(user)
    save_versioned(current, expected_version=current.version, user=user)
    scrubbed = scrubbing.scrub_everywhere(needles, keep=kept)
    record_kept(person_id=current.pk, kept=kept)  # what stayed, with its ground (privacy)
    for cleanup in personal_data_after_erasure:
        cleanup(current, needles)
    log_personal_data_access(user=user, person_id=current.pk, action=action, reason=reason)
    # Numbers only: never the reason, a name or an address (they would outlive the erasure).
    log_event_on_commit(
        "privacy.person.erased",
        user=user,
        person=current.pk,
        action=str(action),
        versions_blanked=versions,
        organisations_unlinked=unlinked,
        erased_by_app=dict(sorted(erased.items())),
        scrubbed_by_app=dict(sorted(scrubbed.items())),
        scrubbed_total=sum(scrubbed.values()),
        kept_by_app=dict(sorted(Counter(item.model.split(".")[0] for item in kept).items())),
    )
    return current


@dataclass
class PurgeReport:
    erased: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    dry_run: bool = False


def people_past_retention(today: datetime.date | None = None) -> QuerySet[Person]:
    today = today or timezone.localdate()
    return Person.objects.filter(erased_at__isnull=True, retain_until__lt=today).order_by("pk")


def purge_expired(*, dry_run: bool = False, today: datetime.date | None = None) -> PurgeReport:
    """Erase everyone past their retention date, each in its own transaction: one failure does
    not keep the others' data."""
    report = PurgeReport(dry_run=dry_run)
    for person in people_past_retention(today):
        if dry_run:
            report.erased.append(person.pk)
            continue
        try:
            erase_person(
                person=person,
                user=None,
                reason=REASON_RETENTION_EXPIRED,
                action=PersonalDataAction.PURGE,
            )
        except (ValidationError, StaleVersionError) as exc:
            report.failed[person.pk] = "; ".join(getattr(exc, "messages", [str(exc)]))
            log_event(
                "privacy.person.erase_failed",
                level=logging.WARNING,
                person=person.pk,
                action=str(PersonalDataAction.PURGE),
                error=type(exc).__name__,
            )
        else:
            report.erased.append(person.pk)
    log_event_on_commit(  # after the erasures' own events
        "privacy.purge.finished",
        erased=len(report.erased),
        failed=len(report.failed),
        dry_run=dry_run,
    )
    return report


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
