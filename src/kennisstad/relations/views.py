"""Pages of the relations registry: organisations and their contact persons."""

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.exports import ExportableListMixin
from kennisstad.core.services import delete_record

from . import selectors
from .filters import OrganisationFilter, PersonFilter
from .forms import OrganisationForm, PersonForm
from .models import Organisation, Person
from .services import save_organisation, save_person
from .spreadsheets import ORGANISATION_COLUMNS, PERSON_COLUMNS


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

    def get_context_data(self, **kwargs):
        from kennisstad.agenda.selectors import activities_of_organisation
        from kennisstad.projects.selectors import projects_of_organisation

        context = super().get_context_data(**kwargs)
        user = self.request.user
        organisation = self.object
        context["people"] = access.visible_people(user, organisation.people.all())
        context["projects"] = projects_of_organisation(organisation, user=user)
        context["activities"] = activities_of_organisation(organisation, user=user)[:20]
        context["interactions"] = access.visible_interactions(
            user, selectors.interactions_with(organisation)
        )[:20]
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


class PersonListView(ExportableListMixin, core_views.FilteredListView):
    model = Person
    export_columns = PERSON_COLUMNS
    filterset_class = PersonFilter
    visible = access.visible_people
    may_open = access.is_team
    template_name = "relations/person_list.html"
    results_template_name = "relations/_person_results.html"

    def get_queryset(self):
        self.queryset = selectors.person_list()
        return super().get_queryset()


class PersonDetailView(core_views.RegistryDetailView):
    model = Person
    visible = access.visible_people
    may_open = access.is_team
    template_name = "relations/person_detail.html"


class PersonSaveMixin:
    new_heading = _("New person")
    model = Person
    form_class = PersonForm
    visible = access.visible_people
    may_open = access.is_team

    def save(self, form):
        return save_person(
            person=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            organisations=form.cleaned_data.get("organisations"),
        )

    def get_success_url(self):
        return reverse("relations:person-detail", args=[self.object.pk])


class PersonCreateView(PersonSaveMixin, core_views.RegistryCreateView):
    pass


class PersonUpdateView(PersonSaveMixin, core_views.RegistryUpdateView):
    pass


class PersonDeleteView(core_views.RegistryDeleteView):
    model = Person
    visible = access.visible_people
    may_open = access.is_team
    delete_function = delete_record
    success_url = reverse_lazy("relations:person-list")
