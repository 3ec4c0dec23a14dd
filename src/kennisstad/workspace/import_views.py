"""Upload form for spreadsheet imports (team members only), with a dry run."""

from django import forms
from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core.forms import StyledFormMixin
from kennisstad.core.imports import ImportRefused
from kennisstad.core.spreadsheets import MAX_BYTES
from kennisstad.core.views import RegistryViewMixin

from .imports import IMPORT_KINDS, import_file

# Each importable kind with its spec's own (lazy) label: a kind added there shows up here.
KIND_CHOICES = [(kind, spec.label) for kind, spec in IMPORT_KINDS.items()]


class SpreadsheetImportForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file contains"), choices=KIND_CHOICES)
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("Excel workbook (.xlsx, first sheet) or CSV, header in row 1."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Dry run: only show what would happen"), required=False, initial=True
    )


class SpreadsheetImportView(RegistryViewMixin, generic.FormView):
    may_open = access.is_team
    form_class = SpreadsheetImportForm
    template_name = "workspace/import_spreadsheet.html"

    def get_initial(self):
        kind = self.request.GET.get("kind")
        return {"kind": kind} if kind in dict(KIND_CHOICES) else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kinds"] = [
            (
                spec.label,
                [column.header() for column in spec.columns if column.key != "id"],
                [column.header() for column in spec.columns if column.required],
            )
            for spec in IMPORT_KINDS.values()
        ]
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error(
                "file", _("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1_000_000}
            )
            return self.form_invalid(form)
        try:
            report = import_file(
                data=upload.read(),
                filename=upload.name,
                kind=form.cleaned_data["kind"],
                user=self.request.user,
                dry_run=form.cleaned_data["dry_run"],
            )
        except ImportRefused as refused:
            form.add_error("file", _("Nothing was imported. Correct the file and try again."))
            return self.render_to_response(self.get_context_data(form=form, refused=refused))
        if not report.dry_run:
            messages.success(self.request, _("The spreadsheet was imported."))
        return render(
            self.request, self.template_name, self.get_context_data(form=form, report=report)
        )
