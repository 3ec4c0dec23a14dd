"""Pages of the project portfolio."""

from django.db.models import Prefetch
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.contributions import page_sections
from kennisstad.core.exports import ExportableListMixin
from kennisstad.core.services import delete_record

from . import selectors
from .filters import ProjectFilter
from .forms import PartnerFormSet, ProjectForm
from .models import Project, ProjectPartner
from .pages import PROJECT_SECTIONS
from .services import save_project
from .spreadsheets import PROJECT_COLUMNS


class ProjectListView(ExportableListMixin, core_views.FilteredListView):
    model = Project
    export_columns = PROJECT_COLUMNS
    filterset_class = ProjectFilter
    visible = access.visible_projects
    template_name = "projects/project_list.html"
    results_template_name = "projects/_project_results.html"

    def get_queryset(self):
        self.queryset = selectors.project_list()
        return super().get_queryset()

    def get_export_columns(self):
        if access.can_see_management_details(self.request.user):
            return self.export_columns
        return [column for column in self.export_columns if column.key != "budget"]


class ProjectDetailView(core_views.RegistryDetailView):
    model = Project
    visible = access.visible_projects
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        self.queryset = selectors.project_list().prefetch_related(
            Prefetch("partnerships", ProjectPartner.objects.select_related("organisation"))
        )
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = page_sections(PROJECT_SECTIONS, self.object, user=self.request.user)
        context["status_history"] = selectors.status_history(self.object)
        context["can_see_history"] = access.can_see_history(self.request.user)
        context["can_see_management_details"] = access.can_see_management_details(self.request.user)
        context["user_may_open_organisations"] = access.is_team_or_reader(self.request.user)
        return context


class ProjectSaveMixin:
    new_heading = _("New project")
    model = Project
    form_class = ProjectForm
    visible = access.visible_projects
    template_name = "projects/project_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "partner_formset" not in context:
            context["partner_formset"] = getattr(self, "partner_formset", None) or PartnerFormSet(
                instance=self.object if self.object and self.object.pk else Project(),
                prefix="partners",
            )
        return context

    def form_valid(self, form):
        self.partner_formset = PartnerFormSet(
            self.request.POST, instance=form.instance, prefix="partners"
        )
        if not self.partner_formset.is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def form_invalid(self, form):
        if getattr(self, "partner_formset", None) is None:
            self.partner_formset = PartnerFormSet(
                self.request.POST, instance=form.instance, prefix="partners"
            )
        return super().form_invalid(form)

    def save(self, form):
        partners = [
            (item["organisation"], item["role"])
            for item in self.partner_formset.cleaned_data
            if item and item.get("organisation") and not item.get("DELETE")
        ]
        return save_project(
            project=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            themes=form.cleaned_data.get("themes"),
            partners=partners,
        )

    def get_success_url(self):
        return reverse("projects:project-detail", args=[self.object.pk])


class ProjectCreateView(ProjectSaveMixin, core_views.RegistryCreateView):
    pass


class ProjectUpdateView(ProjectSaveMixin, core_views.RegistryUpdateView):
    pass


class ProjectDeleteView(core_views.RegistryDeleteView):
    model = Project
    visible = access.visible_projects
    delete_function = delete_record
    success_url = reverse_lazy("projects:project-list")


class ProjectSuggestView(core_views.SuggestView):
    model = Project
    visible = access.visible_projects
    search_fields = ("title_nl", "title_en")
    ordering = ("title_nl", "pk")


BAR_WIDTH = 360  # pixels for the longest bar


def bars(items: list[dict], *, limit: int = 15) -> dict:
    """Bar lengths for a horizontal bar chart of ``items`` (each with ``count``)."""
    shown = items[:limit]
    longest = max((item["count"] for item in shown), default=0) or 1
    return {
        "items": [
            {**item, "width": round(BAR_WIDTH * item["count"] / longest, 1), "y": index * 26}
            for index, item in enumerate(shown)
        ],
        "height": len(shown) * 26,
    }


class PortfolioOverviewView(core_views.RegistryViewMixin, generic.TemplateView):
    """The portfolio in numbers: projects by theme and category, and by country, for the
    projects the filters select (the same filters as the list)."""

    template_name = "projects/overview.html"

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["projects/_overview_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        from kennisstad.core.forms import style_widgets

        context = super().get_context_data(**kwargs)
        queryset = access.visible_projects(self.request.user, selectors.project_list())
        filterset = ProjectFilter(self.request.GET or None, queryset=queryset, request=self.request)
        style_widgets(filterset.form, empty_label=_("All"))
        projects = filterset.qs if filterset.is_bound else queryset
        overview = selectors.portfolio_overview(projects)
        theme_items = [
            {"label": str(row["theme"] or _("No theme")), "count": row["total"]}
            for row in overview["rows"]
        ]
        country_items = [
            {"label": item["name"], "count": item["count"]} for item in overview["by_country"]
        ]
        context.update(
            filterset=filterset,
            overview=overview,
            theme_bars=bars(sorted(theme_items, key=lambda item: -item["count"])),
            country_bars=bars(country_items),
            query=self.request.GET.urlencode(),
        )
        return context
