"""Activity form: times are entered in the activity's own time zone (a mission to Shanghai is
planned in Shanghai time) and stored time-zone-aware."""

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateTimeInput, StyledFormMixin, VersionedModelForm
from kennisstad.core.text_input import TextInputError, read_upload
from kennisstad.core.widgets import RegistryChooser, RegistryChooserSingle

from .ics_import import MAX_CALENDAR_BYTES
from .models import FIRST_YEAR, LAST_YEAR, Activity, Visibility

COMMON_TIME_ZONES = [
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/Berlin",
    "Europe/London",
    "Europe/Paris",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "America/New_York",
    "UTC",
]


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time without a zone; the form attaches the activity's own time zone.

    Django would read it in Amsterdam time and refuse times that do not exist there (the
    night the clocks change), though they are fine in Shanghai or New York.
    """

    def to_python(self, value):
        with timezone.override(UTC):
            result = super().to_python(value)
        return result.replace(tzinfo=None) if result is not None else None


class DateListField(forms.CharField):
    """Dates, one per line or separated by commas, stored as a list of ISO dates."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        days = [part.strip() for part in text.replace(",", "\n").splitlines() if part.strip()]
        for day in days:
            try:
                date.fromisoformat(day)
            except ValueError as exc:
                raise forms.ValidationError(
                    _("%(value)s is not a date; write YYYY-MM-DD."), params={"value": day}
                ) from exc
        return days


class ActivityForm(VersionedModelForm):
    exception_dates = DateListField(
        label=_("Exceptions"),
        required=False,
        help_text=_(
            "Days on which the recurring activity does not take place, one per line (YYYY-MM-DD)."
        ),
    )
    starts_at = LocalDateTimeField(label=_("Start"), widget=DateTimeInput())
    ends_at = LocalDateTimeField(label=_("End"), widget=DateTimeInput())
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("Start and end are in this time zone."),
        initial="Europe/Amsterdam",
    )

    class Meta:
        model = Activity
        fields = [
            "title_nl",
            "title_en",
            "kind",
            "status",
            "visibility",
            "all_day",
            "timezone",
            "starts_at",
            "ends_at",
            "rrule",
            "exception_dates",
            "location",
            "city",
            "country",
            "organiser_organisation",
            "organiser_department",
            "project",
            "themes",
            "team_participants",
            "people",
            "description_nl",
            "description_en",
        ]
        widgets = {
            "description_nl": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "organiser_organisation": RegistryChooserSingle(
                suggest_url="relations:organisation-suggest"
            ),
            "project": RegistryChooserSingle(suggest_url="projects:project-suggest"),
            "people": RegistryChooser(suggest_url="relations:person-suggest"),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        zones = list(COMMON_TIME_ZONES)
        if self.instance.timezone and self.instance.timezone not in zones:
            zones.append(self.instance.timezone)
        self.fields["timezone"].choices = [(zone, zone) for zone in zones]
        if self.instance.pk:
            zone = self.instance.zone
            self.initial["starts_at"] = self.instance.starts_at.astimezone(zone).replace(
                tzinfo=None
            )
            ends = self.instance.ends_at
            if self.instance.all_day:
                ends = ends - timedelta(days=1)
            self.initial["ends_at"] = ends.astimezone(zone).replace(tzinfo=None)
        self.user = user
        if user is not None:
            from kennisstad.accounts import access

            self.fields["project"].queryset = access.visible_projects(
                user, self.fields["project"].queryset
            )
            project_id = self.instance.project_id
            if project_id and not self.fields["project"].queryset.filter(pk=project_id).exists():
                # A project the editor may not see stays as it is, unseen and unchanged.
                self.fields.pop("project")
            self.fields["team_participants"].queryset = self.fields[
                "team_participants"
            ].queryset.filter(role__in=["team", "administrator"])
        if user is not None and user.is_authenticated and not _is_team(user):
            # Partners organise on behalf of their own organisation only.
            self.fields.pop("organiser_organisation")
            self.fields.pop("team_participants")
            self.fields.pop("people")
            self.instance.organiser_organisation = user.organisation
            if not settings.KENNISSTAD_PARTNER_PUBLISH_WITHOUT_REVIEW:
                self.fields["visibility"].help_text = _(
                    "A public activity appears on the public pages and feed once the "
                    "municipality's team has approved it."
                )
            if self.instance.publication_requested_at is not None:
                self.initial["visibility"] = Visibility.PUBLIC  # what the partner asked for

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("timezone") or "Europe/Amsterdam"
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return cleaned
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        for name, value in (("starts_at", starts), ("ends_at", ends)):
            if isinstance(value, datetime) and not FIRST_YEAR <= value.year <= LAST_YEAR:
                # Refused before any date arithmetic: the day after 31 December 9999 overflows.
                self.add_error(
                    name,
                    _("Choose a date between the years %(first)s and %(last)s.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR},
                )
                return cleaned
        if cleaned.get("all_day") and isinstance(starts, datetime) and isinstance(ends, datetime):
            if ends.date() < starts.date():
                self.add_error("ends_at", _("The last day lies before the first."))
                return cleaned
            # The form asks for the last day; the model stores the exclusive midnight after it.
            cleaned["starts_at"] = datetime.combine(starts.date(), time(0), tzinfo=zone)
            cleaned["ends_at"] = datetime.combine(
                ends.date() + timedelta(days=1), time(0), tzinfo=zone
            )
            return cleaned
        for name in ("starts_at", "ends_at"):
            value = cleaned.get(name)
            if not isinstance(value, datetime):
                continue
            if _ambiguous_or_imaginary(value, zone):
                self.add_error(
                    name,
                    _(
                        "%(time)s does not exist or occurs twice in %(zone)s because the clocks "
                        "change; choose another time."
                    )
                    % {"time": value.strftime("%H:%M"), "zone": zone_name},
                )
            else:
                cleaned[name] = value.replace(tzinfo=zone)
        return cleaned


def _ambiguous_or_imaginary(wall_time: datetime, zone: zoneinfo.ZoneInfo) -> bool:
    """True for a wall-clock time skipped or repeated when the clocks change in ``zone``."""
    earlier = wall_time.replace(tzinfo=zone, fold=0)
    later = wall_time.replace(tzinfo=zone, fold=1)
    return earlier.utcoffset() != later.utcoffset()


def _is_team(user) -> bool:
    from kennisstad.accounts import access

    return access.is_team(user)


class IcsImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Calendar file (.ics)"))
    organiser = forms.ModelChoiceField(
        label=_("Organised by"),
        queryset=None,
        required=False,
        help_text=_("The partner whose calendar this is; leave empty for the municipality."),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility of the imported activities"),
        choices=Visibility.choices,
        initial=Visibility.PARTNERS,
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: only show what would happen"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from kennisstad.relations.models import Organisation

        self.fields["organiser"].queryset = Organisation.objects.order_by("name")

    def clean_file(self):
        try:
            return read_upload(self.cleaned_data["file"], max_bytes=MAX_CALENDAR_BYTES)
        except TextInputError as exc:
            raise forms.ValidationError(str(exc)) from exc
