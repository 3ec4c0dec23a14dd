"""Pages of contact moments, follow-ups and relations gone quiet."""

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
from kennisstad.core.text_input import whole_number

from .. import selectors
from ..filters import InteractionFilter
from ..forms import (
    InteractionForm,
)
from ..models import (
    Interaction,
    Organisation,
)
from ..services import complete_follow_up, save_interaction
from ..spreadsheets import INTERACTION_COLUMNS


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
