"""Filters of funding applications, used by the list page and the API alike."""

import django_filters
from django.utils.translation import gettext_lazy as _

from kennisstad.core.filters import FilterSet, SearchFilter, YearFilter

from . import selectors
from .models import Application, Programme, Stage


class ApplicationFilter(FilterSet):
    q = SearchFilter(fields=["title_nl", "title_en", "programme_line", "call_id"])
    programme = django_filters.ChoiceFilter(choices=Programme.choices, label=_("Programme"))
    stage = django_filters.ChoiceFilter(choices=Stage.choices, label=_("Stage (now)"))
    year = YearFilter(
        method="filter_year", label=_("In the pipeline in year"), min_value=1900, max_value=2200
    )

    class Meta:
        model = Application
        fields = ["q", "programme", "stage", "year"]

    def filter_year(self, queryset, name, value):
        return selectors.in_stage_in_year(queryset, year=int(value))
