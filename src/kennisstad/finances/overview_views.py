"""The finance overview page (team members): per year and policy area the ledger, the
projects' allocations beside it and the grants; and the allocations' own pages (new, edit,
delete, with their history)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views

from . import overview_selectors
from .allocation_services import delete_allocation, save_allocation
from .models import ProjectAllocation
from .overview_forms import AllocationForm, YearForm

ALLOCATIONS_SHOWN = 200


class OverviewView(core_views.RegistryViewMixin, generic.TemplateView):
    may_open = access.is_team
    template_name = "finances/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = overview_selectors.overview_years(timezone.localdate())
        form = YearForm(self.request.GET or None, years=years, auto_id="id_overview_%s")
        year = form.cleaned_data["year"] if form.is_valid() else years[0]
        if not form.is_bound:
            form = YearForm(initial={"year": year}, years=years, auto_id="id_overview_%s")
        allocations = overview_selectors.allocations_of_year(year)
        context.update(
            year=year,
            year_form=form,
            rows=overview_selectors.finance_overview(year),
            allocations=allocations[:ALLOCATIONS_SHOWN],
            more_allocations=allocations.count() > ALLOCATIONS_SHOWN,
            can_create=access.can_create(self.request.user, "finances.projectallocation"),
        )
        return context


class AllocationDetailView(core_views.RegistryDetailView):
    model = ProjectAllocation
    may_open = access.is_team
    template_name = "finances/overview_allocation_detail.html"

    def get_queryset(self):
        self.queryset = ProjectAllocation.objects.select_related(
            "project", "policy_area", "taakveld"
        )
        return super().get_queryset()


class AllocationSaveMixin:
    new_heading = _("New project allocation")
    model = ProjectAllocation
    form_class = AllocationForm
    may_open = access.is_team
    template_name = "finances/overview_allocation_form.html"

    def save(self, form):
        return save_allocation(
            allocation=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
        )

    def get_success_url(self):
        return reverse("finances:allocation-detail", args=[self.object.pk])


class AllocationCreateView(AllocationSaveMixin, core_views.RegistryCreateView):
    def get_initial(self):
        initial = super().get_initial()
        for name in ("project", "year"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial[name] = int(value)
        return initial

    def get_cancel_url(self) -> str:
        return reverse("finances:overview")


class AllocationUpdateView(AllocationSaveMixin, core_views.RegistryUpdateView):
    pass


class AllocationDeleteView(core_views.RegistryDeleteView):
    model = ProjectAllocation
    may_open = access.is_team
    delete_function = delete_allocation

    def get_success_url(self):
        return f"{reverse('finances:overview')}?year={self.object.year}"
