"""Pages for delegations and the foreign-travel register (the gifts registers are in
``integrity``)."""

from django.http import Http404, HttpResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.contributions import page_sections
from kennisstad.core.exports import Column, ExportableListMixin
from kennisstad.core.text_input import whole_number

from . import exports, selectors
from .filters import DelegationFilter
from .forms import FORMSET_FIELDS, FORMSETS, DelegationForm, RegisterPeriodForm
from .models import Delegation
from .pages import DELEGATION_SECTIONS
from .services import delete_delegation, save_delegation


def _country(delegation) -> str:
    country = delegation.country or delegation.activity.country
    return country.name if country else ""


DELEGATION_COLUMNS = [
    Column("id", _("ID"), lambda d: d.pk),
    Column("visit", _("Visit"), lambda d: d.activity.title),
    Column("direction", _("Direction"), lambda d: d.get_direction_display()),
    Column("starts_at", _("Start"), lambda d: d.activity.starts_at),
    Column("ends_at", _("End"), lambda d: d.activity.ends_at),
    Column("country", _("Country"), _country),
    Column("organisation", _("Delegation of"), lambda d: str(d.organisation or "")),
    Column("purpose", _("Purpose"), lambda d: d.purpose),
]


class DelegationListView(ExportableListMixin, core_views.FilteredListView):
    model = Delegation
    export_columns = DELEGATION_COLUMNS
    filterset_class = DelegationFilter
    visible = access.visible_delegations
    template_name = "delegations/delegation_list.html"
    results_template_name = "delegations/_delegation_results.html"

    def get_queryset(self):
        self.queryset = selectors.delegation_list(user=self.request.user)
        return super().get_queryset().order_by("-activity__starts_at", "id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_see_registers"] = access.can_see_gifts_and_travel_costs(self.request.user)
        return context


class DelegationDetailView(core_views.RegistryDetailView):
    model = Delegation
    visible = access.visible_delegations
    template_name = "delegations/delegation_detail.html"

    def get_queryset(self):
        self.queryset = selectors.delegation_detail_queryset(user=self.request.user)
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["show_people"] = access.can_see_delegation_people(user)
        context["show_gifts_and_costs"] = access.can_see_gifts_and_travel_costs(user)
        context["sections"] = page_sections(DELEGATION_SECTIONS, self.object, user=user)
        return context


class DelegationSaveMixin:
    """The delegation form plus one formset per child list, saved in one versioned write."""

    new_heading = _("New delegation")
    model = Delegation
    form_class = DelegationForm
    visible = access.visible_delegations
    template_name = "delegations/delegation_form.html"

    def get_initial(self):
        initial = super().get_initial()
        if whole_number(self.request.GET.get("activity")) is not None:
            initial["activity"] = self.request.GET["activity"]
        return initial

    def formsets(self, data=None):
        instance = self.object if self.object is not None and self.object.pk else Delegation()
        return {
            name: (formset_class(data, instance=instance, prefix=name), legend)
            for name, (formset_class, legend) in FORMSETS.items()
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "formsets" not in context:
            context["formsets"] = getattr(self, "bound_formsets", None) or self.formsets()
        return context

    def form_valid(self, form):
        self.bound_formsets = self.formsets(self.request.POST)
        if not all(formset.is_valid() for formset, _legend in self.bound_formsets.values()):
            return self.form_invalid(form)
        return super().form_valid(form)

    def form_invalid(self, form):
        if getattr(self, "bound_formsets", None) is None:
            self.bound_formsets = self.formsets(self.request.POST)
        return super().form_invalid(form)

    @staticmethod
    def rows(name, formset) -> list[dict]:
        rows = []
        for item in formset.forms:
            data = getattr(item, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue  # an empty extra form, or a row to remove
            row = {field: data.get(field) for field in FORMSET_FIELDS[name]}
            row["id"] = item.instance.pk
            rows.append(row)
        return rows

    def save(self, form):
        lists = {
            name: self.rows(name, formset)
            for name, (formset, _legend) in self.bound_formsets.items()
        }
        return save_delegation(
            delegation=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            host_users=form.cleaned_data.get("host_users"),
            host_people=form.cleaned_data.get("host_people"),
            **lists,
        )

    def get_success_url(self):
        return reverse("delegations:delegation-detail", args=[self.object.pk])


class DelegationCreateView(DelegationSaveMixin, core_views.RegistryCreateView):
    pass


class DelegationUpdateView(DelegationSaveMixin, core_views.RegistryUpdateView):
    pass


def _delete_delegation(*, instance, user, expected_version):
    delete_delegation(delegation=instance, user=user, expected_version=expected_version)


class DelegationDeleteView(core_views.RegistryDeleteView):
    model = Delegation
    visible = access.visible_delegations
    delete_function = _delete_delegation
    success_url = reverse_lazy("delegations:delegation-list")


class RegisterView(core_views.RegistryViewMixin, generic.TemplateView):
    """A register for a year or half year; ``?format=xlsx|csv|docx`` downloads it."""

    may_open = access.can_see_gifts_and_travel_costs
    register = "travel"

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        data.setdefault("year", str(timezone.localdate().year))
        self.period_form = RegisterPeriodForm(data)
        period = None
        if self.period_form.is_valid():
            period = selectors.Period(
                self.period_form.cleaned_data["year"], self.period_form.cleaned_data["half"]
            )
        fmt = request.GET.get("format")
        if fmt:
            if fmt not in exports.FORMATS or period is None:
                raise Http404
            response = HttpResponse(
                exports.render(self.register, period, fmt),
                content_type=exports.CONTENT_TYPES[fmt],
            )
            name = exports.filename(self.register, period, fmt)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        self.period = period
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["period_form"] = self.period_form
        context["period"] = self.period
        context["formats"] = exports.FORMATS
        query = self.request.GET.copy()
        query.pop("format", None)
        if self.period is not None:
            query["year"] = self.period.year
        context["query"] = query.urlencode()
        if self.period is not None:
            context["table"] = exports.table_for(self.register, self.period)
        return context


class TravelRegisterView(RegisterView):
    register = "travel"
    template_name = "delegations/travel_register.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.period is not None:
            context["register"] = selectors.travel_register(self.period)
        return context
