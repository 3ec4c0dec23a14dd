"""Pages of the ledger (team members only: ledger detail is internal): the upload of an export
(a dry run first, then the confirmation imports the very same file), the list of imports with
their totals, and the lines filterable by year, kind, policy field and taakveld."""

import datetime
import re

import django_filters
from django import forms
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core.filters import FilterSet, YearFilter
from kennisstad.core.forms import StyledFormMixin
from kennisstad.core.imports import ImportRefused
from kennisstad.core.views import FilteredListView, RegistryViewMixin

from .ledger_columns import DEFAULT_ALIASES, parse_mapping
from .ledger_reader import MAX_BYTES
from .models import FinanceLine, LedgerImport, LineKind, Taakveld
from .services import import_ledger

UPLOADS = "ledger-uploads"
CHECKSUM = re.compile(r"[0-9a-f]{64}")
PREVIEW_KEPT = datetime.timedelta(days=1)


def _forget_old_previews() -> None:
    """A previewed file nobody confirmed is removed after a day: exports hold internal money."""
    if not default_storage.exists(UPLOADS):
        return
    cutoff = timezone.now() - PREVIEW_KEPT
    for name in default_storage.listdir(UPLOADS)[1]:
        path = f"{UPLOADS}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)


class LedgerOptionsForm(StyledFormMixin, forms.Form):
    """How to read the file: its column names and the year of undated raming lines."""

    estimated_in = forms.IntegerField(
        label=gettext_lazy("Raming lines estimated in (year)"),
        help_text=gettext_lazy("For raming lines that do not name their begroting year."),
        required=False,
        min_value=1900,
        max_value=2100,
    )
    mapping = forms.CharField(
        label=gettext_lazy("Column names (optional)"),
        help_text=gettext_lazy(
            'JSON from field to the header your ledger prints, e.g. {"policy_field": '
            '"Beleidsproduct"}.'
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_mapping(self):
        try:
            return parse_mapping(self.cleaned_data["mapping"], source=_("The column names"))
        except ImportRefused as refused:
            raise forms.ValidationError(str(refused)) from refused


class LedgerUploadForm(LedgerOptionsForm):
    file = forms.FileField(
        label=gettext_lazy("Ledger export"),
        help_text=gettext_lazy("CSV or Excel workbook (.xlsx, first sheet), header in row 1."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    field_order = ["file", "estimated_in", "mapping"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1_000_000}
            )
        return upload


class LedgerUploadView(RegistryViewMixin, generic.FormView):
    """Upload: always a dry run; the report comes with a button that imports the same file
    (kept under its checksum until then), so what is confirmed is what was previewed."""

    may_open = access.is_team
    form_class = LedgerUploadForm
    template_name = "finances/ledger_upload.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["aliases"] = [(name, ", ".join(words)) for name, words in DEFAULT_ALIASES.items()]
        return context

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        options = {
            "mapping": form.cleaned_data["mapping"] or None,
            "estimated_in": form.cleaned_data["estimated_in"],
        }
        try:
            report = import_ledger(
                data=data, file_name=upload.name, user=self.request.user, dry_run=True, **options
            )
        except ImportRefused as refused:
            form.add_error("file", _("Nothing was imported. Correct the file and try again."))
            return self.render_to_response(self.get_context_data(form=form, refused=refused))
        _forget_old_previews()
        stored = f"{UPLOADS}/{report.checksum}"
        if not default_storage.exists(stored):
            default_storage.save(stored, ContentFile(data))
        return self.render_to_response(
            self.get_context_data(
                form=form,
                report=report,
                confirm={
                    "checksum": report.checksum,
                    "file_name": upload.name,
                    "mapping": self.request.POST.get("mapping", ""),
                    "estimated_in": options["estimated_in"] or "",
                },
            )
        )

    def confirm(self, request):
        checksum = request.POST.get("confirm", "")
        stored = f"{UPLOADS}/{checksum}"
        if not CHECKSUM.fullmatch(checksum) or not default_storage.exists(stored):
            messages.error(request, _("The previewed file is gone; upload it again."))
            return redirect("finances:ledger-upload")
        options = LedgerOptionsForm(data=request.POST)
        if not options.is_valid():
            messages.error(request, _("The column names or the year are not valid."))
            return redirect("finances:ledger-upload")
        with default_storage.open(stored, "rb") as handle:
            data = handle.read()
        try:
            report = import_ledger(
                data=data,
                file_name=request.POST.get("file_name", "")[:255] or checksum[:12],
                user=request.user,
                mapping=options.cleaned_data["mapping"] or None,
                estimated_in=options.cleaned_data["estimated_in"],
            )
        except ImportRefused as refused:  # e.g. a policy field removed since the preview
            return self.render_to_response(self.get_context_data(refused=refused))
        default_storage.delete(stored)
        messages.success(request, report.summary())
        return redirect("finances:ledger-imports")


class LedgerImportListView(RegistryViewMixin, generic.ListView):
    may_open = access.is_team
    model = LedgerImport
    paginate_by = 50
    template_name = "finances/ledger_imports.html"

    def get_queryset(self):
        return LedgerImport.objects.select_related("imported_by").order_by("-imported_at", "-id")


class LedgerLineFilter(FilterSet):
    year = YearFilter()
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=LineKind.choices)
    policy_field = django_filters.CharFilter(
        label=gettext_lazy("Policy field"), method="filter_policy_field"
    )
    taakveld = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Taakveld"),
        queryset=Taakveld.objects.order_by("position"),
        to_field_name="code",
    )

    class Meta:
        model = FinanceLine
        fields = ["year", "kind", "policy_field", "taakveld"]

    def filter_policy_field(self, queryset, name, value):
        """The code and everything below it: 2.1 takes 2.1.4."""
        code = value.strip()
        return queryset.filter(policy_area__code=code) | queryset.filter(
            policy_area__code__startswith=f"{code}."
        )


class LedgerLineListView(FilteredListView):
    may_open = access.is_team
    model = FinanceLine
    filterset_class = LedgerLineFilter
    paginate_by = 100
    template_name = "finances/ledger_lines.html"
    results_template_name = "finances/ledger_lines_results.html"

    def get_queryset(self):
        self.queryset = FinanceLine.objects.select_related("policy_area", "taakveld", "batch")
        return super().get_queryset()
