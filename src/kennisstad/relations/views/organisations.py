"""Pages of the organisations in the relations registry."""

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.contributions import page_sections
from kennisstad.core.exports import ExportableListMixin
from kennisstad.core.services import delete_record

from .. import selectors
from ..filters import OrganisationFilter
from ..forms import (
    OrganisationForm,
)
from ..models import (
    Organisation,
    Person,
)
from ..services import save_organisation
from ..spreadsheets import ORGANISATION_COLUMNS
from ..timeline import ORGANISATION_SECTIONS, organisation_timeline

PEOPLE_SHOWN = 50


class OrganisationListView(ExportableListMixin, core_views.FilteredListView):
    model = Organisation
    export_columns = ORGANISATION_COLUMNS
    may_open = access.is_team_or_reader
    filterset_class = OrganisationFilter
    visible = access.visible_organisations
    template_name = "relations/organisation_list.html"
    results_template_name = "relations/_organisation_results.html"

    def get_queryset(self):
        self.queryset = selectors.organisation_list()
        return super().get_queryset()

    def get_export_queryset(self, queryset):
        return queryset.prefetch_related("tags")


class OrganisationDetailView(core_views.RegistryDetailView):
    model = Organisation
    visible = access.visible_organisations
    template_name = "relations/organisation_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("relationship_owner")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        organisation = self.object
        context["can_see_management_details"] = access.can_see_management_details(user)
        context["people"] = access.visible_people(
            user,
            organisation.people.only(
                "pk", "first_name", "last_name", "job_title", "erased_at"
            ).order_by("last_name", "first_name", "pk"),
        )[:PEOPLE_SHOWN]
        context["people_count"] = (
            Person.organisations.through.objects.filter(organisation=organisation).count()
            if access.can_see_people(user)
            else 0
        )
        context["sections"] = page_sections(ORGANISATION_SECTIONS, organisation, user=user)
        context["timeline"] = organisation_timeline(organisation, user=user)
        context["can_log_contact"] = access.can_create(user, "relations.interaction")
        context["tags"] = list(organisation.tags.all())
        return context


class OrganisationSaveMixin:
    new_heading = _("New organisation")
    model = Organisation
    form_class = OrganisationForm
    visible = access.visible_organisations

    def save(self, form):
        return save_organisation(
            organisation=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            tags=form.cleaned_data.get("tags"),
        )

    def get_success_url(self):
        return reverse("relations:organisation-detail", args=[self.object.pk])


class OrganisationCreateView(OrganisationSaveMixin, core_views.RegistryCreateView):
    pass


class OrganisationUpdateView(OrganisationSaveMixin, core_views.RegistryUpdateView):
    pass


class OrganisationDeleteView(core_views.RegistryDeleteView):
    model = Organisation
    visible = access.visible_organisations
    delete_function = delete_record
    success_url = reverse_lazy("relations:organisation-list")


class OrganisationSuggestView(core_views.SuggestView):
    model = Organisation
    visible = access.visible_organisations
    search_fields = ("name", "abbreviation", "city")
    ordering = ("name", "pk")
