"""Pages of the relations registry: organisations and their contact persons."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.exports import ExportableListMixin
from kennisstad.core.services import delete_record

from . import selectors
from .filters import InteractionFilter, OrganisationFilter, PersonFilter
from .forms import InteractionForm, OrganisationForm, PersonForm
from .models import Interaction, Organisation, Person
from .services import complete_follow_up, save_interaction, save_organisation, save_person
from .spreadsheets import ORGANISATION_COLUMNS, PERSON_COLUMNS

PEOPLE_SHOWN = 50
PROJECTS_SHOWN = 50


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
        from kennisstad.projects.selectors import projects_of_organisation

        context = super().get_context_data(**kwargs)
        user = self.request.user
        organisation = self.object
        context["people"] = access.visible_people(
            user, organisation.people.order_by("last_name", "first_name", "pk")
        )[:PEOPLE_SHOWN]
        context["people_count"] = access.visible_people(user, organisation.people.all()).count()
        context["projects"] = projects_of_organisation(organisation, user=user).order_by(
            "-start_date", "pk"
        )[:PROJECTS_SHOWN]
        context["timeline"] = selectors.organisation_timeline(organisation, user=user)
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


class OrganisationSuggestView(core_views.SuggestView):
    model = Organisation
    visible = access.visible_organisations
    search_fields = ("name", "abbreviation", "city")
    ordering = ("name", "pk")


class PersonSuggestView(core_views.SuggestView):
    model = Person
    visible = access.visible_people
    may_open = access.is_team
    search_fields = ("first_name", "last_name", "email")
    ordering = ("last_name", "first_name", "pk")


# --- contact moments ------------------------------------------------------------------------


class InteractionListView(core_views.FilteredListView):
    model = Interaction
    filterset_class = InteractionFilter
    visible = access.visible_interactions
    may_open = access.is_team
    template_name = "relations/interaction_list.html"
    results_template_name = "relations/_interaction_results.html"

    def get_queryset(self):
        self.queryset = selectors.interaction_list()
        return super().get_queryset()


class FollowUpListView(core_views.RegistryViewMixin, generic.ListView):
    """ "My follow-ups": what the signed-in team member promised to come back to."""

    model = Interaction
    may_open = access.is_team
    visible = access.visible_interactions
    template_name = "relations/follow_ups.html"
    paginate_by = 100

    def get_queryset(self):
        self.queryset = selectors.open_follow_ups(owner=self.request.user)
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        from django.utils import timezone

        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


class InteractionDetailView(core_views.RegistryDetailView):
    model = Interaction
    visible = access.visible_interactions
    may_open = access.is_team
    template_name = "relations/interaction_detail.html"

    def get_queryset(self):
        self.queryset = selectors.interaction_list()
        return super().get_queryset()


class InteractionSaveMixin:
    new_heading = _("New contact moment")
    model = Interaction
    form_class = InteractionForm
    visible = access.visible_interactions
    may_open = access.is_team

    def get_initial(self):
        """Started from an organisation's or a person's page: that record is filled in."""
        from django.utils import timezone

        initial = super().get_initial()
        initial.setdefault("happened_on", timezone.localdate())
        for name in ("organisations", "people"):
            ids = [value for value in self.request.GET.getlist(name) if value.isdigit()]
            if ids:
                initial[name] = ids
        return initial

    def save(self, form):
        return save_interaction(
            interaction=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            organisations=form.cleaned_data.get("organisations"),
            people=form.cleaned_data.get("people"),
        )

    def get_success_url(self):
        return reverse("relations:interaction-detail", args=[self.object.pk])


class InteractionCreateView(InteractionSaveMixin, core_views.RegistryCreateView):
    pass


class InteractionUpdateView(InteractionSaveMixin, core_views.RegistryUpdateView):
    pass


class InteractionDeleteView(core_views.RegistryDeleteView):
    model = Interaction
    visible = access.visible_interactions
    may_open = access.is_team
    delete_function = delete_record
    success_url = reverse_lazy("relations:interaction-list")


class CompleteFollowUpView(core_views.RegistryViewMixin, generic.View):
    """POST: the follow-up is done. Returns to the page the button was on."""

    may_open = access.is_team
    http_method_names = ["post"]

    def post(self, request, pk):
        interaction = get_object_or_404(
            access.visible_interactions(request.user, Interaction.objects.all()), pk=pk
        )
        if not access.can_change(request.user, interaction):
            raise PermissionDenied
        version = request.POST.get("version", "")
        try:
            complete_follow_up(
                interaction=interaction,
                user=request.user,
                expected_version=int(version) if version.isdigit() else -1,
            )
            messages.success(request, _("Follow-up marked as done."))
        except StaleVersionError as exc:
            messages.error(request, exc.message)
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = reverse("relations:follow-ups")
        return HttpResponseRedirect(target)


class DormantRelationsView(core_views.RegistryViewMixin, generic.ListView):
    """Relations without a contact moment for more than N months, per relationship owner."""

    model = Organisation
    may_open = access.is_team
    visible = access.visible_organisations
    template_name = "relations/dormant.html"
    paginate_by = 100
    month_choices = (3, 6, 12, 24)

    def get_queryset(self):
        from kennisstad.accounts.selectors import team_members

        self.owners = list(team_members())
        owner_id = self.request.GET.get("owner", "")
        self.owner = next(
            (user for user in self.owners if str(user.pk) == owner_id), self.request.user
        )
        months = self.request.GET.get("months", "")
        self.months = int(months) if months.isdigit() and int(months) > 0 else 6
        self.queryset = selectors.dormant_relations(owner=self.owner, months=self.months)
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            owners=self.owners,
            owner=self.owner,
            months=self.months,
            month_choices=sorted({*self.month_choices, self.months}),
        )
        return context
