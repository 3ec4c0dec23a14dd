"""Choosing records from registries too large for a select (20,000 organisations, 50,000
people): the chosen records are ticked boxes, and a search field asks the server for matches
to tick (htmx). The page never holds more than the chosen records and one page of matches."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .text_input import whole_number

SUGGESTION_LIMIT = 15


class RegistryChooser(forms.CheckboxSelectMultiple):
    """For a ModelMultipleChoiceField; ``suggest_url`` names the view that returns matches
    (see ``core.views.SuggestView``)."""

    template_name = "core/widgets/registry_chooser.html"
    input_type = "checkbox"

    def __init__(self, *, suggest_url: str, attrs=None):
        super().__init__(attrs=attrs)
        self.suggest_url = suggest_url

    def optgroups(self, name, value, attrs=None):
        """Only the chosen records: iterating the whole registry is what this widget avoids."""
        chosen = [number for number in map(whole_number, value) if number is not None]
        queryset = self.choices.queryset
        records = list(queryset.filter(pk__in=chosen)) if chosen else []
        label = self.choices.field.label_from_instance
        groups = []
        for index, record in enumerate(records):
            option = self.create_option(name, record.pk, label(record), True, index, attrs=attrs)
            groups.append((None, [option], index))
        return groups

    def value_from_datadict(self, data, files, name):
        """Only whole numbers can be records; anything else (a tampered form) is dropped here
        rather than reaching the database."""
        values = super().value_from_datadict(data, files, name)
        return [value for value in values if whole_number(value) is not None]

    def id_for_label(self, id_, index=None):
        return f"{id_}_search" if id_ and index is None else super().id_for_label(id_, index)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            {
                "suggest_url": reverse(self.suggest_url),
                "input_type": self.input_type,
                "search_label": _("Search to add"),
                "allows_none": not self.is_required and self.input_type == "radio",
                # The field's error (id ``<id>_error``, see the field template) is read out
                # with the search box.
                "invalid": (attrs or {}).get("aria-invalid") == "true",
            }
        )
        return context


class RegistryChooserSingle(RegistryChooser):
    """The same for a ModelChoiceField (one record, or none when the field is optional)."""

    input_type = "radio"
    allow_multiple_selected = False

    def format_value(self, value):
        if value is None or value == "":
            return []
        return [str(value)]

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        return value if whole_number(value) is not None else None
