"""Filters for the delegation list, used by the web list and the API alike."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kennisstad.core.filters import FilterSet, SearchFilter, YearFilter

from .models import KIND_OF_DIRECTION, Delegation, Direction


class DelegationFilter(FilterSet):
    q = SearchFilter(
        fields=["activity__title_nl", "activity__title_en", "organisation__name", "purpose_nl"]
    )
    direction = django_filters.ChoiceFilter(
        choices=Direction.choices, method="filter_direction", label=_("Direction")
    )
    year = YearFilter(method="filter_year", label=_("Year"), min_value=1900, max_value=2200)
    country = django_filters.ChoiceFilter(
        choices=countries, method="filter_country", label=_("Country")
    )

    class Meta:
        model = Delegation
        fields = ["q", "direction", "year", "country"]

    def filter_direction(self, queryset, name, value):
        return queryset.filter(activity__kind=KIND_OF_DIRECTION[value])

    def filter_year(self, queryset, name, value):
        return queryset.filter(activity__starts_at__year=int(value))

    def filter_country(self, queryset, name, value):
        """The delegation's own country (where it comes from or goes to), or else the visit's."""
        return queryset.filter(Q(country=value) | Q(country="", activity__country=value))
