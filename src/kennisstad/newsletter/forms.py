"""Forms of the newsletter: subscribing on the portal, composing an edition, a test mail."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm
from kennisstad.core.models import Theme

from .models import Edition, Language

CONSENT = _(
    "I want to receive the international newsletter at this address. The municipality keeps my "
    "address, language and themes only for this newsletter, until I unsubscribe; every mail "
    "has a link to unsubscribe."
)


class SubscribeForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=Language.choices,
        widget=forms.RadioSelect,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name_nl"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none for news and activities on every theme."),
    )
    consent = forms.BooleanField(label=CONSENT)
    # Left empty by people (it is hidden from view); robots that fill in every field give
    # themselves away and get the same answer without a mail.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class EditionForm(VersionedModelForm):
    class Meta:
        model = Edition
        fields = [
            "subject_nl",
            "subject_en",
            "intro_nl",
            "intro_en",
            "body_nl",
            "body_en",
            "activities_from",
            "activities_until",
        ]
        widgets = {"activities_from": DateInput(), "activities_until": DateInput()}


class TestMailForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("Send a test to"), max_length=254)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)


class EraseSubscriberForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    confirm = forms.BooleanField(
        label=_("Yes, erase this subscriber and every trace of the subscription."),
        required=False,
    )
