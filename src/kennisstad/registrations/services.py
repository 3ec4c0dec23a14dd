"""Writes of the registrations app: registering, cancelling, changing answers, check-in,
no-shows and the team's settings (the purge and deletion for good: ``retention``).

Never more confirmed registrations than places: every registration and cancellation first
writes the activity's settings row (``_lock_places``). That UPDATE holds the row lock on
PostgreSQL and SQLite's write lock (the transactions are IMMEDIATE anyway) until the commit, so
the count that follows cannot change under it, however many people register at the same moment.
"""

import datetime
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.agenda.models import Activity
from kennisstad.core.background import enqueue_on_commit
from kennisstad.core.concurrency import save_versioned
from kennisstad.core.events import log_event, log_event_on_commit
from kennisstad.core.typing import UserLike
from kennisstad.relations.models import REASON_LIST_EXPORT, REASON_LISTED, PersonalDataAction
from kennisstad.relations.selectors import person_list
from kennisstad.relations.services import log_personal_data_reads, note_contact

from .models import (
    Registration,
    RegistrationSettings,
    RegistrationStatus,
    activity_end,
    is_open_ended,
    keyed_questions,
    last_start,
    new_nonce,
)


class RegistrationRefused(ValidationError):
    """Registration is not possible now; ``code`` says why (closed, not_yet, deadline, full)."""


@dataclass(frozen=True)
class Outcome:
    """What ``register`` did: ``kind`` is confirmed, waiting or duplicate."""

    registration: Registration
    kind: str


DUPLICATE_MAIL_SECONDS = 3600


def normalise_email(email: str) -> str:
    """One spelling per address: stripped, lower case, Unicode NFC, the domain in punycode
    (jan@bücher.de is jan@xn--bcher-kva.de)."""
    email = unicodedata.normalize("NFC", (email or "").strip()).lower()
    local, at, domain = email.rpartition("@")
    if not at or not domain:
        return email
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return email
    return f"{local}@{domain}"


def _mail_duplicate_once_an_hour(registration: Registration) -> None:
    """Registering again mails the link again, at most once an hour per registration (the
    form answers the same either way, so it cannot be used to flood someone's inbox)."""
    key = f"kennisstad:registrations:duplicate-mail:{registration.pk}"
    if cache.add(key, 1, timeout=DUPLICATE_MAIL_SECONDS):
        _mail_after_commit(registration, "duplicate")


def _mail_after_commit(registration: Registration, kind: str) -> None:
    """Queue the mail once the transaction commits: a worker sends it (with retries), so a
    change that frees 100 places does not send 100 mails inside the request."""
    from .tasks import send_registrant_mail  # tasks imports this module

    enqueue_on_commit(send_registrant_mail, registration.pk, kind)


def _lock_places(activity_id: int) -> RegistrationSettings | None:
    """Take the activity's lock (see the module docstring) and return its settings."""
    RegistrationSettings.objects.filter(activity_id=activity_id).update(
        last_change_at=timezone.now()
    )
    return (
        RegistrationSettings.objects.select_for_update()
        .select_related("activity")
        .filter(activity_id=activity_id)
        .first()
    )


def refusal(
    config: RegistrationSettings | None, now: datetime.datetime
) -> RegistrationRefused | None:
    """Why nobody can register now (ignoring places), or None."""
    if config is None or not config.is_open or config.activity.status == "cancelled":
        return RegistrationRefused(_("Registration for this activity is closed."), code="closed")
    if activity_end(config.activity) <= now:
        return RegistrationRefused(_("This activity has already taken place."), code="closed")
    if config.opens_at and now < config.opens_at:
        return RegistrationRefused(_("Registration has not opened yet."), code="not_yet")
    if config.deadline and now > config.deadline:
        return RegistrationRefused(_("The registration deadline has passed."), code="deadline")
    return None


def confirmed_count(activity_id: int) -> int:
    return Registration.objects.filter(
        activity_id=activity_id, status=RegistrationStatus.CONFIRMED
    ).count()


def _next_waiting_position(activity_id: int) -> int:
    highest = Registration.objects.filter(activity_id=activity_id).aggregate(
        top=Max("waiting_position")
    )["top"]
    return (highest or 0) + 1


