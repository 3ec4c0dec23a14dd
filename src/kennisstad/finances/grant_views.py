"""Pages of the grants: the list with its totals per policy field, a grant's page with its
history and the steps the team may take, and the form. Team members edit; readers read; a
partner editor sees only its own organisation's grants (``grant_selectors.visible_grants``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.contributions import page_sections
from kennisstad.policy.models import PolicyArea

from . import grant_selectors
from .grant_filters import GrantFilter
from .grant_forms import STEP_FORMS, GrantForm, StepForm
from .grant_models import Grant
from .grant_selectors import GrantTotals
from .grant_services import allowed_steps, award_grant, save_grant, settle_grant, withdraw_grant
from .pages import GRANT_SECTIONS


class GrantListView(core_views.FilteredListView):
    model = Grant
    filterset_class = GrantFilter
    visible = grant_selectors.visible_grants
    may_open = grant_selectors.may_see_grants
    template_name = "finances/grant_list.html"
    results_template_name = "finances/grant_results.html"

    def get_queryset(self):
        self.queryset = grant_selectors.grant_list()
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        totals = grant_selectors.grant_totals(queryset=self.object_list)
        areas = {area.code: area for area in PolicyArea.objects.filter(code__in=totals)}
        context["totals"] = [(areas.get(code), amounts) for code, amounts in totals.items()]
        context["grand_total"] = sum(totals.values(), GrantTotals())
        return context


class GrantDetailView(core_views.RegistryDetailView):
    model = Grant
    visible = grant_selectors.visible_grants
    may_open = grant_selectors.may_see_grants
    template_name = "finances/grant_detail.html"

    def get_queryset(self):
        self.queryset = grant_selectors.grant_list()
        return super().get_queryset()

    def get_context_data(self, *, bound: StepForm | None = None, **kwargs):
        context = super().get_context_data(**kwargs)
        forms = {}
        if access.can_change(self.request.user, self.object):
            forms = {step: _step_form(step, self.object) for step in allowed_steps(self.object)}
        if bound is not None:
            forms[next(k for k, v in STEP_FORMS.items() if isinstance(bound, v))] = bound
        context["forms"] = forms
        context["user_may_open_organisations"] = access.is_team_or_reader(self.request.user)
        context["can_see_management_details"] = access.can_see_management_details(self.request.user)
        context["sections"] = page_sections(GRANT_SECTIONS, self.object, user=self.request.user)
        return context


def _step_form(step: str, grant: Grant, data=None) -> StepForm:
    """Several forms on one page: each names its fields' ids after its step."""
    return STEP_FORMS[step](data, grant=grant, auto_id=f"id_{step}_%s")


STEPS = {"award": award_grant, "settle": settle_grant, "withdraw": withdraw_grant}
DONE = {
    "award": gettext_lazy("The grant is granted."),
    "settle": gettext_lazy("The grant is settled."),
    "withdraw": gettext_lazy("The grant is withdrawn."),
}


class GrantStepView(GrantDetailView):
    """Take one step (team only); a refused step says why on the grant's page."""

    http_method_names = ["post"]

    def post(self, request, pk, step):
        grant = get_object_or_404(self.get_queryset(), pk=pk)
        if not access.can_change(request.user, grant):
            raise PermissionDenied
        self.object = grant
        if step not in STEPS or step not in allowed_steps(grant):
            messages.error(
                request,
                _("This step does not apply to a grant that is %(status)s.")
                % {"status": grant.get_status_display()},
            )
            return redirect("finances:grant-detail", pk=pk)
        form = _step_form(step, grant, request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version", None)
            try:
                STEPS[step](grant=grant, user=request.user, expected_version=version, **data)
            except StaleVersionError as exc:
                messages.error(request, exc.message)
            except DjangoValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, str(DONE[step]))
                return redirect("finances:grant-detail", pk=pk)
            grant.refresh_from_db()
        return self.render_to_response(self.get_context_data(bound=form), status=400)


class GrantSaveMixin:
    new_heading = gettext_lazy("New grant")
    model = Grant
    form_class = GrantForm
    visible = grant_selectors.visible_grants
    may_open = grant_selectors.may_see_grants
    template_name = "finances/grant_form.html"

    def save(self, form):
        return save_grant(
            grant=form.instance, user=self.request.user, expected_version=form.expected_version
        )

    def get_success_url(self):
        return reverse("finances:grant-detail", args=[self.object.pk])


class GrantCreateView(GrantSaveMixin, core_views.RegistryCreateView):
    def get_initial(self):
        """A grant started from a project's page funds that project."""
        initial = super().get_initial()
        for name in ("project", "organisation"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial[name] = int(value)
        return initial


class GrantUpdateView(GrantSaveMixin, core_views.RegistryUpdateView):
    pass
