"""Forms for adding a file, uploading a new version and editing what a file is about."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import style_widgets

from .content_check import allowed_extensions
from .models import Attachment
from .services import TEAM_ONLY_FIELDS, check_upload
from .storage import max_upload_bytes


def _file_help() -> str:
    return _("At most %(limit)s MB. Accepted: %(kinds)s.") % {
        "limit": max_upload_bytes() // (1024 * 1024),
        "kinds": allowed_extensions(),
    }


def _checked(upload: UploadedFile) -> UploadedFile:
    check_upload(upload, upload.name or "", upload.size)
    return upload


class AttachmentForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Attachment
        fields = [
            "title",
            "description",
            "document_date",
            "holds_personal_data",
            "shared_with_partners",
        ]
        widgets = {
            "document_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, team: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        if not team:  # the marks are the team's (``services.TEAM_ONLY_FIELDS``)
            for name in TEAM_ONLY_FIELDS:
                del self.fields[name]
        style_widgets(self)

    def changed_fields(self) -> dict:
        """The file's own fields as cleaned, for ``services.update_attachment``."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}


class NewAttachmentForm(AttachmentForm):
    """The first upload: the title may stay empty (the file name is taken)."""

    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _file_help()
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Left empty, the file's name is taken.")
        self.order_fields(["file", "title"])

    def clean_file(self):
        return _checked(self.cleaned_data["file"])


class NewVersionForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _file_help()
        style_widgets(self)

    def clean_file(self):
        return _checked(self.cleaned_data["file"])
