"""Form base classes: NL Design System widget classes and the hidden version that detects
lost updates."""

from django import forms
from django.utils.translation import gettext_lazy as _

WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox-group",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select utrecht-select--multiple",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.TextInput: "utrecht-textbox utrecht-textbox--html-input",
}
DEFAULT_WIDGET_CLASS = "utrecht-textbox utrecht-textbox--html-input"


def style_widgets(form: forms.BaseForm, *, empty_label=None) -> None:
    """Give every widget its NL Design System class; filter forms get a readable empty choice."""
    for field in form.fields.values():
        if empty_label is not None and getattr(field, "empty_label", None) is not None:
            field.empty_label = empty_label
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        css = next(
            (value for kind, value in WIDGET_CLASSES.items() if type(widget) is kind),
            DEFAULT_WIDGET_CLASS,
        )
        existing = widget.attrs.get("class", "")
        widget.attrs["class"] = f"{existing} {css}".strip()


class StyledFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class VersionedModelForm(StyledFormMixin, forms.ModelForm):
    """Carries the version the editor started from; the service refuses a stale one."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    @property
    def expected_version(self) -> int | None:
        if not self.instance.pk:
            return None
        version = self.cleaned_data.get("version")
        if version is None:
            raise forms.ValidationError(_("The form is missing its version; reload the page."))
        return version


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class SearchInput(forms.TextInput):
    input_type = "search"
