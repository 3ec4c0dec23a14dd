"""Pages of the relations registry: organisations and their contact persons."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.services import delete_record

from . import duplicates, personal_data, selectors, services
from .filters import OrganisationFilter, PersonalDataAccessFilter, PersonFilter
from .forms import ExportForm, MergeForm, OrganisationForm, PersonForm, ReasonForm
from .models import (
    REASON_CONSULTED,
    Organisation,
    Person,
    PersonalDataAccess,
    PersonalDataAction,
)
from .services import save_organisation, save_person


class OrganisationListView(core_views.FilteredListView):
    model = Organisation
    may_open = access.is_team_or_reader
    filterset_class = OrganisationFilter
    visible = access.visible_organisations
    template_name = "relations/organisation_list.html"
    results_template_name = "relations/_organisation_results.html"

    def get_queryset(self):
        self.queryset = selectors.organisation_list()
        return super().get_queryset()


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


class PersonListView(core_views.FilteredListView):
    model = Person
    filterset_class = PersonFilter
    visible = access.visible_people
    may_open = access.is_team
    template_name = "relations/person_list.html"
    results_template_name = "relations/_person_results.html"

    def get_queryset(self):
        self.queryset = selectors.person_list()
        return super().get_queryset()


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
