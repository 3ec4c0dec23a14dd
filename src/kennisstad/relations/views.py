"""Pages of the relations registry: organisations and their contact persons."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.contributions import page_sections
from kennisstad.core.exports import ExportableListMixin
from kennisstad.core.filters import MAX_ID
from kennisstad.core.services import delete_record
from kennisstad.core.text_input import whole_number

from . import duplicates, personal_data, selectors, services
from .filters import InteractionFilter, OrganisationFilter, PersonalDataAccessFilter, PersonFilter
from .forms import (
    ExportForm,
    InteractionForm,
    MergeForm,
    OrganisationForm,
    PersonForm,
    ReasonForm,
)
from .models import (
    REASON_CONSULTED,
    REASON_LIST_EXPORT,
    REASON_LISTED,
    Interaction,
    Organisation,
    Person,
    PersonalDataAccess,
    PersonalDataAction,
)
from .services import complete_follow_up, save_interaction, save_organisation, save_person
from .spreadsheets import INTERACTION_COLUMNS, ORGANISATION_COLUMNS, PERSON_COLUMNS
from .timeline import ORGANISATION_SECTIONS, organisation_timeline

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

    def get_export_queryset(self, queryset):
        services.log_personal_data_reads(
            user=self.request.user,
            person_ids=queryset.values_list("pk", flat=True).iterator(chunk_size=2000),
            action=PersonalDataAction.EXPORT,
            reason=REASON_LIST_EXPORT,
        )
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        services.log_personal_data_reads(
            user=self.request.user,
            person_ids=[person.pk for person in context["object_list"]],
            action=PersonalDataAction.READ,
            reason=REASON_LISTED,
        )
        return context


class PersonDetailView(core_views.RegistryDetailView):
    """Opening a person's page is a read of personal data: it is logged (one insert)."""

    model = Person
    visible = access.visible_people
    may_open = access.is_team
    template_name = "relations/person_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, person = self.request.user, self.object
        services.log_personal_data_access(
            user=user, person_id=person.pk, action=PersonalDataAction.READ, reason=REASON_CONSULTED
        )
        erased = person.erased_at is not None
        context["can_change"] = context["can_change"] and not erased
        context["can_export"] = access.can_export_personal_data(user)
        context["can_erase"] = access.can_erase_personal_data(user) and not erased
        context["can_see_log"] = access.can_see_personal_data_log(user)
        return context


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
    def get_object(self, queryset=None):
        person = super().get_object(queryset)
        if person.erased_at is not None:  # filling in a name again would undo the erasure
            raise PermissionDenied
        return person


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


class InteractionListView(ExportableListMixin, core_views.FilteredListView):
    model = Interaction
    export_columns = INTERACTION_COLUMNS
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
            ids = [
                value
                for value in self.request.GET.getlist(name)
                if value.isascii() and value.isdigit()
            ]
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
                expected_version=whole_number(version) or -1,
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
        self.months = (
            int(months) if months.isascii() and months.isdigit() and 0 < int(months) <= 600 else 6
        )
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


# --- personal data (AVG) -------------------------------------------------------------------


def _no_store(response):
    """Personal data stays out of browser and proxy caches."""
    add_never_cache_headers(response)
    response["Cache-Control"] += ", no-store"
    return response


class PersonalDataExportView(core_views.RegistryViewMixin, generic.DetailView):
    """Everything held about a person, as a readable page or a JSON file, after a reason."""

    model = Person
    visible = access.visible_people
    may_open = access.can_export_personal_data
    template_name = "relations/personal_data_request.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ExportForm())
        return context

    def post(self, request, *args, **kwargs):
        self.object = person = self.get_object()
        form = ExportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.record_export(person=person, user=request.user, reason=form.cleaned_data["reason"])
        sections = personal_data.collect(person)
        if form.cleaned_data["format"] == "json":
            response = JsonResponse(
                personal_data.as_json(person, sections),
                json_dumps_params={"indent": 2, "ensure_ascii": False},
            )
            response["Content-Disposition"] = (
                f'attachment; filename="person-{person.pk}-personal-data.json"'
            )
            return _no_store(response)
        context = {"object": person, "sections": sections, "reason": form.cleaned_data["reason"]}
        return _no_store(render(request, "relations/personal_data.html", context))


