"""A document's page: where it stands in the cycle (status, dates, decision, amendments), and
for a bestuursrapportage the progress of the begroting's actions and the forecasts; the team
takes each step with a form posted to ``DocumentCycleView``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.policy.models import Document, DocumentKind, DocumentStatus

from . import selectors
from .cycle_forms import FORMS, CycleForm
from .finance_views import document_finance
from .services import (
    adopt_document,
    offer_document,
    publish_document,
    record_action_progress,
    record_amendment,
    record_forecast,
)


def _steps(document: Document) -> list[str]:
    """The forms the team may use now, in the order of the cycle."""
    steps = []
    if document.status == DocumentStatus.DRAFT:
        steps.append("offer")
    if not document.is_adopted:
        steps += ["adopt", "amend"]
    elif document.status != DocumentStatus.PUBLISHED:
        steps.append("publish")
    if document.kind == DocumentKind.BESTUURSRAPPORTAGE and not document.is_adopted:
        steps += ["progress", "forecast"]
    return steps


class DocumentDetailView(core_views.RegistryViewMixin, generic.DetailView):
    model = Document
    may_open = access.is_team_or_reader
    template_name = "planning/document_detail.html"

    def get_context_data(self, *, bound: CycleForm | None = None, **kwargs):
        document = self.object
        forms = {}
        if access.is_team(self.request.user):
            forms = {step: _form(step, document) for step in _steps(document)}
        if bound is not None:
            forms[next(k for k, v in FORMS.items() if isinstance(bound, v))] = bound
        return {
            **super().get_context_data(**kwargs),
            **selectors.cycle_of(document),
            "chapters": document.chapters.select_related("policy_area"),
            "forms": forms,
            **document_finance(document),
        }


def _form(step: str, document: Document, data=None) -> CycleForm:
    """Several forms on one page: each names its fields' ids after its step."""
    return FORMS[step](data, document=document, auto_id=f"id_{step}_%s")


def _take(step: str, document: Document, data: dict, user) -> None:
    version = data.pop("version", None)
    if step == "offer":
        offer_document(document=document, user=user, expected_version=version, **data)
    elif step == "adopt":
        adopt_document(document=document, user=user, expected_version=version, **data)
    elif step == "publish":
        publish_document(document=document, user=user, expected_version=version, **data)
    elif step == "amend":
        record_amendment(document=document, user=user, **data)
    elif step == "progress":
        record_action_progress(report=document, user=user, **data)
    else:
        record_forecast(report=document, user=user, year=document.year, **data)


DONE = {
    "offer": _("%(document)s is offered to the council."),
    "adopt": _("%(document)s is adopted; its tables and targets are frozen."),
    "publish": _("%(document)s is published."),
    "amend": _("The amendment to %(document)s is recorded."),
    "progress": _("The progress is recorded in %(document)s."),
    "forecast": _("The forecast is recorded in %(document)s."),
}


class DocumentCycleView(DocumentDetailView):
    """Take one step of the cycle (team only); a refused step says why on the page."""

    may_open = access.is_team
    http_method_names = ["post"]

    def post(self, request, pk, step):
        if not access.is_team(request.user):
            raise PermissionDenied
        self.object = document = get_object_or_404(Document, pk=pk)
        if step not in _steps(document):
            messages.error(
                request, _("This step does not apply to %(document)s now.") % {"document": document}
            )
            return redirect("planning:document-detail", pk=pk)
        form = _form(step, document, request.POST)
        if form.is_valid():
            try:
                _take(step, document, dict(form.cleaned_data), request.user)
            except StaleVersionError as exc:
                messages.error(request, exc.message)
            except DjangoValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, DONE[step] % {"document": document})
                return redirect("planning:document-detail", pk=pk)
        return self.render_to_response(self.get_context_data(bound=form), status=400)
