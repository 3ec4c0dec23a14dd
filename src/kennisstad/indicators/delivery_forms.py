"""Forms for delivered figures: a partner enters a value; a team member rejects one with its
reason. The service checks them again (the same rules as a realisation)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, StyledFormMixin

from .models import DeliveredValue


class DeliveryForm(StyledFormMixin, forms.ModelForm):
    year = forms.IntegerField(label=_("year"), min_value=1990, max_value=2100)

    class Meta:
        model = DeliveredValue
        fields = ["year", "value", "measured_on", "source", "note"]
        widgets = {"measured_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "measured_on": _("The date the figure was measured or counted."),
            "source": _("Where the figure comes from, e.g. the visitor registration."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].required = True


class RejectForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
