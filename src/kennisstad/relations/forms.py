"""Forms for the relations registry; validation itself lives on the models."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm, style_widgets
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
            "lawful_basis_justification",
        ]
        widgets = {
            "lawful_basis_justification": forms.Textarea(attrs={"rows": 3}),
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


class ReasonForm(StyledFormMixin, forms.Form):
    """Why someone exports or erases a person's data; the access log records it."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("For example: request from the person by mail of 3 March."),
    )


class ExportForm(ReasonForm):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("html", _("Readable page")), ("json", _("JSON file"))],
        initial="html",
    )


class MergeForm(StyledFormMixin, forms.Form):
    """Per field on which the two records disagree: keep this value, or take the other one.
    Fields only the removed record fills are taken over anyway."""

    kept_version = forms.IntegerField(widget=forms.HiddenInput)
    removed_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, kept, removed, **kwargs):
        from .merging import is_blank, mergeable_fields

        super().__init__(*args, **kwargs)
        self.kept, self.removed = kept, removed
        self.fields["kept_version"].initial = kept.version
        self.fields["removed_version"].initial = removed.version
        self.rows = []
        for field in mergeable_fields(type(kept)):
            mine = getattr(kept, field.attname)
            theirs = getattr(removed, field.attname)
            row = {
                "label": field.verbose_name,
                "kept": _display(kept, field),
                "removed": _display(removed, field),
                "choice": None,
            }
            if not is_blank(mine) and not is_blank(theirs) and mine != theirs:
                name = f"take_{field.name}"
                self.fields[name] = forms.ChoiceField(
                    label=field.verbose_name,
                    choices=[("kept", row["kept"]), ("removed", row["removed"])],
                    initial="kept",
                    widget=forms.RadioSelect,
                )
                row["choice"] = name
            self.rows.append(row)
        style_widgets(self)

    @property
    def choice_fields(self):
        return [self[row["choice"]] for row in self.rows if row["choice"]]

    def taken(self) -> list[str]:
        return [
            name.removeprefix("take_")
            for name, value in self.cleaned_data.items()
            if name.startswith("take_") and value == "removed"
        ]


def _display(obj, field) -> str:
    value = getattr(obj, field.name)
    if field.choices:
        return str(getattr(obj, f"get_{field.name}_display")())
    if value in (None, ""):
        return "—"
    return str(value)