def _place_for(config: RegistrationSettings) -> str:
    """confirmed or waiting for a new registrant; refuses when full without a waiting list.
    Nobody passes people already waiting: while anyone waits, a newcomer waits too."""
    someone_waits = Registration.objects.filter(
        activity_id=config.activity_id, status=RegistrationStatus.WAITING
    ).exists()
    if someone_waits:
        return RegistrationStatus.WAITING
    if config.capacity is None or confirmed_count(config.activity_id) < config.capacity:
        return RegistrationStatus.CONFIRMED
    if config.waiting_list:
        return RegistrationStatus.WAITING
    raise RegistrationRefused(_("This activity is full."), code="full")


@transaction.atomic
def register(
    *,
    activity: Activity,
    name: str,
    email: str,
    consent: bool,
    organisation: str = "",
    language: str = "nl",
    answers: Mapping[str, Any] | None = None,
    now: datetime.datetime | None = None,
    notify: bool = True,
) -> Outcome:
    """Register someone: a place, a place on the waiting list, or (registered before with this
    address) their existing registration, whose link is mailed again. ``notify=False`` (the
    demo) mails nobody."""
    now = now or timezone.now()
    if not consent:
        raise RegistrationRefused(_("Registration needs your consent."), code="consent")
    config = _lock_places(activity.pk)
    problem = refusal(config, now)
    if problem is not None:
        raise problem
    assert config is not None
    email = normalise_email(email)
    existing = (
        Registration.objects.filter(activity_id=activity.pk, email=email)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if existing is not None:
        if notify:
            _mail_duplicate_once_an_hour(existing)
        return Outcome(existing, "duplicate")
    _promote_waiting(config)  # a place freed outside a cancellation goes to them first
    status = _place_for(config)
    registration = Registration.objects.create(
        activity_id=activity.pk,
        name=name.strip(),
        email=email,
        organisation=organisation.strip(),
        language=language if language in ("nl", "en") else "nl",
        status=status,
        waiting_position=(
            _next_waiting_position(activity.pk) if status == RegistrationStatus.WAITING else None
        ),
        answers=dict(answers or {}),
        consent_given_at=now,
        person=person_list().filter(email_key=email, erased_at__isnull=True).first(),
    )
    if registration.person_id is not None:  # a registration is a contact (retention)
        note_contact(person_ids=[registration.person_id], on=timezone.localdate(now))
    if notify:
        _mail_after_commit(registration, str(status))
    log_event_on_commit(
        "registrations.registered",
        activity=activity.pk,
        registration=registration.pk,
        status=str(status),
    )
    return Outcome(registration, str(status))


def _promote_waiting(config: RegistrationSettings) -> list[Registration]:
    """Give free places to the first people on the waiting list (the caller holds the lock)."""
    promoted: list[Registration] = []
    if last_start(config.activity) <= timezone.now():
        return promoted  # a place freed once the activity started helps nobody waiting
    if config.capacity is None:
        free = None
    else:
        free = config.capacity - confirmed_count(config.activity_id)
        if free <= 0:
            return promoted
    waiting = Registration.objects.filter(
        activity_id=config.activity_id, status=RegistrationStatus.WAITING
    ).order_by("waiting_position", "pk")
    for registration in waiting[:free] if free is not None else waiting:
        registration.status = RegistrationStatus.CONFIRMED
        registration.waiting_position = None
        registration.save(update_fields=["status", "waiting_position", "updated_at"])
        _mail_after_commit(registration, "promoted")
        promoted.append(registration)
    return promoted


def may_cancel(registration: Registration, *, by_team: bool) -> None:
    """The registrant cannot cancel once the activity has ended; nobody cancels someone who
    was checked in (undo the check-in first): they came."""
    if registration.checked_in_at is not None:
        raise ValidationError(
            _("%(name)s is checked in. Undo the check-in first if they did not come.")
            % {"name": registration.name},
            code="checked_in",
        )
    if not by_team and activity_end(registration.activity) <= timezone.now():
        raise ValidationError(
            _(
                "This activity has already taken place; the registration can no longer be "
                "cancelled."
            ),
            code="ended",
        )


@transaction.atomic
def cancel(*, registration: Registration, user: UserLike = None) -> list[Registration]:
    """Cancel a registration (by the registrant's link, or the team); the first person waiting
    takes the freed place in the same transaction and is mailed after the commit. Returns the
    promoted registrations."""
    config = _lock_places(registration.activity_id)
    current = Registration.objects.filter(pk=registration.pk).first()
    if current is None or current.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("This registration was already cancelled."), code="cancelled")
    may_cancel(current, by_team=getattr(user, "is_authenticated", False))
    was_confirmed = current.status == RegistrationStatus.CONFIRMED
    current.status = RegistrationStatus.CANCELLED
    current.waiting_position = None
    current.cancelled_at = timezone.now()
    current.nonce = new_nonce()  # the personal link dies with the registration
    current._history_user = user if getattr(user, "is_authenticated", False) else None  # type: ignore[attr-defined]
    current.save()
    registration.status, registration.nonce = current.status, current.nonce
    _mail_after_commit(current, "cancelled")
    promoted = _promote_waiting(config) if (was_confirmed and config is not None) else []
    log_event_on_commit(
        "registrations.cancelled", registration=current.pk, promoted=[r.pk for r in promoted]
    )
    return promoted


