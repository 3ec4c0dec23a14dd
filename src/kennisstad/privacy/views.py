"""The privacy pages: the retention periods per kind of record (the team reads them, an
administrator sets them) and the register of processing activities with its downloads."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core.views import RegistryViewMixin, ServiceFormMixin

from . import selectors
from .exports import FORMATS, register_response
from .forms import RetentionPeriodForm
from .models import RetentionPeriod
from .registry import record_kinds
from .services import save_retention_period


class RetentionListView(RegistryViewMixin, generic.TemplateView):
    template_name = "privacy/retention_list.html"
    may_open = access.is_team_or_reader

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["retentions"] = selectors.retentions()
        context["can_edit"] = access.is_administrator(self.request.user)
        return context


class RetentionEditView(RegistryViewMixin, ServiceFormMixin, generic.UpdateView):
    """Set the municipality's own period for one kind; the first save creates the row."""

    model = RetentionPeriod
    form_class = RetentionPeriodForm
    may_open = access.is_administrator

    def get_object(self, queryset=None):
        kind = record_kinds.get(self.kwargs["kind"])
        if kind is None:
            raise Http404
        self.kind = kind
        current = selectors.retention(kind.key)
        return current.setting or RetentionPeriod(
            kind=kind.key, months=current.months, ground=current.ground
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_heading"] = _("Retention period: %(kind)s") % {"kind": self.kind.label}
        return context

    def get_cancel_url(self) -> str:
        return reverse("privacy:retention")

    def get_success_url(self) -> str:
        return reverse("privacy:retention")

    def save(self, form):
        return save_retention_period(
            period=form.instance, user=self.request.user, expected_version=form.expected_version
        )


class ProcessingRegisterView(RegistryViewMixin, generic.TemplateView):
    """The art. 30 register; ``?format=xlsx|csv|docx`` downloads it."""

    template_name = "privacy/register.html"
    may_open = access.is_team_or_reader

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt in FORMATS:
            return register_response(fmt)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = selectors.register_rows()
        context["formats"] = FORMATS
        return context
