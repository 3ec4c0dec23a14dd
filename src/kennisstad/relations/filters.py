"""Filters for organisation and people lists, used by the web pages and the API alike."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kennisstad.core.filters import SearchFilter
from kennisstad.core.forms import LongSelect

from .models import LawfulBasis, Organisation, OrganisationKind, Person


class OrganisationFilter(django_filters.FilterSet):
    q = SearchFilter(fields=["name", "abbreviation", "city"])
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices, label=_("Kind"))
    country = django_filters.ChoiceFilter(choices=countries, label=_("Country"), widget=LongSelect)
    tag = django_filters.CharFilter(field_name="tags__name", label=_("Tag"))

    class Meta:
        model = Organisation
        fields = ["q", "kind", "country", "relationship_owner", "tag"]


class PersonFilter(django_filters.FilterSet):
    q = SearchFilter(fields=["first_name", "last_name", "email", "job_title"])
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisations",
        queryset=Organisation.objects.all(),
        label=_("Organisation"),
        widget=forms.HiddenInput,  # set by links; a select of every organisation would not scale
    )
    organisation_name = django_filters.CharFilter(
        field_name="organisations__name",
        lookup_expr="icontains",
        distinct=True,
        label=_("Organisation"),
    )
    lawful_basis = django_filters.ChoiceFilter(choices=LawfulBasis.choices, label=_("Lawful basis"))

    class Meta:
        model = Person
        fields = ["q", "organisation_name", "lawful_basis", "organisation"]
