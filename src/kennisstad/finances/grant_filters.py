"""Filters of the grant list, used by the page and the API alike."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisstad.core.filters import FilterSet, SearchFilter, YearFilter
from kennisstad.policy.models import PolicyArea
from kennisstad.relations.models import Organisation

from . import grant_selectors
from .grant_models import Grant, GrantStatus

ACCOUNTABILITY_CHOICES = [
    ("soon", _("Accountability due soon")),
    ("overdue", _("Accountability overdue")),
]


class GrantFilter(FilterSet):
    q = SearchFilter(fields=["title_nl", "title_en", "decision_number", "organisation__name"])
    status = django_filters.ChoiceFilter(choices=GrantStatus.choices, label=_("Status"))
    policy_field = django_filters.ModelChoiceFilter(
        field_name="policy_area",
        queryset=PolicyArea.objects.filter(grants__isnull=False).distinct(),
        to_field_name="code",
        label=_("Policy field"),
    )
    year = YearFilter(field_name="period_start", lookup_expr="year", label=_("Year"))
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.none(),  # set per user in __init__
        label=_("Applicant"),
    )
    accountability = django_filters.ChoiceFilter(
        choices=ACCOUNTABILITY_CHOICES, method="filter_accountability", label=_("Accountability")
    )

    class Meta:
        model = Grant
        fields = ["q", "status", "policy_field", "year", "organisation", "accountability"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices name applicants: only those of grants the user may see (a partner: its own).
        user = getattr(self.request, "user", None)
        applicant = self.filters["organisation"]
        applicant.__dict__.pop("_field", None)  # a form field built earlier (e.g. by the
        # schema) is copied with the class's empty choices: build it again with these
        applicant.queryset = Organisation.objects.filter(
            pk__in=grant_selectors.visible_grants(user, Grant.objects.all()).values(
                "organisation_id"
            )
        )

    def filter_accountability(self, queryset, name, value):
        today = timezone.localdate()
        if value == "soon":
            return queryset.filter(grant_selectors.due_soon(today))
        if value == "overdue":
            return queryset.filter(grant_selectors.overdue(today))
        return queryset
