"""Erasing people's personal data (AVG art. 17): one person on request, or a group at once for
the nightly purge. See ``erase_person`` for what goes and what stays."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.core.actors import actor_of
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.typing import UserLike
from kennisstad.privacy.services import record_kept

from . import normalise, scrubbing
from .access_log import _require_reason, log_personal_data_reads
from .models import Person, PersonalDataAction
from .personal_data import (
    contributor,
    kept_for_people,
    personal_data_after_erasure,
    personal_data_erasers,
)


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
    return erase_people(people=[person], user=user, reason=reason, action=action)[0]


@transaction.atomic
def erase_people(
    *,
    people: list[Person],
    user: UserLike,
    reason: str,
    action: str = PersonalDataAction.ERASE,
) -> list[Person]:
    """``erase_person`` for a group at once, all or nothing: every step is one pass for the
    whole group (the apps' erasers get the group and every needle of it), so the nightly purge
    of thousands costs a few queries per person instead of fifty (``bench/bench_erasure.py``)."""
    reason = _require_reason(reason)
    wanted = list(dict.fromkeys(person.pk for person in people))  # each person once
    current_people = _locked(wanted)
    needles_of = scrubbing.needles_for_people(current_people)
    needles = sorted({n for found in needles_of.values() for n in found}, key=len, reverse=True)
    reason = scrubbing.scrub_text(reason, needles)
    kept_of = kept_for_people(current_people)
    kept = [item for items in kept_of.values() for item in items]
    erased: Counter[str] = Counter()
    for eraser in personal_data_erasers:
        erased[contributor(eraser)] += eraser(current_people, needles) or 0
    unlinked, _counts = Person.organisations.through.objects.filter(person_id__in=wanted).delete()
    blank = dict.fromkeys(Person.PERSONAL_FIELDS, "")
    identities = sorted({pk for found in scrubbing.identities(wanted).values() for pk in found})
    history = Person.history.model.objects
    versions = sum(
        history.filter(id__in=identities[start : start + scrubbing.CHUNK]).update(
            **blank, history_change_reason=None
        )
        for start in range(0, len(identities), scrubbing.CHUNK)
    )
    _store_erased(current_people, user=user, reason=reason, blank=blank)
    scrubbed = scrubbing.scrub_everywhere(needles, by_person=needles_of, kept_by_person=kept_of)
    for pk, items in kept_of.items():
        if items:
            record_kept(person_id=pk, kept=items)  # what stayed, with its ground (privacy)
    for cleanup in personal_data_after_erasure:
        cleanup(current_people, needles)
    log_personal_data_reads(user=user, person_ids=wanted, action=action, reason=reason)
    _log_erased(
        wanted,
        user=user,
        action=action,
        counts={
            "versions_blanked": versions,
            "organisations_unlinked": unlinked,
            "erased_by_app": dict(sorted(erased.items())),
            "scrubbed_by_app": dict(sorted(scrubbed.items())),
            "scrubbed_total": sum(scrubbed.values()),
            "kept_by_app": dict(sorted(Counter(item.model.split(".")[0] for item in kept).items())),
        },
    )
    return current_people


def _locked(wanted: list[int]) -> list[Person]:
    """The people as stored, locked for the erasure; refused if one is gone or already erased."""
    locked = {
        current.pk: current
        for current in Person.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
    }
    current_people = []
    for pk in wanted:
        current = locked.get(pk)
        if current is None:
            raise ValidationError(_("This person no longer exists."))
        if current.erased_at is not None:
            raise ValidationError(_("This person's data has already been erased."))
        current_people.append(current)
    return current_people


def _log_erased(wanted: list[int], *, user: UserLike, action: str, counts: dict) -> None:
    """Numbers only: never the reason, a name or an address (they would outlive the erasure).
    One event per person; a group's counts in one more event."""
    if len(wanted) == 1:
        log_event_on_commit(
            "privacy.person.erased", user=user, person=wanted[0], action=str(action), **counts
        )
    else:
        for pk in wanted:
            log_event_on_commit(
                "privacy.person.erased", user=user, person=pk, action=str(action), group=True
            )
        log_event_on_commit(
            "privacy.people.erased", user=user, people=len(wanted), action=str(action), **counts
        )


def _store_erased(people: list[Person], *, user: UserLike, reason: str, blank: dict) -> None:
    """Blank the records in one UPDATE and write their history rows in one insert: what a save
    per person would do (new version, the actor and the reason in the audit trail)."""
    now, actor = timezone.now(), actor_of(user)
    name_key = normalise.person_name_key("", "")
    email_key = normalise.email_key("")
    Person.objects.filter(pk__in=[person.pk for person in people]).update(
        **blank,
        name_key=name_key,
        email_key=email_key,
        erased_at=now,
        updated_at=now,
        updated_by=actor,
        version=F("version") + 1,
    )
    change_reason = _("Personal data erased: %(reason)s") % {"reason": reason}
    for person in people:
        for name, value in blank.items():
            setattr(person, name, value)
        person.name_key, person.email_key = name_key, email_key
        person.erased_at, person.updated_at, person.updated_by = now, now, actor
        person.version += 1
    Person.history.bulk_history_create(
        people,
        update=True,
        default_user=actor,
        default_change_reason=change_reason,
        default_date=now,
    )
