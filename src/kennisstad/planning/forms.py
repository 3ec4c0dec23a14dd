from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm
from kennisstad.core.text_input import TextInputError, read_upload
from kennisstad.policy.models import Document

from .models import Action, Section


class ImportChapterForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Chapter as plain text"),
        help_text=_("UTF-8 text in the layout of the budget: one table cell per line."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: only show what would happen"), required=False, initial=True
    )
    draft = forms.BooleanField(
        label=_("Keep as a draft (not yet adopted)"), required=False, initial=False
    )
    peildatum = forms.DateField(
        label=_("Peildatum"),
        required=False,
        widget=DateInput(),
        help_text=_("When the document's numbers were measured; leave empty for the usual date."),
    )

    def clean_file(self):
        try:
            return read_upload(self.cleaned_data["file"], max_bytes=2_000_000)
        except TextInputError as exc:
            raise forms.ValidationError(str(exc)) from exc


class DocumentForm(StyledFormMixin, forms.ModelForm):
    copy_from = forms.ModelChoiceField(
        label=_("Start from"),
        required=False,
        queryset=Document.objects.none(),
        help_text=_("Copy the chapters, texts, actions and indicators of an earlier document."),
    )

    class Meta:
        model = Document
        fields = ["kind", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["copy_from"].queryset = Document.objects.filter(
            chapters__isnull=False
        ).distinct()


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
