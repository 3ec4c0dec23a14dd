"""Filters for the agreement list, used by the web list and the API alike."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kennisstad.core.filters import FilterSet, SearchFilter

from . import selectors
from .models import Agreement, AgreementKind, AgreementStatus


class AgreementFilter(FilterSet):
    q = SearchFilter(
        fields=["title_nl", "title_en", "summary_nl", "partyships__organisation__name"]
    )
    kind = django_filters.ChoiceFilter(choices=AgreementKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(
        choices=AgreementStatus.choices, method="filter_status", label=_("Status")
    )
    country = django_filters.ChoiceFilter(
        choices=countries, method="filter_country", label=_("Country of a party")
    )
    expiring = django_filters.BooleanFilter(
        method="filter_expiring",
        label=_("Expiring soon"),
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Agreement
        fields = ["q", "kind", "status", "country", "expiring"]

    def filter_status(self, queryset, name, value: str):
        return selectors.with_status(queryset, [value], timezone.localdate())

    def filter_country(self, queryset, name, value: str):
        return selectors.with_party_in(queryset, value)

    def filter_expiring(self, queryset, name, value: bool):
        today = timezone.localdate()
        if not value:
            return queryset
        return selectors.with_status(queryset, [AgreementStatus.EXPIRING], today)
