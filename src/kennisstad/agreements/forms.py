"""The agreement form with its parties as an inline formset."""

from django import forms
from django.forms import inlineformset_factory

from kennisstad.accounts.selectors import team_members
from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm
from kennisstad.core.widgets import RegistryChooser, RegistryChooserSingle
from kennisstad.delegations.models import Delegation

from .models import Agreement, AgreementParty


class AgreementForm(VersionedModelForm):
    class Meta:
        model = Agreement
        fields = [
            "title_nl",
            "title_en",
            "kind",
            "summary_nl",
            "summary_en",
            "signed_on",
            "term_years",
            "expires_on",
            "renewal",
            "notice_days",
            "renewal_terms_nl",
            "renewal_terms_en",
            "terminated_on",
            "themes",
            "projects",
            "delegations",
            "relationship_owner",
            "is_public",
        ]
        widgets = {
            "signed_on": DateInput(),
            "expires_on": DateInput(),
            "terminated_on": DateInput(),
            "summary_nl": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "renewal_terms_nl": forms.Textarea(attrs={"rows": 2}),
            "renewal_terms_en": forms.Textarea(attrs={"rows": 2}),
            "themes": forms.CheckboxSelectMultiple,
            "projects": RegistryChooser(suggest_url="projects:project-suggest"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relationship_owner"].queryset = team_members()
        self.fields["delegations"].queryset = Delegation.objects.select_related(
            "activity"
        ).order_by("-activity__starts_at")


class PartyForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = AgreementParty
        fields = ["organisation", "role", "signed_as"]
        widgets = {
            "organisation": RegistryChooserSingle(suggest_url="relations:organisation-suggest")
        }


PartyFormSet = inlineformset_factory(
    Agreement, AgreementParty, form=PartyForm, extra=2, can_delete=True
)