class PersonEraseView(core_views.RegistryViewMixin, generic.DetailView):
    """Confirm, with a reason, that a person's personal data is erased everywhere."""

    model = Person
    visible = access.visible_people
    may_open = access.can_erase_personal_data
    template_name = "relations/person_erase.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReasonForm())
        return context

    def post(self, request, *args, **kwargs):
        self.object = person = self.get_object()
        form = ReasonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            services.erase_person(
                person=person, user=request.user, reason=form.cleaned_data["reason"]
            )
        except (ValidationError, StaleVersionError) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return HttpResponseRedirect(request.path)
        messages.success(request, gettext("The personal data has been erased."))
        return HttpResponseRedirect(reverse("relations:person-detail", args=[person.pk]))


class PersonalDataLogView(core_views.FilteredListView):
    """Who read, exported or erased whose data, and why; per person via ``?person=``."""

    model = PersonalDataAccess
    filterset_class = PersonalDataAccessFilter
    may_open = access.can_see_personal_data_log
    template_name = "relations/personal_data_log.html"
    results_template_name = "relations/_personal_data_log_results.html"

    def get_queryset(self):
        self.queryset = PersonalDataAccess.objects.select_related("user").order_by("-at", "-id")
        return super().get_queryset()


# --- duplicates ----------------------------------------------------------------------------


class DuplicateListView(core_views.RegistryViewMixin, generic.TemplateView):
    """Candidate pairs of organisations or people, each with why they look alike."""

    may_open = access.can_merge_duplicates
    template_name = "relations/duplicates.html"
    per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = "people" if self.request.GET.get("kind") == "people" else "organisations"
        if kind == "people":
            candidates = duplicates.person_candidates()
        else:
            candidates = duplicates.organisation_candidates()
        page = Paginator(candidates, self.per_page).get_page(self.request.GET.get("page"))
        context.update(
            kind=kind,
            page_obj=page,
            object_list=page.object_list,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            query_without_page=f"kind={kind}",
            merge_url="relations:person-merge"
            if kind == "people"
            else "relations:organisation-merge",
        )
        return context


class MergeView(core_views.RegistryViewMixin, generic.TemplateView):
    """Two records side by side; the user picks per differing field, then merges."""

    model = None
    may_open = access.can_merge_duplicates
    template_name = "relations/merge.html"
    detail_url = None

    def get_records(self):
        queryset = self.model._default_manager.all()
        if self.model is Person:
            queryset = access.visible_people(self.request.user, queryset)
        if any(pk > MAX_ID for pk in self.pks()):
            raise Http404  # no key is that large; an IN lookup would not even bind it on SQLite
        records = {record.pk: record for record in queryset.filter(pk__in=self.pks())}
        if len(records) != 2:
            raise Http404
        return records[self.kwargs["kept"]], records[self.kwargs["removed"]]

    def pks(self):
        return [self.kwargs["kept"], self.kwargs["removed"]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kept, removed = self.kept, self.removed
        context.setdefault("form", MergeForm(kept=kept, removed=removed))
        context.update(
            kept=kept,
            removed=removed,
            model_name=self.model._meta.verbose_name,
            detail_url=self.detail_url,
            swap_url=reverse(self.request.resolver_match.view_name, args=[removed.pk, kept.pk]),
        )
        return context

    def get(self, request, *args, **kwargs):
        self.kept, self.removed = self.get_records()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.kept, self.removed = self.get_records()
        form = MergeForm(request.POST, kept=self.kept, removed=self.removed)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            services.merge_records(
                kept=self.kept,
                removed=self.removed,
                user=request.user,
                take=form.taken(),
                kept_version=form.cleaned_data["kept_version"],
                removed_version=form.cleaned_data["removed_version"],
            )
        except StaleVersionError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(request.path)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(request.path)
        messages.success(request, gettext("Merged."))
        return HttpResponseRedirect(reverse(self.detail_url, args=[self.kept.pk]))


class OrganisationMergeView(MergeView):
    model = Organisation
    detail_url = "relations:organisation-detail"


class PersonMergeView(MergeView):
    model = Person
    detail_url = "relations:person-detail"
