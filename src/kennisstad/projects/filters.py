"""Filters for the project portfolio, used by the web list and the API alike."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kennisstad.core.filters import FilterSet, SearchFilter, YearFilter
from kennisstad.core.models import Theme
from kennisstad.relations.models import Organisation

from . import selectors
from .models import Project, ProjectCategory, ProjectStatus


class ProjectFilter(FilterSet):
    q = SearchFilter(fields=["title_nl", "title_en", "description_nl", "description_en"])
    category = django_filters.ModelChoiceFilter(
        queryset=ProjectCategory.objects.all(), to_field_name="code", label=_("Category")
    )
    status = django_filters.ChoiceFilter(choices=ProjectStatus.choices, label=_("Status"))
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", queryset=Theme.objects.all(), to_field_name="slug", label=_("Theme")
    )
    country = django_filters.ChoiceFilter(
        choices=countries, field_name="countries", lookup_expr="icontains", label=_("Country")
    )
    partner = django_filters.ModelChoiceFilter(
        field_name="partnerships__organisation",
        queryset=Organisation.objects.all(),
        label=_("Partner"),
        widget=forms.HiddenInput,  # set by links; a select of every organisation would not scale
    )
    partner_name = django_filters.CharFilter(
        method="filter_partner_name", label=_("Partner or lead organisation")
    )
    active_in = YearFilter(
        method="filter_active_in", label=_("Active in year"), min_value=1900, max_value=2200
    )
    is_public = django_filters.BooleanFilter(label=_("Public"))

    class Meta:
        model = Project
        fields = [
            "q",
            "category",
            "status",
            "theme",
            "country",
            "partner",
            "active_in",
            "is_public",
        ]

    def filter_partner_name(self, queryset, name, value):
        return queryset.filter(
            Q(partnerships__organisation__name__icontains=value)
            | Q(lead_organisation__name__icontains=value)
        ).distinct()

    def filter_active_in(self, queryset, name, value):
        return selectors.active_in_year(int(value), queryset)
