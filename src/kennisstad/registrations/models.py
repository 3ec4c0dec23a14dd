"""Registration for an activity: the team's settings per activity and the registrants.

Registrations are personal data: they take part in the personal-data export and erasure
(``personal_data.py``) and are purged ``retention_days`` after the activity ends.
"""

import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel

STANDARD_QUESTIONS = ("dietary", "accessibility", "interpretation")


def new_nonce() -> str:
    """The secret part of a registrant's personal link; replaced when the link must die."""
    return secrets.token_urlsafe(16)


# An open-ended series (no COUNT or UNTIL) never ends: registration cannot be opened on one,
# and one opened before that rule existed is treated as running on.
NEVER = datetime.datetime(3000, 1, 1, tzinfo=datetime.UTC)


def activity_end(activity) -> datetime.datetime:
    """When the activity is over (what closing, the purge and the personal link count from):
    for a recurring activity the end of its last occurrence (the agenda's ``recurs_until``)."""
    if not activity.rrule:
        return activity.ends_at
    return activity.recurs_until or NEVER


def last_start(activity) -> datetime.datetime:
    """When the activity's (last occurrence's) start is: after it nobody is promoted."""
    return activity_end(activity) - (activity.ends_at - activity.starts_at)


def is_open_ended(activity) -> bool:
    return bool(activity.rrule) and activity.recurs_until is None


def ended(now: datetime.datetime, prefix: str = "activity__") -> Q:
    """Activities over at ``now`` (a series: its last occurrence), as a filter."""
    return Q(**{f"{prefix}rrule": "", f"{prefix}ends_at__lt": now}) | (
        ~Q(**{f"{prefix}rrule": ""}) & Q(**{f"{prefix}recurs_until__lt": now})
    )


def question_key(question: dict, position: int) -> str:
    """The key a free question's answers are stored under: its own stable key, or (a question
    from before keys existed) its position."""
    return question.get("key") or f"q{position}"


def keyed_questions(new: list[dict], previous: list[dict]) -> list[dict]:
    """The free questions to store: each gets a stable key (kept when the same Dutch text was
    asked before, so reordering moves no answers); questions taken out stay, marked removed,
    so answers given to them keep their own label in exports."""
    known = {
        question.get("nl", ""): question_key(question, position)
        for position, question in enumerate(previous or [], start=1)
        if not question.get("removed")
    }
    result: list[dict] = []
    used: set[str] = set()
    for question in new:
        key = question.get("key") or known.get(question.get("nl", ""))
        if not key or key in used:
            key = f"q-{uuid.uuid4().hex[:12]}"
        used.add(key)
        result.append({"key": key, "nl": question.get("nl", ""), "en": question.get("en", "")})
    for position, question in enumerate(previous or [], start=1):
        key = question_key(question, position)
        if key not in used:
            used.add(key)
            result.append({**question, "key": key, "removed": True})
    return result


class RegistrationSettings(VersionedModel):
    """Whether and how people can register for one activity."""

    activity = models.OneToOneField(
        "agenda.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="registration_settings",
    )
    is_open = models.BooleanField(_("registration open"), default=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    opens_at = models.DateTimeField(_("registration opens at"), null=True, blank=True)
    deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    ask_dietary = models.BooleanField(_("ask for dietary needs"), default=False)
    ask_accessibility = models.BooleanField(_("ask for accessibility needs"), default=False)
    ask_interpretation = models.BooleanField(_("ask for interpretation needs"), default=False)
    free_questions = models.JSONField(
        _("free questions"),
        default=list,
        blank=True,
        help_text=_("A list of questions, each with a Dutch and an English text."),
    )
    consent_text_nl = models.TextField(_("consent text (Dutch)"))
    consent_text_en = models.TextField(_("consent text (English)"), blank=True)
    retention_days = models.PositiveIntegerField(
        _("days the registrations are kept after the activity"), default=90
    )
    # Written by every registration and cancellation before it counts the places: that UPDATE
    # takes the row lock (PostgreSQL) and the write lock (SQLite) first, so counts never race.
    last_change_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Anonymous counts kept when the purge deletes the registrations, so indicators that count
    # visitors still see them (live rows + kept counts; the purged rows are gone, so no overlap).
    kept_confirmed = models.PositiveIntegerField(default=0, editable=False)
    kept_checked_in = models.PositiveIntegerField(default=0, editable=False)
    kept_no_shows = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(
        excluded_fields=[
            "updated_at",
            "last_change_at",
            "kept_confirmed",
            "kept_checked_in",
            "kept_no_shows",
        ]
    )

    consent_text = translated("consent_text")

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")

    def __str__(self) -> str:
        return str(self.activity)

    def free_questions_keyed(self, *, removed: bool = False) -> list[tuple[str, dict]]:
        """(key, question) of the free questions asked now (and those removed, if asked)."""
        return [
            (question_key(question, position), question)
            for position, question in enumerate(self.free_questions or [], start=1)
            if removed or not question.get("removed")
        ]

    def asked_questions(self) -> list[str]:
        """The standard questions this activity asks, in their fixed order."""
        return [name for name in STANDARD_QUESTIONS if getattr(self, f"ask_{name}")]


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class Registration(models.Model):
    """One person's registration for one activity."""

    activity = models.ForeignKey(
        "agenda.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="nl"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, db_index=True
    )
    waiting_position = models.PositiveIntegerField(_("place on the waiting list"), null=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"))
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    no_show = models.BooleanField(_("did not come"), default=False)
    nonce = models.CharField(max_length=64, default=new_nonce, editable=False)
    person = models.ForeignKey(
        "relations.Person",
        verbose_name=_("contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "nonce"])

    class Meta:
        ordering = ["activity", "status", "waiting_position", "created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "email"],
                condition=~Q(status="cancelled"),
                name="registrations_one_active_per_email",
            ),
            models.CheckConstraint(
                condition=Q(status="waiting", waiting_position__isnull=False)
                | (~Q(status="waiting") & Q(waiting_position__isnull=True)),
                name="registrations_waiting_has_a_position",
            ),
        ]
        indexes = [models.Index(fields=["activity", "status", "waiting_position"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.activity})"
