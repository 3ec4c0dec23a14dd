"""Pages of funding applications: the pipeline by stage, the list, an application, its form."""

from django.db.models import Prefetch
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.core import views as core_views
from kennisstad.core.contributions import page_sections

from . import selectors
from .filters import ApplicationFilter
from .forms import ApplicationForm, ObligationFormSet, PartnerFormSet
from .models import Application, ApplicationPartner, Programme, Stage
from .pages import APPLICATION_SECTIONS
from .services import delete_application, save_application
from .stage_history import IN_DEVELOPMENT


class FundingViewMixin:
    may_open = staticmethod(selectors.may_see_applications)
    visible = staticmethod(selectors.visible_applications)
    model = Application


class ApplicationListView(FundingViewMixin, core_views.FilteredListView):
    filterset_class = ApplicationFilter
    template_name = "funding/application_list.html"
    results_template_name = "funding/_application_results.html"

    def get_queryset(self):
        self.queryset = selectors.application_list().order_by("-call_deadline", "title_nl")
        return super().get_queryset()


class PipelineView(FundingViewMixin, core_views.RegistryViewMixin, generic.TemplateView):
    """A column per stage with the applications now in it and their funder contributions;
    a table of the same on narrow screens. Narrowed by programme in the URL."""

    template_name = "funding/pipeline.html"

    def get_queryset(self):
        return selectors.visible_applications(self.request.user, selectors.application_list())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = self.request.GET.get("programme", "")
        queryset = self.get_queryset()
        if programme in Programme.values:
            queryset = queryset.filter(programme=programme)
        else:
            programme = ""
        columns = selectors.pipeline(queryset)
        context.update(
            {
                "columns": columns,
                "programme": programme,
                "programmes": Programme.choices,
                "in_development": [c for c in columns if c.stage in IN_DEVELOPMENT],
                "total_contribution": sum(c.contribution for c in columns),
            }
        )
        return context


class ApplicationDetailView(FundingViewMixin, core_views.RegistryDetailView):
    template_name = "funding/application_detail.html"

    def get_queryset(self):
        self.queryset = selectors.application_list().prefetch_related(
            Prefetch("partners", ApplicationPartner.objects.select_related("organisation")),
            "obligations",
        )
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["sections"] = page_sections(APPLICATION_SECTIONS, self.object, user=user)
        context["stage_history"] = selectors.stage_history(self.object)
        context["stages"] = Stage
        return context


class ApplicationSaveMixin(FundingViewMixin):
    new_heading = _("New funding application")
    form_class = ApplicationForm
    template_name = "funding/application_form.html"

    def _formsets(self, data=None):
        instance = self.object if self.object and self.object.pk else Application()
        if data is not None:
            instance = getattr(self, "_form_instance", instance)
        return {
            "partner_formset": PartnerFormSet(data, instance=instance, prefix="partners"),
            "obligation_formset": ObligationFormSet(data, instance=instance, prefix="obligations"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "partner_formset" not in context:
            context.update(getattr(self, "formsets", None) or self._formsets())
        return context

    def form_valid(self, form):
        self._form_instance = form.instance
        self.formsets = self._formsets(self.request.POST)
        if not all(formset.is_valid() for formset in self.formsets.values()):
            return self.form_invalid(form)
        return super().form_valid(form)

    def form_invalid(self, form):
        if getattr(self, "formsets", None) is None:
            self._form_instance = form.instance
            self.formsets = self._formsets(self.request.POST)
        return super().form_invalid(form)

    def save(self, form):
        partners = [
            (item["organisation"], item["role"], item.get("share"))
            for item in self.formsets["partner_formset"].cleaned_data
            if item and item.get("organisation") and not item.get("DELETE")
        ]
        obligations = [
            (item["kind"], item["due_on"], item.get("done_on"), item.get("note", ""))
            for item in self.formsets["obligation_formset"].cleaned_data
            if item and item.get("kind") and item.get("due_on") and not item.get("DELETE")
        ]
        return save_application(
            application=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            stage_on=form.cleaned_data.get("stage_on"),
            partners=partners,
            obligations=obligations,
        )

    def get_success_url(self):
        return reverse("funding:application-detail", args=[self.object.pk])


class ApplicationCreateView(ApplicationSaveMixin, core_views.RegistryCreateView):
    pass


class ApplicationUpdateView(ApplicationSaveMixin, core_views.RegistryUpdateView):
    pass


class ApplicationDeleteView(FundingViewMixin, core_views.RegistryDeleteView):
    delete_function = staticmethod(delete_application)
    success_url = reverse_lazy("funding:application-list")
