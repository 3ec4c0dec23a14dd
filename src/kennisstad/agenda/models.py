"""The shared international calendar: every international activity of the team and its partners."""

import functools
import uuid
import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import Theme, VersionedModel
from kennisstad.projects.models import Project
from kennisstad.relations.models import Organisation, Person

from .recurrence import check_rule, last_occurrence_end

# Activities lie in these years: far enough for any plan, and every computation on their dates
# (the day after an all-day activity, a time in another zone, a rule's next year) stays valid.
FIRST_YEAR = 1900
LAST_YEAR = 2999


def new_uid() -> str:
    return f"{uuid.uuid4()}@kennisstad"


@functools.cache
def zone_named(name: str) -> zoneinfo.ZoneInfo:
    """The time zone of that name; the site's own zone for a name that is not (or no longer)
    known, so one bad row never breaks a page or a feed."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def first_day_of(starts_at: datetime, zone: zoneinfo.ZoneInfo) -> date:
    """The first day in the activity's own time zone (what an all-day activity means)."""
    return starts_at.astimezone(zone).date()


def last_day_of(ends_at: datetime, zone: zoneinfo.ZoneInfo) -> date:
    """The inclusive last day of an all-day activity (``ends_at`` is the exclusive midnight)."""
    return (ends_at.astimezone(zone) - timedelta(days=1)).date()


class ActivityKind(models.TextChoices):
    TRADE_FAIR = "trade_fair", _("Trade fair")
    CONFERENCE = "conference", _("Conference or congress")
    INCOMING_VISIT = "incoming_visit", _("Incoming visit or delegation")
    OUTGOING_VISIT = "outgoing_visit", _("Outgoing visit or mission")
    LOBBY_MEETING = "lobby_meeting", _("Lobby meeting")
    SOCIAL_MEDIA = "social_media", _("Social-media campaign")
    RECEPTION = "reception", _("Reception")
    WEBINAR = "webinar", _("Webinar")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Internal (municipality only)")
    PARTNERS = "partners", _("Partners")
    PUBLIC = "public", _("Public")


class ActivityStatus(models.TextChoices):
    TENTATIVE = "tentative", _("Tentative")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            _("%(value)s is not a known time zone (use a name such as Europe/Amsterdam)."),
            params={"value": value},
        ) from exc


RRULE_ORDER = [
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYSETPOS",
    "WKST",
]


