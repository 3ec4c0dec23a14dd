"""Pages for agreements: the list with its filters, an agreement, and its forms. The
municipality's side reads them; the team records them. Partners and the public see the public
agreements on the portal's page of partner cities."""

from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisstad.core import views as core_views
from kennisstad.core.contributions import page_sections
from kennisstad.core.exports import Column, ExportableListMixin

from . import selectors
from .filters import AgreementFilter
from .forms import AgreementForm, PartyFormSet
from .models import Agreement
from .pages import AGREEMENT_SECTIONS
from .services import Party, delete_agreement, save_agreement


def _parties(agreement) -> str:
    return ", ".join(str(party.organisation) for party in agreement.partyships.all())


AGREEMENT_COLUMNS = [
    Column("id", _("ID"), lambda a: a.pk),
    Column("title", _("Title"), lambda a: a.title),
    Column("kind", _("Kind"), lambda a: a.get_kind_display()),
    Column("parties", _("Parties"), _parties),
    Column("signed_on", _("Signed on"), lambda a: a.signed_on),
    Column("expires_on", _("Expires on"), lambda a: a.expires_on),
    Column("status", _("Status"), lambda a: a.get_status_display()),
    Column("public", _("Public"), lambda a: a.is_public),
]


class AgreementListView(ExportableListMixin, core_views.FilteredListView):
    model = Agreement
    export_columns = AGREEMENT_COLUMNS
    filterset_class = AgreementFilter
    visible = selectors.visible_agreements
    may_open = selectors.may_see_agreements
    template_name = "agreements/agreement_list.html"
    results_template_name = "agreements/_agreement_results.html"

    def get_queryset(self):
        self.queryset = selectors.agreement_list()
        return super().get_queryset().order_by("-signed_on", "title_nl", "pk")


class AgreementDetailView(core_views.RegistryDetailView):
    model = Agreement
    visible = selectors.visible_agreements
    may_open = selectors.may_see_agreements
    template_name = "agreements/agreement_detail.html"

    def get_queryset(self):
        self.queryset = selectors.agreement_detail_queryset()
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["current_expiry"] = self.object.current_expiry(today)
        context["notice_deadline"] = self.object.notice_deadline(today)
        context["sections"] = page_sections(AGREEMENT_SECTIONS, self.object, user=self.request.user)
        return context


class AgreementSaveMixin:
    """The agreement form plus its parties, saved in one versioned write."""

    new_heading = _("New agreement")
    model = Agreement
    form_class = AgreementForm
    visible = selectors.visible_agreements
    may_open = selectors.may_see_agreements
    template_name = "agreements/agreement_form.html"

    def party_formset(self, data=None):
        instance = self.object if self.object is not None and self.object.pk else Agreement()
        return PartyFormSet(data, instance=instance, prefix="parties")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "party_formset" not in context:
            context["party_formset"] = getattr(self, "bound_parties", None) or self.party_formset()
        return context

    def form_valid(self, form):
        self.bound_parties = self.party_formset(self.request.POST)
        if not self.bound_parties.is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def form_invalid(self, form):
        if getattr(self, "bound_parties", None) is None:
            self.bound_parties = self.party_formset(self.request.POST)
        return super().form_invalid(form)

    def save(self, form):
        parties = [
            Party(item["organisation"], item["role"], item.get("signed_as") or "")
            for item in self.bound_parties.cleaned_data
            if item and item.get("organisation") and not item.get("DELETE")
        ]
        return save_agreement(
            agreement=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            parties=parties,
            themes=form.cleaned_data.get("themes"),
            projects=form.cleaned_data.get("projects"),
            delegations=form.cleaned_data.get("delegations"),
        )

    def get_success_url(self):
        return reverse("agreements:agreement-detail", args=[self.object.pk])


class AgreementCreateView(AgreementSaveMixin, core_views.RegistryCreateView):
    pass


class AgreementUpdateView(AgreementSaveMixin, core_views.RegistryUpdateView):
    pass


def _delete_agreement(*, instance, user, expected_version):
    delete_agreement(agreement=instance, user=user, expected_version=expected_version)


class AgreementDeleteView(core_views.RegistryDeleteView):
    model = Agreement
    visible = selectors.visible_agreements
    may_open = selectors.may_see_agreements
    delete_function = _delete_agreement
    success_url = reverse_lazy("agreements:agreement-list")
