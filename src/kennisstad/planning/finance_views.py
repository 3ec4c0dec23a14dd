"""The money on the pages: the chapter's "Wat mag het kosten?" / "Wat heeft het gekost?" table
with its explanations (and, for the team until the jaarstukken are published, a form per
difference still to explain), and the document's overview per taakveld."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.policy.models import Document

from .finance_explanations import explanations_of, missing_explanations, unexplained
from .finance_format import (
    ROW_LABELS,
    ROW_LABELS_EN,
    overview_rows,
    shown,
    unit_note,
    unit_note_en,
)
from .finance_models import FinanceExplanation, FinanceRow
from .finance_services import explanations_open, save_finance_explanation
from .finance_shown import _english, _titles, table_view
from .finance_tables import finance_overview, finance_table
from .models import Chapter


def chapter_finance(chapter: Chapter, *, can_explain: bool) -> dict:
    """The chapter page's money, and the rows the team must still explain."""
    table = finance_table(chapter)
    explained = explanations_of([chapter]).get(chapter.pk, {})
    english = _english()
    missing = missing_explanations(chapter, table, explained)
    return {
        "finance": table_view(table, explained),
        "finance_missing": [
            (row, (ROW_LABELS_EN if english else ROW_LABELS)[row]) for row in missing
        ],
        "can_explain": can_explain and explanations_open(chapter.document),
        "explained_rows": [
            (row, (ROW_LABELS_EN if english else ROW_LABELS)[row]) for row in explained
        ],
    }


def document_finance(document: Document) -> dict:
    """The document page's overview per taakveld and its differences still unexplained."""
    overview = finance_overview(document)
    if overview is None:
        return {}
    return {
        "overview": {
            "titles": _titles(overview.columns),
            "unit_note": unit_note_en() if _english() else unit_note(),
            "rows": [
                (name, [shown(v) for v in values]) for name, values in overview_rows(overview)
            ],
            "frozen": overview.frozen,
        },
        "unexplained": [
            (chapter, (ROW_LABELS_EN if _english() else ROW_LABELS)[row])
            for chapter, row in unexplained(document)
        ],
    }


class ExplanationForm(forms.Form):
    text_nl = forms.CharField(label=gettext_lazy("Explanation (Dutch)"), widget=forms.Textarea)
    text_en = forms.CharField(
        label=gettext_lazy("Explanation (English)"), widget=forms.Textarea, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FinanceExplanationView(core_views.RegistryViewMixin, generic.FormView):
    """Explain one difference of a jaarstukken chapter (team, until the document is published)."""

    may_open = access.is_team
    model = Chapter  # the record the URL names
    form_class = ExplanationForm
    template_name = "core/form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated or not type(self).may_open(request.user):
            return super().dispatch(request, *args, **kwargs)  # to the login, or a 403
        self.chapter = get_object_or_404(
            Chapter.objects.select_related("document", "policy_area"), pk=kwargs["pk"]
        )
        if kwargs["row"] not in FinanceRow.values:
            raise Http404
        self.explanation = FinanceExplanation.objects.filter(
            chapter=self.chapter, row=kwargs["row"]
        ).first()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not explanations_open(self.chapter.document):
            raise PermissionDenied(_("The explanations of a published document do not change."))
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        if self.explanation is None:
            return {}
        e = self.explanation
        return {"text_nl": e.text_nl, "text_en": e.text_en, "version": e.version}

    def get_context_data(self, **kwargs):
        label = ROW_LABELS_EN[self.kwargs["row"]] if _english() else ROW_LABELS[self.kwargs["row"]]
        heading = _("Explain the difference in %(row)s of %(chapter)s") % {
            "row": label.lower(),
            "chapter": self.chapter.policy_area,
        }
        return {
            **super().get_context_data(**kwargs),
            "form_heading": heading,
            "cancel_url": self._back(),
        }

    def _back(self) -> str:
        return reverse("planning:chapter-detail", args=[self.chapter.pk])

    def form_valid(self, form):
        try:
            save_finance_explanation(
                chapter=self.chapter,
                row=self.kwargs["row"],
                text_nl=form.cleaned_data["text_nl"],
                text_en=form.cleaned_data["text_en"],
                user=self.request.user,
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleVersionError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        except DjangoValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
            return self.form_invalid(form)
        messages.success(self.request, _("The explanation is saved."))
        return redirect(self._back())