def normalise_rrule(value: str) -> str:
    """Accept ``RRULE:FREQ=...`` or ``FREQ=...``; store the rule without the property name and
    with its parts in one fixed order, so the same rule is always the same text."""
    text = (value or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts = [part for part in text.upper().split(";") if part]
    rank = {name: index for index, name in enumerate(RRULE_ORDER)}
    return ";".join(sorted(parts, key=lambda part: rank.get(part.split("=", 1)[0], len(rank))))


class Activity(VersionedModel):
    uid = models.CharField(_("iCalendar UID"), max_length=255, unique=True, default=new_uid)
    sequence = models.PositiveIntegerField(_("iCalendar SEQUENCE"), default=0)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=ActivityKind.choices)
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Whole days: the times are ignored and the end date is the last day."),
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Amsterdam", validators=[validate_time_zone]
    )
    rrule = models.CharField(
        _("recurrence rule (RRULE)"),
        max_length=500,
        blank=True,
        help_text=_(
            "iCalendar rule, e.g. FREQ=WEEKLY;BYDAY=MO;COUNT=10. Leave empty for one occurrence."
        ),
    )
    exception_dates = models.JSONField(
        _("exceptions"),
        default=list,
        blank=True,
        help_text=_("Days on which a recurring activity does not take place (YYYY-MM-DD)."),
    )
    recurs_until = models.DateTimeField(
        _("last occurrence ends"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Derived from the rule; empty when it has no end. Bounds calendar queries."),
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    organiser_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organising organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organised_activities",
    )
    organiser_department = models.CharField(
        _("organising department"),
        max_length=150,
        blank=True,
        help_text=_("The municipal department that organises, when no partner organisation does."),
    )
    team_participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("team participants"),
        blank=True,
        related_name="activities",
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("participating contacts"), blank=True, related_name="activities"
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="activities"
    )
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    # A partner asked for "public": until a team member approves, the activity stays visible to
    # partners only (``visibility`` is always what applies now; see services.publication_gate).
    publication_requested_at = models.DateTimeField(
        _("public publication requested"), null=True, blank=True, editable=False
    )
    publication_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publication approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    publication_approved_at = models.DateTimeField(
        _("publication approved at"), null=True, blank=True, editable=False
    )
    subscription = models.ForeignKey(
        "CalendarSubscription",
        verbose_name=_("from partner calendar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="activities",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.CONFIRMED
    )
    history = HistoricalRecords(
        excluded_fields=["updated_at", "recurs_until"],
        m2m_fields=[team_participants, people, themes],
    )

    title = translated("title")
    description = translated("description")

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["starts_at", "ends_at"]),
            models.Index(fields=["ends_at"]),
            models.Index(fields=["visibility", "starts_at"]),
            # The feed's ETag (count and last change of what a viewer sees) from the index alone.
            models.Index(fields=["visibility", "updated_at"]),
            models.Index(fields=["kind", "starts_at"]),
            # Only the recurring few: their last occurrence bounds a month view's query.
            models.Index(
                fields=["recurs_until"], condition=~Q(rrule=""), name="agenda_recurring_until"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zone_named(self.timezone)

    @property
    def first_day(self) -> date:
        return first_day_of(self.starts_at, self.zone)

    @property
    def last_day(self) -> date:
        return last_day_of(self.ends_at, self.zone)

    def _normalise_all_day(self) -> None:
        """All-day activities run from local midnight of the first day to midnight after the last
        (the exclusive end iCalendar uses)."""
        zone = self.zone
        first_day = self.starts_at.astimezone(zone).date()
        local_end = self.ends_at.astimezone(zone)
        last_day = local_end.date()
        if local_end.time() == time(0) and last_day > first_day:
            last_day -= timedelta(days=1)
        self.starts_at = datetime.combine(first_day, time(0), tzinfo=zone)
        self.ends_at = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=zone)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        if not (self.title_nl or "").strip():
            errors.setdefault("title_nl", []).append(_("A Dutch title is required."))
        for name in ("starts_at", "ends_at"):
            moment = getattr(self, name)
            if moment and not FIRST_YEAR <= moment.year <= LAST_YEAR:
                errors.setdefault(name, []).append(
                    _("Choose a date between the years %(first)s and %(last)s.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR}
                )
        dates_in_range = not {"starts_at", "ends_at"} & set(errors)
        if self.starts_at and self.ends_at and dates_in_range:
            if self.all_day and self.ends_at >= self.starts_at:
                self._normalise_all_day()
            if self.ends_at <= self.starts_at:
                errors.setdefault("ends_at", []).append(_("The end lies before the start."))
        if self.rrule:
            self.rrule = normalise_rrule(self.rrule)
            if dates_in_range:
                try:
                    check_rule(self.rrule, starts_at=self.starts_at, zone=self.zone)
                except ValidationError as exc:
                    errors.setdefault("rrule", []).extend(exc.messages)
        if self.exception_dates:
            if not self.rrule:
                errors.setdefault("exception_dates", []).append(
                    _("Only a recurring activity has exceptions.")
                )
            try:
                self.exception_dates = sorted(
                    {date.fromisoformat(str(day)).isoformat() for day in self.exception_dates}
                )
            except ValueError:
                errors.setdefault("exception_dates", []).append(
                    _("Write exceptions as dates, YYYY-MM-DD.")
                )
        if errors:
            raise ValidationError(errors)
        self.update_recurrence_end()

    def save(self, *args, **kwargs):
        self.update_recurrence_end()
        super().save(*args, **kwargs)

    def update_recurrence_end(self) -> None:
        """Store when the last occurrence ends, so a month view asks the database only for the
        recurring activities still running then, however long the history grows."""
        self.recurs_until = last_occurrence_end(
            rrule=self.rrule, starts_at=self.starts_at, ends_at=self.ends_at, zone=self.zone
        )


def new_feed_token() -> str:
    import secrets

    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """A secret address under which a calendar program subscribes to someone's view of the
    calendar without logging in. Revoking it makes the address answer 404."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="feed_tokens",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    name = models.CharField(_("name"), max_length=100, default="Outlook")
    filters = models.JSONField(
        _("filters"),
        default=dict,
        blank=True,
        help_text=_("Only these activities: kind, theme, country, organiser."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user}: {self.name}"


class CalendarSubscription(models.Model):
    """A partner's published calendar (an .ics address) bundled into the shared calendar by
    ``kennisstad sync-feeds``."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="calendar_subscriptions",
    )
    url = models.URLField(_("calendar address (.ics)"), max_length=500)
    visibility = models.CharField(
        _("visibility of its activities"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PARTNERS,
    )
    active = models.BooleanField(_("active"), default=True)
    last_synced_at = models.DateTimeField(_("last synchronised"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["organisation__name", "url"]
        verbose_name = _("partner calendar")
        verbose_name_plural = _("partner calendars")

    def __str__(self) -> str:
        """Organisation, host and number: never the whole address, which may hold a secret
        token (this name is in the audit trail and the sync's output)."""
        from urllib.parse import urlsplit

        return f"{self.organisation}, {urlsplit(self.url).hostname or '?'} (#{self.pk})"


from .digest_models import DigestMail  # noqa: E402, F401
