"""The team's pages of the integrity registers: a list, a page, a form for each kind of record
(office-holders, gifts received, gifts given, trips paid by third parties), and the register of
a period with its downloads. The public register is on the portal."""

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.text_input import whole_number

from . import exports, selectors, services
from .forms import GiftGivenForm, GiftReceivedForm, OfficeHolderForm, ThirdPartyTripForm
from .models import GiftGiven, GiftReceived, OfficeHolder, ThirdPartyTrip


def _euro(value) -> str:
    return f"€ {value:.2f}".replace(".", ",")


@dataclass(frozen=True)
class Kind:
    """One kind of register record and how its pages show it."""

    name: str  # the URL names' stem: "gift-received"
    model: type
    form_class: type
    save: Any  # (instance, user, expected_version) -> instance
    records: Any  # selector: (user=) -> queryset
    title: Any
    new_heading: Any
    columns: tuple  # (label, getter) on the list
    fields: tuple  # field names on the record's page


def _save_holder(instance, user, expected_version):
    return services.save_office_holder(
        office_holder=instance, user=user, expected_version=expected_version
    )


def _save_received(instance, user, expected_version):
    return services.save_gift_received(gift=instance, user=user, expected_version=expected_version)


def _save_given(instance, user, expected_version):
    return services.save_gift_given(gift=instance, user=user, expected_version=expected_version)


def _save_trip(instance, user, expected_version):
    return services.save_trip(trip=instance, user=user, expected_version=expected_version)


KINDS = {
    "office-holder": Kind(
        "office-holder",
        OfficeHolder,
        OfficeHolderForm,
        _save_holder,
        selectors.office_holders,
        _("Office-holders and staff"),
        _("New office-holder"),
        ((_("Name"), lambda o: o.name), (_("Function"), lambda o: o.title)),
        ("name", "function", "portfolio", "in_office_from", "in_office_until"),
    ),
    "gift-received": Kind(
        "gift-received",
        GiftReceived,
        GiftReceivedForm,
        _save_received,
        selectors.gifts_received,
        _("Gifts received"),
        _("New gift received"),
        (
            (_("Date"), lambda g: g.received_on),
            (_("Recipient"), lambda g: g.recipient.name),
            (_("Giver"), lambda g: g.giver_name),
            (_("Estimated value"), lambda g: _euro(g.estimated_value)),
            (_("What happened to it"), lambda g: g.get_disposition_display()),
        ),
        (
            "recipient",
            "received_on",
            "giver_name",
            "giver_organisation",
            "giver_person",
            "occasion",
            "description_nl",
            "description_en",
            "estimated_value",
            "disposition",
            "delegation",
            "erasure_note",
        ),
    ),
    "gift-given": Kind(
        "gift-given",
        GiftGiven,
        GiftGivenForm,
        _save_given,
        selectors.gifts_given,
        _("Gifts given"),
        _("New gift given"),
        (
            (_("Date"), lambda g: g.given_on),
            (_("Given by"), lambda g: g.giver),
            (_("Recipient"), lambda g: g.recipient),
            (_("Estimated value"), lambda g: _euro(g.estimated_value)),
        ),
        (
            "given_on",
            "giver",
            "recipient",
            "recipient_organisation",
            "occasion",
            "description_nl",
            "description_en",
            "estimated_value",
            "delegation",
        ),
    ),
    "trip": Kind(
        "trip",
        ThirdPartyTrip,
        ThirdPartyTripForm,
        _save_trip,
        selectors.trips,
        _("Trips and invitations paid by third parties"),
        _("New trip or invitation"),
        (
            (_("From"), lambda t: t.starts_on),
            (_("Office-holder"), lambda t: t.office_holder.name),
            (_("Kind"), lambda t: t.get_kind_display()),
            (_("Destination"), lambda t: t.destination),
            (_("Paid by"), lambda t: t.paid_by),
            (_("Estimated value"), lambda t: _euro(t.estimated_value)),
        ),
        (
            "office_holder",
            "kind",
            "paid_by",
            "paid_by_organisation",
            "destination",
            "destination_country",
            "starts_on",
            "ends_on",
            "purpose",
            "estimated_value",
            "delegation",
        ),
    ),
}


