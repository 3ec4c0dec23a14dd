"""The relations' part of the retention rules: contact persons are erased when their last
contact lies longer ago than the period (``services.erase_person``, one transaction each), and
contact moments past theirs lose their subject and notes (the moment itself, its date, kind
and participants stay, so counts stay right). Registered as kinds of record in
``personal_data``; run by ``privacy``'s purge."""

import datetime

from django.db.models import F

from kennisstad.privacy.registry import months_after
from kennisstad.privacy.selectors import period_months

from .models import PERSON_KIND, Interaction, Person


def purge_people(*, today: datetime.date, dry_run: bool = False, **_unused) -> int:
    """Everyone whose retention date (last contact + period) has passed: one indexed query on
    ``retain_until``, each erasure in its own transaction."""
    from .services import purge_expired

    return len(purge_expired(dry_run=dry_run, today=today).erased)


def anonymise_contact_moments(
    *, cutoff: datetime.date, today: datetime.date, dry_run: bool = False, **_unused
) -> int:
    """Contact moments dated before ``cutoff`` that still have their texts: subject and notes
    blanked, in the record and in every version of its history."""
    due = Interaction.objects.filter(anonymised_on__isnull=True, happened_on__lt=cutoff)
    if dry_run:
        return due.count()
    ids = list(due.values_list("pk", flat=True))
    blank = {"subject": "", "notes": ""}
    Interaction.history.model.objects.filter(id__in=ids).update(**blank)
    return Interaction.objects.filter(pk__in=ids).update(
        **blank, anonymised_on=today, version=F("version") + 1
    )


def refresh_retention_dates() -> int:
    """After the period for contact persons changed: every retention date again from the last
    contact, one UPDATE per distinct day of last contact (a few thousand at most)."""
    changed = 0
    months = period_months(PERSON_KIND)
    days = (
        Person.objects.filter(erased_at__isnull=True, last_contact_on__isnull=False)
        .values_list("last_contact_on", flat=True)
        .distinct()
    )
    for day in list(days):
        changed += Person.objects.filter(erased_at__isnull=True, last_contact_on=day).update(
            retain_until=months_after(day, months)
        )
    return changed
