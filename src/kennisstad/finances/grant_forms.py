"""Forms of the grant pages: the grant itself, and one form per step of its life. The rules
are the model's (``Grant.clean``) and the services' (``grant_services``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.accounts.models import Role, User
from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm
from kennisstad.core.widgets import RegistryChooserSingle
from kennisstad.policy.models import PolicyArea

from .grant_models import Grant
from .grant_services import EDITABLE_FIELDS


def policy_fields():
    """Policy fields (2.1.4), not programmes: money is booked on a field."""
    return PolicyArea.objects.filter(code__regex=r"^\d+\.\d+\.\d+").order_by("code")


class GrantForm(VersionedModelForm):
    class Meta:
        model = Grant
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "organisation": RegistryChooserSingle(suggest_url="relations:organisation-suggest"),
            "project": RegistryChooserSingle(suggest_url="projects:project-suggest"),
            "period_start": DateInput(),
            "period_end": DateInput(),
            "applied_on": DateInput(),
            "accountability_due": DateInput(),
            "accountability_received_on": DateInput(),
            "conditions": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy_area"].queryset = policy_fields()
        self.fields["owner"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR]
        )


class StepForm(StyledFormMixin, forms.Form):
    """A step on ``grant``; the hidden version detects a page read before another's change."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, grant: Grant, **kwargs):
        self.grant = grant
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = grant.version


class AwardForm(StepForm):
    decision_number = forms.CharField(label=_("Decision number"), max_length=60)
    amount_granted = forms.DecimalField(
        label=_("Amount granted (EUR)"), min_value=0, max_digits=13, decimal_places=2
    )
    granted_on = forms.DateField(label=_("Granted on"), widget=DateInput())
    accountability_due = forms.DateField(
        label=_("Accountability due"), required=False, widget=DateInput()
    )


class SettleForm(StepForm):
    amount_final = forms.DecimalField(
        label=_("Amount finally set (EUR)"), min_value=0, max_digits=13, decimal_places=2
    )
    accountability_received_on = forms.DateField(
        label=_("Accountability received on"), widget=DateInput()
    )
    settled_on = forms.DateField(label=_("Settled on"), widget=DateInput())


class WithdrawForm(StepForm):
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), max_length=90)


STEP_FORMS = {"award": AwardForm, "settle": SettleForm, "withdraw": WithdrawForm}