@transaction.atomic
def change_registration(
    *,
    registration: Registration,
    name: str,
    organisation: str,
    language: str,
    answers: Mapping[str, Any],
) -> Registration:
    """The registrant changes their own details and answers (not their place)."""
    registration.name = name.strip()
    registration.organisation = organisation.strip()
    registration.language = language if language in ("nl", "en") else "nl"
    registration.answers = dict(answers)
    registration.save(update_fields=["name", "organisation", "language", "answers", "updated_at"])
    return registration


def _attending(registration: Registration) -> None:
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError(_("Only confirmed registrations can be checked in."), code="status")


@transaction.atomic
def check_in(*, registration: Registration, user: UserLike, undo: bool = False) -> Registration:
    """Record that the registrant arrived (or undo a mistaken check-in). Takes the activity's
    lock and reads the row again, so a cancellation that just happened is seen and refused."""
    _lock_places(registration.activity_id)
    current = Registration.objects.select_for_update().filter(pk=registration.pk).first()
    if current is None:
        raise ValidationError(_("Only confirmed registrations can be checked in."), code="status")
    _attending(current)
    current.checked_in_at = None if undo else timezone.now()
    if not undo:
        current.no_show = False
    current._history_user = user  # type: ignore[attr-defined]
    current.save(update_fields=["checked_in_at", "no_show", "updated_at"])
    registration.checked_in_at, registration.no_show = current.checked_in_at, current.no_show
    return current


@transaction.atomic
def record_no_shows(*, activity: Activity, user: UserLike) -> int:
    """Every confirmed registrant not checked in is marked as not having come; only once the
    activity has started. Returns how many were marked."""
    if activity.starts_at > timezone.now():
        raise ValidationError(_("No-shows can be recorded once the activity has started."))
    absent = Registration.objects.filter(
        activity=activity,
        status=RegistrationStatus.CONFIRMED,
        checked_in_at__isnull=True,
        no_show=False,
    )
    marked = 0
    for registration in absent:
        registration.no_show = True
        registration._history_user = user  # type: ignore[attr-defined]
        registration.save(update_fields=["no_show", "updated_at"])
        marked += 1
    return marked


@transaction.atomic
def save_settings(
    *, config: RegistrationSettings, user: UserLike, expected_version: int | None = None
) -> RegistrationSettings:
    """Open or change registration; places added are given to the waiting list at once. Free
    questions get stable keys (``models.keyed_questions``). Refused on a series without an
    end (its registrations could never be closed or purged)."""
    if config.is_open and is_open_ended(config.activity):
        raise ValidationError(
            _(
                "Registration cannot be opened on a recurring activity without an end. Give "
                "the series an end date or a number of times first."
            ),
            code="open_ended",
        )
    stored = RegistrationSettings.objects.filter(pk=config.pk) if config.pk else None
    previous = stored.values_list("free_questions", flat=True).first() if stored else None
    config.free_questions = keyed_questions(list(config.free_questions or []), previous or [])
    save_versioned(config, expected_version=expected_version, user=user)
    locked = _lock_places(config.activity_id)
    if locked is not None:
        _promote_waiting(locked)
    return config


def log_attendee_list_shown(
    *,
    user: UserLike,
    activity_id: int,
    registrations: QuerySet[Registration],
    download: bool = False,
) -> None:
    """Every look at an attendee list (page, print, check-in, download, API) is a read of
    personal data: one access-log row per registrant linked to a contact, as people lists
    log, and an event with the number shown for the others."""
    rows = list(registrations.values_list("person_id", flat=True))
    log_personal_data_reads(
        user=user,
        person_ids=sorted({pk for pk in rows if pk is not None}),
        action=PersonalDataAction.EXPORT if download else PersonalDataAction.READ,
        reason=REASON_LIST_EXPORT if download else REASON_LISTED,
    )
    log_event(
        "registrations.attendees_shown",
        user=user,
        activity=activity_id,
        registrations=len(rows),
        download=download,
    )
