"""Pages for the rights of a contact person: export, erasure and the access log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError

from .. import personal_data, services
from ..filters import PersonalDataAccessFilter
from ..forms import (
    ExportForm,
    ReasonForm,
)
from ..models import (
    Person,
    PersonalDataAccess,
)


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
