"""Filters for organisation and people lists, used by the web pages and the API alike."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kennisstad.accounts import access
from kennisstad.core.filters import FilterSet, IdFilter, SearchFilter
from kennisstad.core.forms import DateInput, LongSelect
from kennisstad.privacy.lawful_basis import LawfulBasis

from .models import (
    Interaction,
    InteractionKind,
    Organisation,
    OrganisationKind,
    Person,
    PersonalDataAccess,
    PersonalDataAction,
)


class OrganisationFilter(FilterSet):
    q = SearchFilter(fields=["name", "abbreviation", "city"])
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices, label=_("Kind"))
    country = django_filters.ChoiceFilter(choices=countries, label=_("Country"), widget=LongSelect)
    tag = django_filters.CharFilter(field_name="tags__name", label=_("Tag"))
    # The one filter where "none" means something: organisations nobody looks after.
    relationship_owner = django_filters.ModelChoiceFilter(
        queryset=get_user_model().objects.all(),
        null_label=_("No owner"),
        label=_("Relationship owner"),
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "country", "relationship_owner", "tag"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or not access.can_see_management_details(request.user):
            # Filtering by owner would reveal who looks after which organisation.
            self.filters.pop("relationship_owner", None)


class PersonFilter(FilterSet):
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


class InteractionFilter(FilterSet):
    q = SearchFilter(fields=["subject", "notes"])
    kind = django_filters.ChoiceFilter(choices=InteractionKind.choices, label=_("Kind"))
    mine = django_filters.BooleanFilter(
        method="filter_mine", label=_("Only mine"), widget=forms.CheckboxInput
    )
    follow_up = django_filters.ChoiceFilter(
        choices=[
            ("open", _("Follow-up still to do")),
            ("overdue", _("Follow-up overdue")),
            ("done", _("Followed up")),
        ],
        method="filter_follow_up",
        label=_("Follow-up"),
    )
    happened_after = django_filters.DateFilter(
        field_name="happened_on", lookup_expr="gte", label=_("From"), widget=DateInput()
    )
    happened_before = django_filters.DateFilter(
        field_name="happened_on", lookup_expr="lte", label=_("Until"), widget=DateInput()
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisations",
        queryset=Organisation.objects.all(),
        label=_("Organisation"),
        widget=forms.HiddenInput,
    )
    person = django_filters.ModelChoiceFilter(
        field_name="people",
        queryset=Person.objects.all(),
        label=_("Person"),
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Interaction
        fields = ["q", "kind", "mine", "follow_up", "happened_after", "happened_before"]

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        return queryset.filter(owner=user) if value and user is not None else queryset

    def filter_follow_up(self, queryset, name, value):
        from django.utils import timezone

        open_ = queryset.filter(follow_up_on__isnull=False, follow_up_done_on__isnull=True)
        if value == "open":
            return open_
        if value == "overdue":
            return open_.filter(follow_up_on__lt=timezone.localdate())
        if value == "done":
            return queryset.filter(follow_up_done_on__isnull=False)
        return queryset


class PersonalDataAccessFilter(FilterSet):
    person = IdFilter(field_name="person_id", label=_("Person number"))
    action = django_filters.ChoiceFilter(choices=PersonalDataAction.choices, label=_("Action"))
    user = django_filters.CharFilter(
        field_name="user__username", lookup_expr="iexact", label=_("User name")
    )
    since = django_filters.DateFilter(
        field_name="at", lookup_expr="date__gte", label=_("From"), widget=DateInput
    )
    until = django_filters.DateFilter(
        field_name="at", lookup_expr="date__lte", label=_("Until"), widget=DateInput
    )
    reason = django_filters.CharFilter(lookup_expr="icontains", label=_("Reason"))

    class Meta:
        model = PersonalDataAccess
        fields = ["person", "action", "user", "since", "until", "reason"]
