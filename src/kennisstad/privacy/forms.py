from django import forms

from kennisstad.core.forms import VersionedModelForm

from .models import RetentionPeriod


class RetentionPeriodForm(VersionedModelForm):
    class Meta:
        model = RetentionPeriod
        fields = ["months", "ground"]
        widgets = {"ground": forms.Textarea(attrs={"rows": 3})}
