"""Activity form: times are entered in the activity's own time zone (a mission to Shanghai is
planned in Shanghai time) and stored time-zone-aware."""

import zoneinfo
from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateTimeInput, VersionedModelForm

from .models import Activity

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


class ActivityForm(VersionedModelForm):
    starts_at = forms.DateTimeField(label=_("Start"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("End"), widget=DateTimeInput())
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
                ends = ends - timezone.timedelta(days=1)
            self.initial["ends_at"] = ends.astimezone(zone).replace(tzinfo=None)
        self.user = user
        if user is not None:
            from kennisstad.accounts import access

            self.fields["project"].queryset = access.visible_projects(
                user, self.fields["project"].queryset
            )
            self.fields["team_participants"].queryset = self.fields[
                "team_participants"
            ].queryset.filter(role__in=["team", "administrator"])
        if user is not None and user.is_authenticated and not _is_team(user):
            # Partners organise on behalf of their own organisation only.
            self.fields.pop("organiser_organisation")
            self.fields.pop("team_participants")
            self.fields.pop("people")
            self.instance.organiser_organisation = user.organisation

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("timezone") or "Europe/Amsterdam"
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return cleaned
        for name in ("starts_at", "ends_at"):
            value = cleaned.get(name)
            if isinstance(value, datetime):
                naive = timezone.make_naive(value)  # as typed by the user
                cleaned[name] = naive.replace(tzinfo=zone)
        if cleaned.get("all_day") and isinstance(cleaned.get("ends_at"), datetime):
            # The form asks for the last day; the model stores the exclusive midnight after it.
            last_day = cleaned["ends_at"].date()
            cleaned["ends_at"] = datetime.combine(
                last_day + timezone.timedelta(days=1), datetime.min.time(), tzinfo=zone
            )
        return cleaned


def _is_team(user) -> bool:
    from kennisstad.accounts import access

    return access.is_team(user)