class KindMixin:
    kind: Kind = KINDS["gift-received"]  # each route names its kind (urls.py)
    visible = access.visible_integrity_records
    may_open = access.can_see_gifts_and_travel_costs

    def get_queryset(self):
        return self.kind.records(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kind"] = self.kind
        context["kinds"] = KINDS.values()
        return context


class RecordListView(KindMixin, core_views.RegistryViewMixin, generic.ListView):
    template_name = "integrity/record_list.html"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            (record, [getter(record) for _label, getter in self.kind.columns])
            for record in context["object_list"]
        ]
        context["can_create"] = access.can_create(
            self.request.user, self.kind.model._meta.label_lower
        )
        return context


def _display(record, name: str):
    field = record._meta.get_field(name)
    if getattr(field, "choices", None):
        return getattr(record, f"get_{name}_display")()
    value = getattr(record, name)
    if name == "destination_country":
        return value.name if value else ""
    if name == "estimated_value":
        return _euro(value)
    return value


class RecordDetailView(KindMixin, core_views.RegistryDetailView):
    template_name = "integrity/record_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        context["fields"] = [
            (record._meta.get_field(name).verbose_name, _display(record, name))
            for name in self.kind.fields
        ]
        context["can_change"] = access.can_change(self.request.user, record)
        if isinstance(record, OfficeHolder):
            context["gifts"] = record.gifts_received.order_by("-received_on", "-id")
            context["trips"] = record.third_party_trips.order_by("-starts_on", "-id")
        return context


class RecordSaveMixin(KindMixin):
    template_name = "core/form.html"
    may_open = access.is_team

    def get_initial(self):
        initial = super().get_initial()
        delegation = whole_number(self.request.GET.get("delegation"))
        if delegation is not None and "delegation" in self.kind.fields:
            initial["delegation"] = delegation
        return initial

    def save(self, form):
        return self.kind.save(form.instance, self.request.user, form.expected_version)

    def get_success_url(self):
        return reverse(f"integrity:{self.kind.name}-detail", args=[self.object.pk])

    def get_cancel_url(self) -> str:
        if self.object is not None and self.object.pk:
            return reverse(f"integrity:{self.kind.name}-detail", args=[self.object.pk])
        return reverse(f"integrity:{self.kind.name}-list")


class RecordCreateView(RecordSaveMixin, core_views.RegistryCreateView):
    pass


class RecordUpdateView(RecordSaveMixin, core_views.RegistryUpdateView):
    pass


def views_for(kind: Kind) -> dict[str, Any]:
    """The list, page, create and edit views of one kind, as classes of their own (the site-wide
    tests read ``model`` from a view's class)."""
    attributes = {
        "kind": kind,
        "model": kind.model,
        "form_class": kind.form_class,
        "new_heading": kind.new_heading,
    }
    return {
        name: type(f"{kind.model.__name__}{base.__name__}", (base,), attributes)
        for name, base in (
            ("list", RecordListView),
            ("detail", RecordDetailView),
            ("create", RecordCreateView),
            ("update", RecordUpdateView),
        )
    }


class RegisterView(core_views.RegistryViewMixin, generic.TemplateView):
    """The public register of a period as the team sees it (also periods not yet closed);
    ``?period=2027-q1&format=xlsx|csv|docx&register=gifts|trips`` downloads it."""

    may_open = access.can_see_gifts_and_travel_costs
    template_name = "integrity/register.html"

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        asked = request.GET.get("period", "")
        self.period = selectors.period_from_slug(asked)
        if self.period is None and asked:  # never another period's file than the one asked for
            raise Http404
        if self.period is None:
            self.period = selectors.period_of(today).previous()
        fmt = request.GET.get("format")
        if fmt:
            register = request.GET.get("register", "gifts")
            if fmt not in exports.FORMATS or register not in exports.REGISTERS:
                raise Http404
            response = HttpResponse(
                exports.render(register, self.period, fmt),
                content_type=exports.CONTENT_TYPES[fmt],
            )
            name = exports.filename(register, self.period, fmt)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = selectors.period_of(timezone.localdate())
        choices, period = [], current
        for _step in range(8):
            choices.append(period)
            period = period.previous()
        if self.period not in choices:
            choices.append(self.period)
        context.update(
            period=self.period,
            periods=choices,
            closed=self.period.is_closed(),
            formats=exports.FORMATS,
            gifts=selectors.public_gifts(self.period),
            trips=selectors.third_party_trips(self.period),
            threshold=selectors.gifts_threshold(),
            kinds=KINDS.values(),
        )
        return context
