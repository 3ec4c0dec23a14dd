"""The form of a P&C deadline; the validation (one deadline per document input, only a
bestuursrapportage numbered) is the model's."""

from django import forms

from kennisstad.core.forms import DateInput, VersionedModelForm
from kennisstad.policy.models import Deadline


class DeadlineForm(VersionedModelForm):
    class Meta:
        model = Deadline
        fields = [
            "document_kind",
            "year",
            "sequence",
            "due_on",
            "remind_days_before",
            "description_nl",
            "description_en",
        ]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].widget = forms.NumberInput(attrs={"min": 1990, "max": 2200})
