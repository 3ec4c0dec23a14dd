"""Project form with its partners as an inline formset."""

from django import forms
from django.forms import inlineformset_factory

from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm
from kennisstad.core.widgets import RegistryChooserSingle

from .models import Project, ProjectPartner


class ProjectForm(VersionedModelForm):
    class Meta:
        model = Project
        fields = [
            "title_nl",
            "title_en",
            "description_nl",
            "description_en",
            "category",
            "status",
            "start_date",
            "end_date",
            "themes",
            "countries",
            "lead_organisation",
            "owner",
            "budget",
            "outcome_nl",
            "outcome_en",
            "is_public",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description_nl": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "outcome_nl": forms.Textarea(attrs={"rows": 3}),
            "outcome_en": forms.Textarea(attrs={"rows": 3}),
            "lead_organisation": RegistryChooserSingle(
                suggest_url="relations:organisation-suggest"
            ),
        }


class PartnerForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ProjectPartner
        fields = ["organisation", "role"]
        widgets = {
            "organisation": RegistryChooserSingle(suggest_url="relations:organisation-suggest")
        }


PartnerFormSet = inlineformset_factory(
    Project, ProjectPartner, form=PartnerForm, extra=2, can_delete=True
)
