"""The application form with its partners and reporting obligations as inline formsets."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm
from kennisstad.core.widgets import RegistryChooserSingle

from .models import Application, ApplicationPartner, ReportingObligation


class ApplicationForm(VersionedModelForm):
    stage_on = forms.DateField(
        label=_("Stage reached on"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "When the stage changes: the day it took effect (today if left empty). The "
            "indicators count by these dates."
        ),
    )

    class Meta:
        model = Application
        fields = [
            "title_nl",
            "title_en",
            "description_nl",
            "description_en",
            "programme",
            "programme_line",
            "call_id",
            "call_deadline",
            "stage",
            "own_role",
            "project",
            "total_budget",
            "funder_contribution",
            "cofinancing",
            "owner",
        ]
        widgets = {
            "call_deadline": DateInput(),
            "description_nl": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "project": RegistryChooserSingle(suggest_url="projects:project-suggest"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from kennisstad.accounts.selectors import team_members

        self.fields["owner"].queryset = team_members()
        # Move the stage's date right after the stage.
        order = list(self.fields)
        order.remove("stage_on")
        order.insert(order.index("stage") + 1, "stage_on")
        self.order_fields(order)


class PartnerForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ApplicationPartner
        fields = ["organisation", "role", "share"]
        widgets = {
            "organisation": RegistryChooserSingle(suggest_url="relations:organisation-suggest")
        }


class ObligationForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ReportingObligation
        fields = ["kind", "due_on", "done_on", "note"]
        widgets = {"due_on": DateInput(), "done_on": DateInput()}


PartnerFormSet = inlineformset_factory(
    Application, ApplicationPartner, form=PartnerForm, extra=2, can_delete=True
)
ObligationFormSet = inlineformset_factory(
    Application, ReportingObligation, form=ObligationForm, extra=2, can_delete=True
)
