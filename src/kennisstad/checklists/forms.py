"""Forms of the checklists: a template with its tasks as an inline formset, applying a
template to a record, and one task."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm

from .models import ChecklistTemplate, Task, TemplateItem
from .selectors import team_users


class TemplateForm(VersionedModelForm):
    class Meta:
        model = ChecklistTemplate
        fields = ["name_nl", "name_en", "kind", "description_nl", "description_en", "is_active"]
        widgets = {
            "description_nl": forms.Textarea(attrs={"rows": 2}),
            "description_en": forms.Textarea(attrs={"rows": 2}),
        }


class ItemForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = TemplateItem
        fields = ["title_nl", "title_en", "description", "offset_days", "default_owner", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_owner"].queryset = team_users()
        self.fields["order"].required = False  # empty: by days from the event


ItemFormSet = inlineformset_factory(
    ChecklistTemplate, TemplateItem, form=ItemForm, extra=3, can_delete=True
)
ITEM_FIELDS = tuple(ItemForm.Meta.fields)


class ApplyForm(StyledFormMixin, forms.Form):
    template = forms.ModelChoiceField(
        label=_("Checklist template"),
        queryset=ChecklistTemplate.objects.none(),
        help_text=_("Its tasks are copied with due dates counted from the event's first day."),
    )

    def __init__(self, *args, kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        templates = ChecklistTemplate.objects.filter(is_active=True).order_by("kind", "name_nl")
        self.fields["template"].queryset = templates
        suggested = templates.filter(kind=kind).first() if kind else None
        if suggested is not None:
            self.fields["template"].initial = suggested.pk


class TaskForm(VersionedModelForm):
    due = forms.DateField(
        label=_("Due"),
        widget=DateInput(),
        help_text=_("Changing it fixes the date: it no longer moves with the event."),
    )

    class Meta:
        model = Task
        fields = ["title_nl", "title_en", "description", "owner"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team_users()
        if self.instance.pk:
            self.fields["due"].initial = self.instance.due_on
