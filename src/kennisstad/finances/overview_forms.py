"""Forms of the finance overview: choosing the year, and a project's allocation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import StyledFormMixin, VersionedModelForm
from kennisstad.core.widgets import RegistryChooserSingle

from .grant_forms import policy_fields
from .models import ProjectAllocation


class YearForm(StyledFormMixin, forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]


class AllocationForm(VersionedModelForm):
    class Meta:
        model = ProjectAllocation
        fields = ["project", "year", "policy_area", "taakveld", "budgeted", "spent"]
        widgets = {"project": RegistryChooserSingle(suggest_url="projects:project-suggest")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy_area"].queryset = policy_fields()
