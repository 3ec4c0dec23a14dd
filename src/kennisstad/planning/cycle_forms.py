"""The forms of the cycle on a document's page: offer, adopt, publish, an amendment, and a
bestuursrapportage's progress and forecasts. Each posts to ``DocumentCycleView``; the
validation is the services' and the models' (``cycle_services``, ``cycle_models``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, StyledFormMixin
from kennisstad.indicators.models import Indicator
from kennisstad.policy.models import Document

from . import selectors
from .models import Action, ProgressStatus, Section


class CycleForm(StyledFormMixin, forms.Form):
    """A step on ``document``; the hidden version detects a page read before another's step."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, document: Document, **kwargs):
        self.document = document
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = document.version


class OfferForm(CycleForm):
    on = forms.DateField(label=_("Offered to the council on"), widget=DateInput())


class AdoptForm(CycleForm):
    on = forms.DateField(label=_("Adopted by the council on"), widget=DateInput())
    decision_number = forms.CharField(label=_("Decision number"), max_length=60)


class PublishForm(CycleForm):
    on = forms.DateField(
        label=_("Published on"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty for today."),
    )


class AmendmentForm(CycleForm):
    number = forms.CharField(label=_("Amendment number"), max_length=30)
    description = forms.CharField(
        label=_("Effect"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    accepted = forms.BooleanField(label=_("Accepted by the council"), required=False, initial=True)
    indicator = forms.ModelChoiceField(
        label=_("Indicator whose target changes"), required=False, queryset=Indicator.objects.none()
    )
    year = forms.IntegerField(label=_("Year of the target"), required=False, min_value=1900)
    new_target = forms.CharField(
        label=_("New target as printed"), required=False, max_length=60, help_text=_("E.g. > 7.")
    )
    section = forms.ModelChoiceField(
        label=_("Section whose text changes"), required=False, queryset=Section.objects.none()
    )
    new_text = forms.CharField(
        label=_("New text (Dutch)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = selectors.indicators_of(self.document)
        self.fields["section"].queryset = selectors.amendable_sections(self.document)
        self.fields["year"].initial = self.document.year


class ProgressForm(CycleForm):
    action = forms.ModelChoiceField(label=_("Action"), queryset=Action.objects.none())
    status = forms.ChoiceField(label=_("Status"), choices=ProgressStatus.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = Action.objects.filter(
            chapter__document__kind="begroting", chapter__document__year=self.document.year
        )


class ForecastForm(CycleForm):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    value = forms.CharField(
        label=_("Forecast for the year"), max_length=60, help_text=_("E.g. 6, > 5 or 80%.")
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = selectors.forecastable_indicators(self.document)


FORMS: dict[str, type[CycleForm]] = {
    "offer": OfferForm,
    "adopt": AdoptForm,
    "publish": PublishForm,
    "amend": AmendmentForm,
    "progress": ProgressForm,
    "forecast": ForecastForm,
}
