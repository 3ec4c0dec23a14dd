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


class LongSelect(forms.Select):
    """A select with hundreds of options (countries) rendered in Python: Django's per-option
    templates cost ~0.2 ms an option, which made a list page spend most of its time on one
    filter field."""

    def render(self, name, value, attrs=None, renderer=None):
        from django.utils.html import format_html, format_html_join
        from django.utils.safestring import mark_safe

        context = self.get_context(name, value, attrs)
        widget = context["widget"]
        selected = {str(v) for v in widget["value"]}
        attributes = format_html_join(
            "", ' {}="{}"', ((key, val) for key, val in widget["attrs"].items() if val is not True)
        )
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    option_value,
                    mark_safe(" selected") if str(option_value) in selected else "",
                    label,
                )
                for option_value, label in self.choices
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', widget["name"], attributes, options)


WIDGET_CLASSES[LongSelect] = WIDGET_CLASSES[forms.Select]
