"""Calendar filters, kept in the URL, shared by the list page and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kennisstad.accounts.models import User
from kennisstad.core.filters import FilterSet, SearchFilter
from kennisstad.core.forms import DateInput
from kennisstad.core.models import Theme
from kennisstad.projects.models import Project
from kennisstad.relations.models import Organisation

from .models import Activity, ActivityKind, ActivityStatus, Visibility


class ActivityFilter(FilterSet):
    q = SearchFilter(fields=["title_nl", "title_en", "location", "city"])
    date_from = django_filters.DateFilter(
        field_name="ends_at",
        lookup_expr="date__gte",
        label=_("From"),
        widget=DateInput(),
        help_text=_("Activities that end on or after this day."),
    )
    date_to = django_filters.DateFilter(
        field_name="starts_at",
        lookup_expr="date__lte",
        label=_("Until"),
        widget=DateInput(),
        help_text=_("Activities that start on or before this day."),
    )
    kind = django_filters.ChoiceFilter(choices=ActivityKind.choices, label=_("Kind"))
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", queryset=Theme.objects.all(), to_field_name="slug", label=_("Theme")
    )
    country = django_filters.ChoiceFilter(choices=countries, label=_("Country"))
    organiser_name = django_filters.CharFilter(
        field_name="organiser_organisation__name", lookup_expr="icontains", label=_("Organiser")
    )
    participant = django_filters.ModelChoiceFilter(
        field_name="team_participants",
        queryset=User.objects.filter(role__in=["team", "administrator"]),
        label=_("Team participant"),
    )
    # Set by links from an organisation or project page; selects of thousands would not scale.
    organiser = django_filters.ModelChoiceFilter(
        field_name="organiser_organisation",
        queryset=Organisation.objects.all(),
        label=_("Organiser"),
        widget=forms.HiddenInput,
    )
    project = django_filters.ModelChoiceFilter(
        queryset=Project.objects.all(), label=_("Project"), widget=forms.HiddenInput
    )
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices, label=_("Visibility"))
    status = django_filters.ChoiceFilter(choices=ActivityStatus.choices, label=_("Status"))

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        from kennisstad.accounts import access

        if request is None or not access.can_see_participants(request.user):
            # Filtering by participant would reveal who takes part.
            self.filters.pop("participant", None)

    class Meta:
        model = Activity
        fields = [
            "q",
            "kind",
            "theme",
            "country",
            "organiser_name",
            "participant",
            "visibility",
            "status",
            "date_from",
            "date_to",
            "organiser",
            "project",
        ]
