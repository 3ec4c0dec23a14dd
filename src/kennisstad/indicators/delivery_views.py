"""Pages for delivered figures: a partner's own indicators with a form to enter a value, and
the team's list of values awaiting approval, where each is approved or rejected (four eyes:
not by the one who entered it)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.text_input import whole_number

from . import delivery_selectors, delivery_services
from .delivery_forms import DeliveryForm, RejectForm
from .models import DeliveredValue, DeliveryStatus, Indicator


class MyIndicatorsView(core_views.RegistryViewMixin, generic.TemplateView):
    """A partner editor's indicators: what counts, what waits, what was rejected and why."""

    may_open = access.is_partner
    template_name = "indicators/my_indicators.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        this_year = timezone.localdate().year
        context["entries"] = delivery_selectors.partner_indicators(
            self.request.user, this_year=this_year
        )
        return context


class DeliverView(core_views.RegistryViewMixin, generic.FormView):
    """Enter a value of one of the partner's own indicators; it waits for approval."""

    may_open = access.is_partner
    form_class = DeliveryForm
    template_name = "core/form.html"

    @cached_property
    def indicator(self) -> Indicator:
        indicator = get_object_or_404(Indicator, pk=self.kwargs["pk"])
        if not access.can_deliver_values(self.request.user, indicator):
            raise PermissionDenied
        return indicator

    def get_initial(self):
        today = timezone.localdate()
        return {"year": today.year - 1, "measured_on": today}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_heading"] = _("Enter a value: %(indicator)s") % {"indicator": self.indicator}
        context["cancel_url"] = "../../"
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            delivery_services.submit_value(
                indicator=self.indicator,
                year=data["year"],
                value=data["value"],
                measured_on=data["measured_on"],
                source=data["source"],
                note=data.get("note", ""),
                user=self.request.user,
            )
        except DjangoValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Thank you. The value counts once a team member has approved it."),
        )
        return redirect("indicators:my-indicators")


class AwaitingApprovalView(core_views.RegistryViewMixin, generic.TemplateView):
    """Values partners delivered, beside the figure that counts now; approve or reject each."""

    may_open = access.can_review_deliveries
    template_name = "indicators/deliveries_awaiting.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = delivery_selectors.awaiting_rows()
        context["reject_form"] = kwargs.get("reject_form") or RejectForm()
        return context

    def post(self, request, *args, **kwargs):
        delivered = get_object_or_404(
            DeliveredValue,
            pk=whole_number(request.POST.get("delivery")) or 0,
            status=DeliveryStatus.SUBMITTED,
        )
        version = whole_number(request.POST.get("version"))
        try:
            if request.POST.get("decision") == "approve":
                delivery_services.approve_delivery(
                    delivered=delivered, user=request.user, expected_version=version
                )
                text = _("The value of %(indicator)s %(year)s is approved and now counts.")
            else:
                form = RejectForm(request.POST)
                if not form.is_valid():
                    messages.error(request, _("Say why the value is rejected."))
                    return redirect("indicators:deliveries-awaiting")
                delivery_services.reject_delivery(
                    delivered=delivered,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                    expected_version=version,
                )
                text = _("The value of %(indicator)s %(year)s is rejected.")
        except StaleVersionError as exc:
            messages.error(request, exc.message)
        except (PermissionDenied, DjangoValidationError) as exc:
            refusal = exc.messages if isinstance(exc, DjangoValidationError) else [str(exc)]
            messages.error(request, " ".join(refusal))
        else:
            messages.success(
                request, text % {"indicator": delivered.indicator, "year": delivered.year}
            )
        return redirect("indicators:deliveries-awaiting")
