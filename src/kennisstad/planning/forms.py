from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm
from kennisstad.policy.models import Document, DocumentKind

from .document_reading import MAX_BYTES, SUFFIXES
from .models import Action, Section


class ImportChapterForm(StyledFormMixin, forms.Form):
    """A published document (a chapter, several, or all of it) in any format it is published
    in; which document it is only when the text does not say."""

    file = forms.FileField(
        label=_("Document or chapter"),
        help_text=_(
            "Text copied from the municipality's P&C site or a PDF (.txt, .md), a saved web page "
            "(.html), a Word file (.docx) or a PDF."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUFFIXES)}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of document"),
        required=False,
        choices=[
            ("", _("As the text says")),
            *(
                (kind, label)
                for kind, label in DocumentKind.choices
                if kind != "bestuursrapportage"
            ),
        ],
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1900,
        max_value=2999,
        help_text=_("Only when the text does not say which document it is."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: only show what would happen"), required=False, initial=True
    )
    atomic = forms.BooleanField(
        label=_("All chapters or none: a refused chapter stops the whole import"),
        required=False,
        initial=True,
        help_text=_("Without this, the readable chapters are imported and the others listed."),
    )
    accept_unreadable = forms.BooleanField(
        label=_("Accept unreadable numbers (kept as printed, no value stored)"),
        required=False,
        initial=False,
    )
    published_on = forms.DateField(
        label=_("Published on"),
        required=False,
        widget=DateInput(),
        help_text=_("When the document was published; this is not the council's adoption."),
    )
    peildatum = forms.DateField(
        label=_("Peildatum"),
        required=False,
        widget=DateInput(),
        help_text=_("When the document's numbers were measured; leave empty for the usual date."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        data = upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1_000_000}
            )
        return (data, upload.name)


class DocumentForm(StyledFormMixin, forms.ModelForm):
    copy_from = forms.ModelChoiceField(
        label=_("Start from"),
        required=False,
        queryset=Document.objects.none(),
        help_text=_("Copy the chapters, texts, actions and indicators of an earlier document."),
    )

    class Meta:
        model = Document
        fields = ["kind", "year", "sequence"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sequence"].required = False  # 1 unless a year's second bestuursrapportage
        self.fields["copy_from"].queryset = Document.objects.filter(
            chapters__isnull=False
        ).distinct()

    def clean_sequence(self) -> int:
        return self.cleaned_data.get("sequence") or 1


class ActionForm(VersionedModelForm):
    class Meta:
        model = Action
        fields = ["text_nl", "text_en", "projects"]
        widgets = {
            "text_nl": forms.Textarea(attrs={"rows": 2}),
            "text_en": forms.Textarea(attrs={"rows": 2}),
        }


class SectionForm(VersionedModelForm):
    class Meta:
        model = Section
        fields = ["heading_nl", "heading_en", "body_nl", "body_en"]
        widgets = {
            "body_nl": forms.Textarea(attrs={"rows": 12}),
            "body_en": forms.Textarea(attrs={"rows": 12}),
        }
