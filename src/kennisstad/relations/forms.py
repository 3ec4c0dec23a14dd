"""Forms for the relations registry; validation itself lives on the models."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, VersionedModelForm
from kennisstad.core.widgets import RegistryChooser

from .models import Interaction, Organisation, Person, Tag


class OrganisationForm(VersionedModelForm):
    tags = forms.ModelMultipleChoiceField(
        label=_("Tags"), queryset=Tag.objects.all(), required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "abbreviation",
            "kind",
            "country",
            "city",
            "website",
            "description_nl",
            "description_en",
            "tags",
            "relationship_owner",
        ]
        widgets = {
            "description_nl": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }


class PersonForm(VersionedModelForm):
    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "job_title",
            "organisations",
            "email",
            "phone",
            "preferred_language",
            "lawful_basis",
            "retain_until",
        ]
        widgets = {
            "retain_until": DateInput(),
            "organisations": RegistryChooser(suggest_url="relations:organisation-suggest"),
        }


class InteractionForm(VersionedModelForm):
    class Meta:
        model = Interaction
        fields = [
            "happened_on",
            "kind",
            "subject",
            "notes",
            "organisations",
            "people",
            "follow_up_on",
        ]
        widgets = {
            "happened_on": DateInput(),
            "follow_up_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 5}),
            "organisations": RegistryChooser(suggest_url="relations:organisation-suggest"),
            "people": RegistryChooser(suggest_url="relations:person-suggest"),
        }
