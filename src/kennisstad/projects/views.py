"""Pages of the project portfolio."""

from django.db.models import Prefetch
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.exports import ExportableListMixin
from kennisstad.core.services import delete_record

from . import selectors
from .filters import ProjectFilter
from .forms import PartnerFormSet, ProjectForm
from .models import Project, ProjectPartner
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
        from kennisstad.agenda.selectors import activities_of_project

        context = super().get_context_data(**kwargs)
        context["activities"] = activities_of_project(self.object, user=self.request.user)
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
